"""Writes of the office's side of a call: create, edit, publish, cancel; the clarification board;
site visits. Keyword-only, each in one transaction, each appended to the audit log.

Cancelling a published call: a reason is always required (it is sent to every applicant and kept in
the audit log), and it is refused once any proposal of the call is approved or has a decision waiting
for a second officer. Proposals keep their status: no move of the transition table fits (withdrawing
is the applicant's act, rejecting needs a decision with reasons); the call being cancelled is what
stops them, and their organisations are told why.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.services import ActionRefused
from reuse_projects.models import Property
from reuse_projects.services import property_change_status

from .. import permissions
from ..audit import audit_append
from ..models import (
    Call,
    CallCriterion,
    CallDocumentRequirement,
    CallQuestion,
    Decision,
    Proposal,
    SiteVisitBooking,
    SiteVisitSlot,
)
from ..notifications import link, members_of, notify

# The fields an officer may still change once a call is published.
AMENDABLE_FIELDS = ("description", "closes_at")
EDITABLE_FIELDS = ("title", "description", "opens_at", "closes_at", "min_years_active", "scope")


class CallNotReady(ActionRefused):
    """Publishing refused: `problems` lists every reason at once, so the office fixes them in one go."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(_("The call cannot be published yet: %(problems)s") % {"problems": " ".join(problems)})


def _refuse_unless(allowed: bool):
    if not allowed:
        raise ActionRefused(_("You are not allowed to do this."))


def _check_text_lengths(obj, *names):
    """TextField's max_length binds forms only; the services hold it for every caller."""
    errors = {}
    for name in names:
        limit = obj._meta.get_field(name).max_length
        if limit and len(getattr(obj, name) or "") > limit:
            errors[name] = _("Please keep it under %(limit)s characters.") % {"limit": f"{limit:,}"}
    if errors:
        raise ValidationError(errors)


def _json_time(value):
    return value.isoformat() if value else None


# Create and edit ----------------------------------------------------------------------------------


def _check_properties(call: Call, properties) -> list[Property]:
    """The office's own properties that are available, or already attached to this draft."""
    properties = list(properties)
    attached = set(call.properties.values_list("pk", flat=True)) if call.pk else set()
    wrong = [
        p for p in properties
        if p.amo_id != call.amo_id or p.archived_at is not None
        or (p.status != Property.Status.AVAILABLE and p.pk not in attached)
    ]
    if wrong:
        raise ValidationError({"properties": _(
            "These properties are not available properties of the office: %(references)s."
        ) % {"references": ", ".join(p.reference for p in wrong)}})
    return properties


def _build_rows(call: Call, model, rows: list[dict], fields: tuple[str, ...], label: str) -> list:
    """Unsaved, validated rows (criteria or checklist lines) in the order given."""
    objects, errors = [], []
    for position, row in enumerate(rows):
        obj = model(call=call, position=position, **{name: row[name] for name in fields if name in row})
        for name in ("title", "description"):
            setattr(obj, name, (getattr(obj, name) or "").strip())
        try:
            obj.full_clean(exclude=["call"])
            _check_text_lengths(obj, "description")
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.extend(
                    _("%(what)s %(number)s, %(field)s: %(message)s") % {
                        "what": label, "number": position + 1, "field": field, "message": message}
                    for message in messages
                )
        objects.append(obj)
    if errors:
        raise ValidationError(errors)
    return objects


def _replace_rows(call: Call, criteria, document_requirements):
    if criteria is not None:
        rows = _build_rows(call, CallCriterion, criteria, ("title", "description", "weight", "max_score"),
                           _("Criterion"))
        call.criteria.all().delete()
        CallCriterion.objects.bulk_create(rows)
    if document_requirements is not None:
        rows = _build_rows(call, CallDocumentRequirement, document_requirements,
                           ("title", "description", "mandatory"), _("Document"))
        call.document_requirements.all().delete()
        CallDocumentRequirement.objects.bulk_create(rows)


