"""Demo calls for `manage.py seed_demo`, written through the services so that every step is in the audit log.

- Serbia's Directorate: a call decided with four eyes over a year ago (two proposals for one flat, one
  approved, the other rejected automatically, an agreement created, whose project `projects.demo` runs)
  and an open cross-border call with a question answered, a site visit booked, a submitted proposal and
  a draft with a partner invitation;
- North Macedonia's Agency: an upcoming call.

A decided call must have closed; the services refuse to publish a call that closes in the past, so the
decided call is published with a closing time a minute ahead, its proposals submitted, and its closing
time then moved back (the only write here that bypasses a service, and it is in the log as such).
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from network.management.commands.seed_demo import DEMO_EMAIL_DOMAIN
from network.models import Country, Membership, Organisation
from reuse_projects.models import Property

from .audit import audit_append
from .models import Call, Review
from .services import calls as call_services
from .services import decisions as decision_services
from .services import proposals as proposal_services
from .services import reviews as review_services

OFFICE = "direkcija-rs"
UPCOMING_OFFICE = "auoi-mk"
CRITERIA = [
    {"title": "Social impact", "description": "Who benefits, how many people, how much it changes for them.",
     "weight": 40, "max_score": 10},
    {"title": "Feasibility", "description": "A realistic plan, budget and team for the renovation and running.",
     "weight": 30, "max_score": 10},
    {"title": "Sustainability", "description": "How the use is paid for after the first two years.",
     "weight": 20, "max_score": 10},
    {"title": "Local partnerships", "description": "The municipality, schools, other CSOs involved.",
     "weight": 10, "max_score": 10},
]
CHECKLIST = [
    {"title": "Work plan", "description": "Activities month by month for the first two years.", "mandatory": True},
    {"title": "Budget", "description": "Renovation and running costs with the sources of funding.",
     "mandatory": True},
    {"title": "Letter of support from the municipality", "description": "", "mandatory": False},
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PLANS = [
    {
        "planned_use": "A youth centre with a homework club, a small library and a community kitchen.",
        "activities": "Homework club on weekdays; cooking classes with the local market; a repair café "
                      "on Saturdays; summer camps for children from the nearby settlement.",
        "beneficiaries": [{"group": "Pupils aged 10-15", "people_per_year": 120},
                          {"group": "Young people aged 16-25", "people_per_year": 200}],
        "timeline": "Renovation in months 1-5, opening in month 6, full programme from month 9.",
        "renovation_cost": "28000", "running_cost_per_year": "21000",
        "funding_sources": "City youth fund (50%), an EU cross-border programme, income of the café.",
        "sustainability_plan": "The café and room rental cover 40% of the running costs from the second year.",
    },
    {
        "planned_use": "Supported housing for two young people leaving care, with a day programme.",
        "activities": "Mentoring, job coaching with local employers, independent-living skills.",
        "beneficiaries": [{"group": "Young people leaving care", "people_per_year": 6}],
        "timeline": "Adaptation in three months; the first residents move in in month four.",
        "renovation_cost": "12000", "running_cost_per_year": "30000",
        "funding_sources": "Ministry social services grant, a private foundation.",
        "sustainability_plan": "A multi-year service contract with the Centre for Social Work.",
    },
]


def _pdf(name):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _admins(country, count):
    """Admins of verified demo CSOs of a country: `[(organisation, admin)]`."""
    rows = (Membership.objects.filter(
        role=Membership.Role.ADMIN, organisation__kind=Organisation.Kind.CSO,
        organisation__status=Organisation.Status.VERIFIED, organisation__country_id=country,
        user__email__endswith="@" + DEMO_EMAIL_DOMAIN,
    ).select_related("organisation", "user").order_by("organisation__name"))
    return [(row.organisation, row.user) for row in rows[:count]]


def _fill(proposal, actor, plan):
    proposal_services.proposal_update(proposal=proposal, actor=actor, data=plan, version=proposal.version)
    for requirement in proposal.call.document_requirements.filter(mandatory=True):
        proposal_services.proposal_attach(proposal=proposal, actor=actor, requirement=requirement,
                                          upload=_pdf(f"{requirement.title.lower().replace(' ', '-')}.pdf"))


def seed_calls_demo(*, ensure_user) -> list[tuple[str, str, str]]:
    """Create the demo calls once; returns the extra accounts to print: (e-mail, role, organisation).

    `ensure_user(email, full_name, language)` is the seed's own: it finds or creates a person who can sign in.
    """
    office = Organisation.objects.get(slug=OFFICE)
    if Call.objects.filter(amo=office).exists():
        return []
    officer = Membership.objects.filter(organisation=office).select_related("user").order_by("pk").first().user
    second_officer = ensure_user(f"officer2.{OFFICE}@{DEMO_EMAIL_DOMAIN}", "Milica Stanković", "sr")
    Membership.objects.get_or_create(user=second_officer, organisation=office,
                                     defaults={"role": Membership.Role.MEMBER})
    reviewer = ensure_user(f"reviewer@{DEMO_EMAIL_DOMAIN}", "Ana Kovač (independent expert)", "en")
    applicants = _admins("RS", 3)
    available = list(Property.objects.filter(amo=office, status=Property.Status.AVAILABLE, archived_at__isnull=True)
                     .exclude(reference__startswith="BENCH").order_by("reference")[:3])
    if len(applicants) < 2 or len(available) < 3:
        return []
    now = timezone.now()

    # A call decided with four eyes ------------------------------------------------------------------
    decided = call_services.call_create(
        call=Call(amo=office, title="Flats for community services in Novi Sad",
                  description="The Directorate invites verified civil society organisations to propose the "
                              "social re-use of a confiscated flat for services to young people or people in "
                              "need. The flat is given for five years, renewable, free of rent; the "
                              "organisation pays the utilities.",
                  opens_at=now - timedelta(days=40), closes_at=now + timedelta(minutes=5)),
        actor=officer, properties=[available[0]], criteria=CRITERIA, document_requirements=CHECKLIST,
    )
    call_services.call_publish(call=decided, actor=officer)
    proposals = []
    for (organisation, admin), plan in zip(applicants[:2], PLANS, strict=True):
        proposal = proposal_services.proposal_create(call=decided, property=available[0],
                                                     organisation=organisation, actor=admin)
        _fill(proposal, admin, plan)
        proposal_services.proposal_submit(proposal=proposal, actor=admin)
        proposals.append(proposal)
    # Closed and decided a year and a half ago, so that the re-use project that followed has results to show.
    closed_at = now - timedelta(days=610)
    Call.objects.filter(pk=decided.pk).update(closes_at=closed_at)
    audit_append(action="demo_call_backdated", obj=decided, actor=None, call_id=decided.pk,
                 data={"closes_at": closed_at.isoformat()})
    decided.refresh_from_db()
    review_services.reviewer_appoint(call=decided, actor=officer, email=reviewer.email)
    review_services.call_start_review(call=decided, actor=officer)
    for review, scores in zip(Review.objects.filter(proposal__call=decided).order_by("proposal_id"),
                              [(9, 8, 8, 7), (7, 6, 8, 5)], strict=True):
        review_services.review_declare(review=review, actor=reviewer, has_conflict=False)
        criteria = list(decided.criteria.order_by("position"))
        review_services.review_submit(
            review=review, actor=reviewer, recommendation="approve" if scores[0] > 8 else "reject",
            scores={c.pk: (score, "Clear and well argued.") for c, score in zip(criteria, scores, strict=True)},
            comment="A careful, realistic proposal.",
        )
    decision = decision_services.decision_propose(
        proposal=proposals[0], actor=officer, outcome="approved",
        reasons="The highest score on social impact and a realistic budget, with the city's youth fund "
                "committed for two years.",
        agreement_start=(now - timedelta(days=580)).date(), agreement_term_months=60,
        agreement_obligations="Open at least 40 hours a week; free of charge for participants; results report "
                              "every six months; the organisation pays utilities and ordinary maintenance.",
        reporting_every_months=6,
    )
    decision_services.decision_confirm(decision=decision, actor=second_officer)

    # An open cross-border call ------------------------------------------------------------------------
    open_call = call_services.call_create(
        call=Call(amo=office, title="Houses for social farming and community centres, 2026",
                  description="Two confiscated properties for social farming, training or community centres. "
                              "Organisations from Serbia, Bosnia and Herzegovina and Montenegro may apply, "
                              "alone or with partners.",
                  opens_at=now - timedelta(days=5), closes_at=now + timedelta(days=25),
                  scope=Call.Scope.CROSS_BORDER),
        actor=officer, properties=available[1:3], criteria=CRITERIA, document_requirements=CHECKLIST,
        eligible_countries=list(Country.objects.filter(code__in=["RS", "BA", "ME"])),
    )
    call_services.call_publish(call=open_call, actor=officer)
    organisation, admin = applicants[0]
    question = call_services.question_ask(
        call=open_call, organisation=organisation, actor=admin,
        question="Can the garden be used for a greenhouse, or only the buildings?",
    )
    call_services.question_answer(question=question, actor=officer, answer=(
        "Yes: the garden is part of the property and a seasonal greenhouse needs no building permit."
    ))
    call_services.question_ask(call=open_call, organisation=applicants[1][0], actor=applicants[1][1],
                               question="Is a letter of support from the municipality required?")
    slot = call_services.site_visit_slot_create(slot=open_call.site_visit_slots.model(
        call=open_call, property=available[1], starts_at=now + timedelta(days=7, hours=2),
        ends_at=now + timedelta(days=7, hours=3), capacity=6, meeting_point="At the main gate",
    ), actor=officer)
    call_services.site_visit_book(slot=slot, organisation=organisation, actor=admin, people=2)
    submitted = proposal_services.proposal_create(call=open_call, property=available[1],
                                                  organisation=applicants[1][0], actor=applicants[1][1])
    _fill(submitted, applicants[1][1], PLANS[0])
    proposal_services.proposal_submit(proposal=submitted, actor=applicants[1][1])
    draft = proposal_services.proposal_create(call=open_call, property=available[2], organisation=organisation,
                                              actor=admin)
    proposal_services.proposal_update(proposal=draft, actor=admin, version=draft.version, data={
        "planned_use": "A social farm with a training kitchen for women returning to work.",
    })
    if len(applicants) > 2:
        proposal_services.partner_invite(proposal=draft, organisation=applicants[2][0], actor=admin,
                                         role="Runs the training kitchen.")

    # An upcoming call in North Macedonia ------------------------------------------------------------
    mk_office = Organisation.objects.get(slug=UPCOMING_OFFICE)
    mk_officer = Membership.objects.filter(organisation=mk_office).select_related("user").order_by("pk").first()
    mk_property = Property.objects.filter(amo=mk_office, status=Property.Status.AVAILABLE,
                                          archived_at__isnull=True).order_by("reference").first()
    if mk_officer and mk_property:
        upcoming = call_services.call_create(
            call=Call(amo=mk_office, title="Јавен повик за социјална пренамена на имот во Скопје",
                      description="Повик до здруженијата на граѓани за користење на одземен имот за "
                                  "социјални услуги.",
                      opens_at=now + timedelta(days=10), closes_at=now + timedelta(days=45)),
            actor=mk_officer.user, properties=[mk_property], criteria=CRITERIA, document_requirements=CHECKLIST,
        )
        call_services.call_publish(call=upcoming, actor=mk_officer.user)
    return [
        (second_officer.email, "AMO officer", office.name),
        (reviewer.email, "reviewer", decided.title),
    ]
