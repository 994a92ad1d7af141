"""End to end in a real browser: from a call to a decision.

An officer prepares and publishes a call; a visitor finds it; a CSO drafts a proposal (autosave, a
document for the checklist, a partner from another country who must accept first) and submits it; after
the call closes the officer appoints a reviewer and starts the review; the reviewer declares no conflict
before reading, scores and recommends; one officer proposes the approval, a second confirms it (four
eyes); the public sees the decision and the property as assigned, the CSO sees it with the reasons.

Each actor has their own browser context (their own session). Every distinct page the journey visits is
checked with axe-core (WCAG 2.1 A and AA).
"""

import datetime as dt
import re
import zoneinfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from calls.audit import audit_verify
from calls.models import Call, Decision, Proposal, ReuseAgreement, Review
from network.models import Country, Organisation
from reuse_projects.models import Property
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PropertyFactory,
    UserFactory,
    amo_officer,
    cso_member,
)

from .conftest import axe_check, new_page, signed_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OFFICE = "direkcija-rs"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CALL_TITLE = "Call for the social re-use of a flat in Novi Sad"
CALL_DESCRIPTION = "The Directorate invites proposals for community use of a confiscated flat."
CRITERIA = [("Social impact", "60"), ("Feasibility", "40")]
PLANNED_USE = "A youth centre with a homework club and a community kitchen."
CONTENT = {
    "Planned social use": PLANNED_USE,
    "Activities": "Homework club on weekdays; cooking classes; a repair café on Saturdays.",
    "Timeline": "Renovation in the first six months, opening in the seventh.",
    "Renovation cost (EUR)": "25000.00",
    "Running costs per year (EUR)": "18000.00",
    "Sources of funding": "Municipal grant, EU programme, own income from the café.",
    "Sustainability plan": "The café and room rental cover half the running costs from the second year.",
}
GROUP = "Young people aged 15-25"
REASONS = "The strongest proposal: a clear work plan and a partner with experience across the border."


def message(page):
    return page.locator(".messages")


def office_time(moment):
    """A `datetime-local` value in the office's time zone (the call form reads its times there)."""
    zone = zoneinfo.ZoneInfo(Organisation.objects.get(slug=OFFICE).country.time_zone)
    return timezone.localtime(moment, zone).strftime("%Y-%m-%dT%H:%M")