@transaction.atomic
def call_create(
    *, call: Call, actor, properties, criteria: list[dict], document_requirements: list[dict],
    eligible_countries=(),
) -> Call:
    """A draft call of the officer's office, with its properties, criteria and checklist."""
    _refuse_unless(permissions.can_create_call(actor, call.amo))
    call.status = Call.Status.DRAFT
    call.created_by = actor
    call.published_at = None
    call.full_clean()
    _check_text_lengths(call, "description")
    properties = _check_properties(call, properties)
    call.save()
    call.properties.set(properties)
    call.eligible_countries.set(list(eligible_countries))
    _replace_rows(call, criteria, document_requirements)
    audit_append(action="call_created", obj=call, actor=actor, call_id=call.pk, data={
        "title": call.title,
        "properties": sorted(p.pk for p in properties),
        "criteria": [[row["title"], row["weight"]] for row in criteria],
        "opens_at": _json_time(call.opens_at),
        "closes_at": _json_time(call.closes_at),
    })
    return call


def _changed(call: Call, stored: Call, names) -> dict:
    return {
        name: [getattr(stored, name), getattr(call, name)]
        for name in names if getattr(stored, name) != getattr(call, name)
    }


@transaction.atomic
def call_update(
    *, call: Call, actor, properties=None, criteria=None, document_requirements=None, eligible_countries=None,
    now=None,
) -> list[str]:
    """Save an edit; returns the names of what changed.

    A draft may change everything (criteria and checklist are replaced). A published call may only have
    its description amended and its closing time extended, before it closes; cancelled calls never change.
    """
    _refuse_unless(permissions.can_manage_call(actor, call))
    now = now or timezone.now()
    stored = Call.objects.select_for_update().get(pk=call.pk)
    if stored.status == Call.Status.CANCELLED:
        raise ActionRefused(_("A cancelled call cannot be changed."))
    if stored.amo_id != call.amo_id:
        raise ActionRefused(_("A call stays with its office."))
    if stored.status == Call.Status.PUBLISHED:
        return _amend_published(call=call, stored=stored, actor=actor, now=now, touched=any(
            value is not None for value in (properties, criteria, document_requirements, eligible_countries)
        ))
    call.status, call.published_at = stored.status, stored.published_at
    call.full_clean()
    _check_text_lengths(call, "description")
    changes = _changed(call, stored, EDITABLE_FIELDS)
    if properties is not None:
        properties = _check_properties(call, properties)
        before = set(call.properties.values_list("pk", flat=True))
        if {p.pk for p in properties} != before:
            call.properties.set(properties)
            changes["properties"] = [sorted(before), sorted(p.pk for p in properties)]
    if eligible_countries is not None:
        before = set(call.eligible_countries.values_list("pk", flat=True))
        after = {country.pk for country in eligible_countries}
        if before != after:
            call.eligible_countries.set(list(eligible_countries))
            changes["eligible_countries"] = [sorted(before), sorted(after)]
    if criteria is not None:
        before = list(call.criteria.values_list("title", "description", "weight", "max_score"))
        after = [(r["title"].strip(), (r.get("description") or "").strip(), r["weight"], r.get("max_score", 10))
                 for r in criteria]
        if before != after:
            changes["criteria"] = [[list(row) for row in before], [list(row) for row in after]]
    if document_requirements is not None:
        before = list(call.document_requirements.values_list("title", "description", "mandatory"))
        after = [(r["title"].strip(), (r.get("description") or "").strip(), bool(r.get("mandatory", True)))
                 for r in document_requirements]
        if before != after:
            changes["document_requirements"] = [[list(row) for row in before], [list(row) for row in after]]
    _replace_rows(call, criteria if "criteria" in changes else None,
                  document_requirements if "document_requirements" in changes else None)
    if changes:
        call.save()
        audit_append(action="call_edited", obj=call, actor=actor, call_id=call.pk, data={"changes": changes})
    return list(changes)


def _amend_published(*, call, stored, actor, now, touched) -> list[str]:
    fixed = [name for name in EDITABLE_FIELDS if name not in AMENDABLE_FIELDS
             and getattr(call, name) != getattr(stored, name)]
    if fixed or touched:
        raise ActionRefused(_(
            "Once a call is published only its description may be amended and its closing time extended."
        ))
    if call.closes_at != stored.closes_at:
        if stored.closes_at <= now:
            raise ActionRefused(_("The call has closed: its closing time can no longer change."))
        if call.closes_at < stored.closes_at:
            raise ActionRefused(_("The closing time of a published call can be extended, never brought forward."))
    call.status, call.published_at = stored.status, stored.published_at
    call.full_clean()
    _check_text_lengths(call, "description")
    changes = _changed(call, stored, AMENDABLE_FIELDS)
    if changes:
        call.save(update_fields=[*changes, "updated_at"])
        audit_append(action="call_amended", obj=call, actor=actor, call_id=call.pk, data={"changes": changes})
    return list(changes)


# Publish and cancel -------------------------------------------------------------------------------


def call_publish_problems(call: Call, *, now=None) -> list[str]:
    """Everything that stops the call from being published, in words; empty when it is ready."""
    now = now or timezone.now()
    problems = []
    if call.status != Call.Status.DRAFT:
        return [_("Only a draft can be published.")]
    properties = list(call.properties.all())
    if not properties:
        problems.append(_("Choose at least one property."))
    foreign = [p.reference for p in properties if p.amo_id != call.amo_id]
    if foreign:
        problems.append(_("These properties belong to another office: %(references)s.") % {
            "references": ", ".join(foreign)})
    unavailable = [p.reference for p in properties
                   if p.amo_id == call.amo_id and (p.status != Property.Status.AVAILABLE or p.archived_at)]
    if unavailable:
        problems.append(_("These properties are no longer available: %(references)s.") % {
            "references": ", ".join(unavailable)})
    weights = list(call.criteria.values_list("weight", flat=True))
    if not weights:
        problems.append(_("Add at least one evaluation criterion."))
    elif sum(weights) != 100:
        problems.append(_("The weights of the criteria add up to %(total)s; they must add up to exactly 100.") % {
            "total": sum(weights)})
    if call.closes_at <= call.opens_at:
        problems.append(_("The call must close after it opens."))
    if call.closes_at <= now:
        problems.append(_("The closing time has passed: choose one in the future."))
    return problems


@transaction.atomic
def call_publish(*, call: Call, actor, now=None) -> Call:
    """Make the call public and put its properties under the call."""
    _refuse_unless(permissions.can_manage_call(actor, call))
    now = now or timezone.now()
    locked = Call.objects.select_for_update().get(pk=call.pk)
    problems = call_publish_problems(locked, now=now)
    if problems:
        raise CallNotReady(problems)
    properties = list(locked.properties.order_by("pk"))
    for item in properties:
        property_change_status(property=item, actor=actor, action="open_call")
    locked.status, locked.published_at = Call.Status.PUBLISHED, now
    locked.save(update_fields=["status", "published_at", "updated_at"])
    call.status, call.published_at = locked.status, locked.published_at
    audit_append(action="call_published", obj=locked, actor=actor, call_id=locked.pk, data={
        "properties": [p.pk for p in properties],
        "criteria": list(locked.criteria.values_list("title", "weight")),
        "opens_at": _json_time(locked.opens_at),
        "closes_at": _json_time(locked.closes_at),
    })
    return call


@transaction.atomic
def call_cancel(*, call: Call, actor, reason: str) -> Call:
    """Withdraw a call. Properties under it become available again; applicants are told why."""
    _refuse_unless(permissions.can_manage_call(actor, call))
    locked = Call.objects.select_for_update().get(pk=call.pk)
    reason = (reason or "").strip()
    if locked.status == Call.Status.CANCELLED:
        raise ActionRefused(_("The call is already cancelled."))
    was_published = locked.status == Call.Status.PUBLISHED
    if was_published and not reason:
        raise ActionRefused(_("Please give a reason: it is sent to the applicants and kept in the call's record."))
    if len(reason) > 4000:
        raise ActionRefused(_("Please keep the reason under 4,000 characters."))
    proposals = Proposal.objects.filter(call=locked)
    if proposals.filter(status=Proposal.Status.APPROVED).exists():
        raise ActionRefused(_("A proposal under this call is approved: the call can no longer be cancelled."))
    if Decision.objects.filter(proposal__call=locked, status=Decision.Status.PROPOSED).exists():
        raise ActionRefused(_("A decision under this call waits for a second officer: settle it first."))
    released = []
    if was_published:
        for item in locked.properties.filter(status=Property.Status.UNDER_CALL).order_by("pk"):
            property_change_status(property=item, actor=actor, action="close_call", reason=reason)
            released.append(item.pk)
    locked.status = Call.Status.CANCELLED
    locked.save(update_fields=["status", "updated_at"])
    call.status = locked.status
    applicants = list(proposals.exclude(status=Proposal.Status.WITHDRAWN).values_list("organisation_id", flat=True))
    audit_append(action="call_cancelled", obj=locked, actor=actor, call_id=locked.pk, data={
        "reason": reason, "properties_released": released, "applicants": sorted(set(applicants)),
    })
    if applicants:
        notify(users=members_of(*applicants), kind="call_cancelled", context={"call": locked, "reason": reason},
               url=link("call_detail", pk=locked.pk))
    return call