def test_call_from_publication_to_a_four_eyes_decision(live_server, browser, tmp_path):
    url = live_server.url
    office = Organisation.objects.get(slug=OFFICE)
    officer_a = amo_officer(OFFICE)
    officer_b = MembershipFactory(organisation=office).user
    flat = PropertyFactory(available=True, amo=office)
    PropertyFactory(available=True, amo=office)  # another of the office's properties, not in the call
    applicant = OrganisationFactory(verified=True, country=Country.objects.get(code="RS"),
                                    name="Udruženje Mladi za zajednicu")
    applicant_admin = cso_member(applicant, admin=True)
    partner = OrganisationFactory(verified=True, country=Country.objects.get(code="ME"),
                                  name="Centar za građanske inicijative Podgorica")
    partner_admin = cso_member(partner, admin=True)
    reviewer = UserFactory(full_name="Ana Recenzent")
    work_plan = tmp_path / "work-plan.pdf"
    work_plan.write_bytes(PDF)

    # 1. Officer A prepares the call in the office's pages and publishes it.
    officer = signed_in(browser, url, officer_a)
    officer.get_by_role("navigation", name="Main").get_by_role("link", name="My office").click()
    officer.get_by_role("link", name=f"Calls of {office.name}").click()
    officer.wait_for_url(f"{url}/en/office/calls/?office={OFFICE}")
    expect(officer.get_by_role("heading", level=1)).to_have_text(f"Calls of {office.name}")
    expect(officer.get_by_text("The office has no calls yet.")).to_be_visible()
    axe_check(officer)
    officer.get_by_role("link", name="Prepare a call").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("Prepare a call")
    axe_check(officer)
    officer.get_by_label("Title").fill(CALL_TITLE)
    officer.get_by_label("Description").fill(CALL_DESCRIPTION)
    now = timezone.now()
    officer.get_by_label("Opens").fill(office_time(now - dt.timedelta(minutes=5)))
    officer.get_by_label("Closes").fill(office_time(now + dt.timedelta(days=30)))
    officer.get_by_label(f"{flat.reference}: ").check()
    for number, (title, weight) in enumerate(CRITERIA, start=1):
        row = officer.get_by_role("group", name=f"Criterion {number}", exact=True)
        row.get_by_label("Criterion").fill(title)
        row.get_by_label("Weight (%)").fill(weight)
    document = officer.get_by_role("group", name="Document 1", exact=True)
    document.get_by_label("Document").fill("Work plan")
    expect(document.get_by_label("Mandatory")).to_be_checked()
    officer.get_by_role("button", name="Save as a draft").click()
    officer.wait_for_url(re.compile(r"/en/office/calls/\d+/$"))
    expect(message(officer)).to_contain_text("The call is saved as a draft.")
    expect(officer.get_by_text("The call is ready to be published.")).to_be_visible()
    call = Call.objects.get(title=CALL_TITLE)
    assert call.status == Call.Status.DRAFT and list(call.properties.all()) == [flat]
    assert [(c.title, c.weight) for c in call.criteria.all()] == [(t, int(w)) for t, w in CRITERIA]
    assert [(d.title, d.mandatory) for d in call.document_requirements.all()] == [("Work plan", True)]
    axe_check(officer)
    officer.get_by_label("I have checked the call").check()
    officer.get_by_role("button", name="Publish the call").click()
    expect(message(officer)).to_contain_text("The call is published")
    expect(officer.get_by_role("link", name="Open the public page")).to_be_visible()
    axe_check(officer)
    flat.refresh_from_db()
    assert flat.status == Property.Status.UNDER_CALL

    # 2. A visitor finds it among the open calls and opens its page.
    _context, visitor = new_page(browser)
    visitor.goto(f"{url}/en/calls/")
    expect(visitor.get_by_role("heading", level=2, name="Open calls")).to_be_visible()
    card = visitor.locator(".call-card").filter(has=visitor.get_by_role("link", name=CALL_TITLE))
    expect(card).to_contain_text(office.name)
    expect(card).to_contain_text(flat.title_en)
    axe_check(visitor)
    card.get_by_role("link", name=CALL_TITLE).click()
    visitor.wait_for_url(f"{url}/en/calls/{call.pk}/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(CALL_TITLE)
    expect(visitor.locator(".call-description")).to_contain_text(CALL_DESCRIPTION)
    expect(visitor.get_by_role("region", name="Documents to attach")).to_contain_text("Work plan")
    expect(visitor.get_by_role("link", name=re.compile("Prepare a proposal"))).to_have_count(0)
    axe_check(visitor)

    # 3. The CSO's admin prepares a proposal: content (autosaved), the work plan, a partner.
    cso = signed_in(browser, url, applicant_admin)
    cso.goto(f"{url}/en/calls/{call.pk}/")
    cso.get_by_role("link", name=re.compile("Prepare a proposal")).click()
    expect(cso.get_by_role("heading", level=1)).to_have_text("Start a proposal")
    expect(cso.get_by_text(f"Applying as {applicant.name}.")).to_be_visible()
    expect(cso.get_by_label(f"{flat.reference}: ")).to_be_checked()
    axe_check(cso)
    cso.get_by_role("button", name="Start the draft").click()
    cso.wait_for_url(re.compile(r"/en/proposals/\d+/edit/$"))
    proposal = Proposal.objects.get(organisation=applicant)
    expect(message(cso)).to_contain_text("Your draft is started.")
    axe_check(cso)
    # The autosave sends the form on a pause in the typing: wait for the one sent after the last change.
    with cso.expect_response(lambda response: "/autosave/" in response.url
                             and GROUP in (response.request.post_data or "")) as autosaved:
        for label, value in CONTENT.items():
            cso.get_by_label(label).fill(value)
        cso.get_by_label("People per year in group 1").fill("300")
        cso.get_by_label("Group 1", exact=True).fill(GROUP)
    assert autosaved.value.ok, autosaved.value.text()
    expect(cso.locator("#autosave-status")).to_have_text(re.compile(r"^Saved at \d\d:\d\d$"))
    # What the autosave stored comes back with the page.
    cso.reload()
    for label, value in CONTENT.items():
        expect(cso.get_by_label(label)).to_have_value(value)
    proposal.refresh_from_db()
    assert proposal.planned_use == PLANNED_USE
    assert proposal.beneficiaries == [{"group": GROUP, "people_per_year": 300}]

    line = cso.locator(".checklist-line").filter(has=cso.get_by_role("heading", name="Work plan"))
    expect(line).to_contain_text("Missing: not attached yet.")
    line.get_by_label("File").set_input_files(str(work_plan))
    line.get_by_role("button", name="Attach").click()
    expect(message(cso)).to_contain_text("“work-plan.pdf” is attached.")
    expect(line.get_by_role("link", name="work-plan.pdf")).to_be_visible()

    partners = cso.get_by_role("region", name="Partners")
    partners.get_by_label("Find a partner organisation by name").fill("Podgorica")
    partners.get_by_role("button", name="Search").click()
    partners.get_by_label(f"{partner.name} (Montenegro)").check()
    partners.get_by_label("Its role in the project").fill("Runs the repair café")
    partners.get_by_role("button", name="Invite").click()
    expect(message(cso)).to_contain_text(f"{partner.name} is invited; it must accept before you can submit.")
    row = partners.get_by_role("row").filter(has_text=partner.name)
    expect(row).to_contain_text("Invited")
    axe_check(cso)

    # Submission waits for the partner.
    cso.get_by_role("region", name="Submission").get_by_role("link").click()
    cso.wait_for_url(f"{url}/en/proposals/{proposal.pk}/submit/")
    expect(cso.locator(".missing-list")).to_have_text(f"Waiting for {partner.name} to accept the partnership.")
    expect(cso.get_by_role("button", name="Submit the proposal")).to_have_count(0)
    axe_check(cso)

    # 4. The partner's admin accepts the invitation from "My proposals".
    partner_page = signed_in(browser, url, partner_admin)
    partner_page.get_by_role("navigation", name="Main").get_by_role("link", name="My proposals").click()
    invitations = partner_page.get_by_role("region", name="Invitations to be a partner")
    expect(invitations).to_contain_text(f"{applicant.name} invites {partner.name}")
    axe_check(partner_page)
    invitations.get_by_role("link", name="Answer").click()
    expect(partner_page.get_by_role("heading", level=1)).to_have_text(f"Partnership with {applicant.name}")
    axe_check(partner_page)
    partner_page.get_by_label("Accept").check()
    partner_page.get_by_role("button", name="Send my answer").click()
    partner_page.wait_for_url(f"{url}/en/proposals/")
    expect(message(partner_page)).to_contain_text(f"You accepted: {partner.name} is a partner in this proposal.")

    # 5. The CSO's admin submits and gets the receipt.
    cso.reload()
    expect(cso.locator(".missing-list")).to_have_count(0)
    cso.get_by_role("button", name="Submit the proposal").click()
    cso.wait_for_url(f"{url}/en/proposals/{proposal.pk}/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED and proposal.reference
    expect(message(cso)).to_contain_text(f"Your proposal is submitted. Its reference is {proposal.reference}.")
    receipt = cso.get_by_role("region", name="Receipt")
    expect(receipt).to_contain_text(proposal.reference)
    expect(receipt.locator("code.digest")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    assert receipt.locator("code.digest").inner_text() == proposal.digest
    axe_check(cso)

    # 6. Time passes: the call closes (reviews start only then).
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - dt.timedelta(minutes=1))

    # 7. Officer A appoints the reviewer and starts the review.
    officer.goto(f"{url}/en/office/calls/{call.pk}/")
    officer.get_by_role("navigation", name="Evaluation").get_by_role("link", name="Reviewers").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text(f"Reviewers: {CALL_TITLE}")
    expect(officer.get_by_text("No reviewer is appointed yet.")).to_be_visible()
    axe_check(officer)
    officer.get_by_label("E-mail address of the reviewer").fill(reviewer.email)
    officer.get_by_role("button", name="Appoint").click()
    expect(message(officer)).to_contain_text(f"{reviewer.full_name} is appointed as a reviewer.")
    expect(officer.get_by_role("row").filter(has_text=reviewer.email)).to_be_visible()
    axe_check(officer)
    officer.get_by_role("navigation", name="Call").get_by_role("link", name="Proposals").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text(f"Proposals: {CALL_TITLE}")
    expect(officer.get_by_role("row").filter(has_text=proposal.reference)).to_contain_text(applicant.name)
    axe_check(officer)
    officer.get_by_role("button", name="Start the review of 1 submitted proposal").click()
    expect(message(officer)).to_contain_text("The review has started for 1 proposals.")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.UNDER_REVIEW

    # 8. The reviewer declares before reading, then scores and recommends.
    reviewing = signed_in(browser, url, reviewer)
    reviewing.get_by_role("navigation", name="Main").get_by_role("link", name="Reviews").click()
    expect(reviewing.get_by_role("heading", level=1)).to_have_text("Your reviews")
    axe_check(reviewing)
    reviewing.get_by_role("link", name=applicant.name).click()
    reviewing.wait_for_url(re.compile(r"/en/reviews/\d+/$"))
    expect(reviewing.get_by_role("heading", level=1)).to_have_text(f"Review: {applicant.name}")
    expect(reviewing.locator("dl.profile").first).to_contain_text(flat.reference)
    assert PLANNED_USE not in reviewing.content(), "the reviewer reads the proposal before declaring"
    assert "work-plan.pdf" not in reviewing.content()
    axe_check(reviewing)
    reviewing.get_by_label("No, I have no conflict of interest").check()
    reviewing.get_by_role("button", name="Declare").click()
    expect(message(reviewing)).to_contain_text("Thank you. You can now read and score the proposal.")
    expect(reviewing.get_by_text(PLANNED_USE)).to_be_visible()
    for title, score in (("Social impact", "8"), ("Feasibility", "7")):
        reviewing.get_by_label(f"Score for “{title}” (0 to 10)").select_option(score)
        reviewing.get_by_label(f"Comment on “{title}”").fill(f"{title}: convincing.")
    reviewing.get_by_label("Recommendation").select_option(label="Approve")
    reviewing.get_by_label("Overall comment").fill("A well prepared proposal.")
    axe_check(reviewing)
    reviewing.get_by_role("button", name="Submit the review").click()
    expect(message(reviewing)).to_contain_text("Your review is submitted. Thank you.")
    expect(reviewing.get_by_text("Submitted. Weighted score: 76")).to_be_visible()
    assert Review.objects.get(reviewer=reviewer).status == Review.Status.SUBMITTED
    axe_check(reviewing)

    # 9. Officer A reads the ranking, then proposes the approval; it waits for a second officer.
    officer.get_by_role("navigation", name="Call").get_by_role("link", name="Ranking").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text(f"Ranking: {CALL_TITLE}")
    ranked = officer.locator("table.ranking > tbody > tr").filter(has_text=applicant.name).first
    expect(ranked).to_contain_text("76")
    expect(ranked).to_contain_text("1 of 1")
    axe_check(officer)
    ranked.get_by_role("link", name=proposal.reference).click()
    officer.wait_for_url(f"{url}/en/office/proposals/{proposal.pk}/")
    expect(officer.get_by_role("heading", level=1)).to_have_text(f"{proposal.reference}: {applicant.name}")
    axe_check(officer)
    decide = officer.locator("#decide")
    decide.get_by_label("Approved").check()
    decide.get_by_label("Reasons").fill(REASONS)
    decide.get_by_label("Agreement starts").fill((timezone.localdate() + dt.timedelta(days=30)).isoformat())
    decide.get_by_label("Term (months)").fill("60")
    decide.get_by_label("Results report every (months)").fill("12")
    decide.get_by_label("Obligations").fill("Open to the public five days a week.")
    decide.get_by_role("button", name="Propose the decision").click()
    expect(message(officer)).to_contain_text("The decision is proposed: another officer of the office must confirm it.")
    expect(officer.get_by_text("Waiting for a second officer: another officer")).to_be_visible()
    expect(officer.get_by_role("button", name="Confirm the decision")).to_have_count(0)
    axe_check(officer)
    assert Decision.objects.get(proposal=proposal).status == Decision.Status.PROPOSED
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.UNDER_REVIEW
    assert not ReuseAgreement.objects.exists()

    # 10. Officer B confirms it.
    second = signed_in(browser, url, officer_b)
    second.goto(f"{url}/en/office/proposals/{proposal.pk}/")
    expect(second.get_by_text(REASONS)).to_be_visible()
    axe_check(second)
    second.get_by_role("button", name="Confirm the decision").click()
    expect(message(second)).to_contain_text("The decision is confirmed and sent to the applicant.")
    expect(second.get_by_role("button", name="Confirm the decision")).to_have_count(0)
    axe_check(second)

    # 11. The public sees the decision and the property as assigned; the CSO sees "Approved" and why.
    visitor.goto(f"{url}/en/calls/{call.pk}/")
    decisions = visitor.get_by_role("region", name="Public decisions")
    decision_row = decisions.get_by_role("row").filter(has_text=applicant.name)
    expect(decision_row).to_contain_text(flat.title_en)
    axe_check(visitor)
    decision_row.get_by_role("link", name=flat.title_en).click()
    visitor.wait_for_url(re.compile(rf"/en/properties/{OFFICE}--{flat.reference}/$"))
    expect(visitor.locator(f".badge-{Property.Status.ASSIGNED}").first).to_have_text("Assigned")
    axe_check(visitor)

    cso.goto(f"{url}/en/proposals/{proposal.pk}/")
    expect(cso.get_by_role("region", name="Where it stands").locator(".badge")).to_have_text("Approved")
    expect(cso.get_by_role("region", name="Messages with the office")).to_contain_text(REASONS)
    axe_check(cso)

    # 12. The audit chain holds, and the agreement exists on the terms proposed.
    checked, broken = audit_verify()
    assert broken is None and checked > 0
    agreement = ReuseAgreement.objects.get(proposal=proposal)
    assert (agreement.property_id, agreement.organisation_id) == (flat.pk, applicant.pk)
    assert (agreement.term_months, agreement.reporting_every_months) == (60, 12)
    flat.refresh_from_db()
    assert flat.status == Property.Status.ASSIGNED