# The clarification board --------------------------------------------------------------------------


@transaction.atomic
def question_ask(*, call: Call, organisation, actor, question: str) -> CallQuestion:
    """A verified CSO's question; private until the office answers it."""
    _refuse_unless(permissions.can_ask_question(actor, call, organisation))
    entry = CallQuestion(call=call, organisation=organisation, asked_by=actor, question=(question or "").strip())
    entry.full_clean()
    _check_text_lengths(entry, "question")
    entry.save()
    audit_append(action="question_asked", obj=entry, actor=actor, call_id=call.pk, data={
        "organisation": organisation.pk, "question": entry.question,
    })
    return entry


@transaction.atomic
def question_answer(*, question: CallQuestion, actor, answer: str) -> CallQuestion:
    """Answer and publish: the question (never who asked it) and the answer appear on the public board.

    An answer may be corrected later; the asking organisation is told only the first time.
    """
    call = question.call
    _refuse_unless(permissions.can_manage_call(actor, call))
    if call.status == Call.Status.DRAFT:
        raise ActionRefused(_("The call is not published."))
    first = question.answered_at is None
    question.answer = (answer or "").strip()
    if not question.answer:
        raise ValidationError({"answer": _("Please write the answer.")})
    question.answered_by = actor
    question.answered_at = timezone.now()
    question.full_clean()
    _check_text_lengths(question, "answer")
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    audit_append(action="question_answered" if first else "question_answer_corrected", obj=question,
                 actor=actor, call_id=call.pk, data={"answer": question.answer})
    if first:
        notify(users=members_of(question.organisation_id), kind="question_answered",
               context={"call": call, "question": question},
               url=link("call_detail", fragment=f"#question-{question.pk}", pk=call.pk))
    return question


# Site visits --------------------------------------------------------------------------------------


@transaction.atomic
def site_visit_slot_create(*, slot: SiteVisitSlot, actor, now=None) -> SiteVisitSlot:
    """A visit of one of the call's properties, in the future, for `capacity` organisations."""
    call = slot.call
    _refuse_unless(permissions.can_manage_call(actor, call))
    now = now or timezone.now()
    if call.status == Call.Status.CANCELLED:
        raise ActionRefused(_("The call is cancelled."))
    if slot.property_id is None or not call.properties.filter(pk=slot.property_id).exists():
        raise ValidationError({"property": _("Choose one of the call's properties.")})
    slot.meeting_point = (slot.meeting_point or "").strip()
    slot.full_clean()
    if slot.starts_at <= now:
        raise ValidationError({"starts_at": _("A site visit must start in the future.")})
    slot.save()
    audit_append(action="site_visit_added", obj=slot, actor=actor, call_id=call.pk, data={
        "property": slot.property_id, "starts_at": _json_time(slot.starts_at), "ends_at": _json_time(slot.ends_at),
        "capacity": slot.capacity,
    })
    return slot


@transaction.atomic
def site_visit_slot_delete(*, slot: SiteVisitSlot, actor) -> None:
    """Remove a visit nobody has booked (cancel the bookings first, so nobody is left unaware)."""
    call = slot.call
    _refuse_unless(permissions.can_manage_call(actor, call))
    locked = SiteVisitSlot.objects.select_for_update().get(pk=slot.pk)
    if locked.bookings.filter(cancelled_at__isnull=True).exists():
        raise ActionRefused(_("Organisations have booked this visit: cancel their bookings first."))
    audit_append(action="site_visit_removed", obj=locked, actor=actor, call_id=call.pk, data={
        "property": locked.property_id, "starts_at": _json_time(locked.starts_at),
    })
    locked.delete()


@transaction.atomic
def site_visit_book(*, slot: SiteVisitSlot, organisation, actor, people: int, now=None) -> SiteVisitBooking:
    """A place for the organisation, while there is one and the visit has not started."""
    call = slot.call
    _refuse_unless(permissions.can_book_site_visit(actor, call, organisation))
    now = now or timezone.now()
    # The row lock serialises bookings of this visit: two organisations never take the last place together.
    locked = SiteVisitSlot.objects.select_for_update().get(pk=slot.pk)
    if now >= locked.starts_at:
        raise ActionRefused(_("This visit has started: it can no longer be booked."))
    live = locked.bookings.filter(cancelled_at__isnull=True)
    if live.filter(organisation=organisation).exists():
        raise ActionRefused(_("Your organisation has already booked this visit."))
    if live.count() >= locked.capacity:
        raise ActionRefused(_("This visit is full."))
    booking = SiteVisitBooking(slot=locked, organisation=organisation, booked_by=actor, people=people)
    booking.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError:
        raise ActionRefused(_("Your organisation has already booked this visit.")) from None
    audit_append(action="site_visit_booked", obj=booking, actor=actor, call_id=call.pk, data={
        "slot": locked.pk, "organisation": organisation.pk, "people": booking.people,
    })
    return booking


@transaction.atomic
def site_visit_cancel(*, booking: SiteVisitBooking, actor, now=None) -> SiteVisitBooking:
    """Free the place; the row stays. The organisation cancels before the visit; the office at any time."""
    _refuse_unless(permissions.can_cancel_site_visit_booking(actor, booking))
    now = now or timezone.now()
    locked = SiteVisitBooking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
    if locked.cancelled_at is not None:
        raise ActionRefused(_("This booking is already cancelled."))
    by_office = permissions.can_manage_call(actor, locked.slot.call)
    if not by_office and now >= locked.slot.starts_at:
        raise ActionRefused(_("This visit has started: the booking can no longer be cancelled."))
    locked.cancelled_at = now
    locked.save(update_fields=["cancelled_at"])
    booking.cancelled_at = now
    audit_append(action="site_visit_booking_cancelled", obj=locked, actor=actor, call_id=locked.slot.call_id,
                 data={"slot": locked.slot_id, "organisation": locked.organisation_id, "by_office": by_office})
    return booking



# After the call ------------------------------------------------------------------------------------

# Proposals that still hold a property for the office to decide on.
OPEN_PROPOSAL_STATUSES = ("submitted", "under_review", "changes_requested", "approved")


def call_releasable_property_ids(call: Call, *, now=None) -> set[int]:
    """Properties of a closed call still `under_call` with no proposal left to decide and none approved."""
    if call.phase(now) != Call.Phase.CLOSED:
        return set()
    held = set(
        Proposal.objects.filter(call=call, status__in=OPEN_PROPOSAL_STATUSES).values_list("property_id", flat=True)
    )
    under_call = call.properties.filter(status=Property.Status.UNDER_CALL).values_list("pk", flat=True)
    return set(under_call) - held


@transaction.atomic
def call_release_property(*, call: Call, property: Property, actor, now=None) -> None:
    """Make a property available again once its call has closed and nothing is left to decide for it:
    no proposal came, or every one was rejected or withdrawn."""
    _refuse_unless(permissions.can_manage_call(actor, call))
    locked = Property.objects.select_for_update().get(pk=property.pk)
    if locked.pk not in call_releasable_property_ids(call, now=now):
        raise ActionRefused(_("This property cannot be made available again now."))
    property_change_status(property=locked, actor=actor, action="close_call",
                           reason=_("The call “%(title)s” ended without an approved proposal.") % {"title": call.title})
    audit_append(action="property_released", obj=call, actor=actor, call_id=call.pk, data={"property": locked.pk})
    property.status = locked.status
