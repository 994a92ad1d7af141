"""Every write of a CSO on its proposals: drafting, content, attachments, partners, submission, withdrawal,
replies to the office. Keyword-only, each in one transaction, each appended to the audit log; notifications
are rendered now and e-mailed once the transaction commits (see `calls.notifications`)."""

import hashlib
import json
import os
import re
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.models import Organisation
from network.permissions import is_admin, is_member
from network.services import ActionRefused
from network.text import strip_bidi_controls
from network.uploads import DOCUMENT_TYPES, check_upload

from .. import permissions
from ..audit import audit_append
from ..models import Call, CallDocumentRequirement, Proposal, ProposalAttachment, ProposalMessage, ProposalPartner
from ..notifications import link, members_of, notify
from ..transitions import PROPOSAL_TRANSITIONS, can_move, refusal_message

# What the CSO writes; the only fields `proposal_update` touches, and (with partners and attachments)
# what the digest covers.
CONTENT_FIELDS = (
    "planned_use", "activities", "beneficiaries", "timeline", "renovation_cost", "running_cost_per_year",
    "funding_sources", "sustainability_plan",
)
REQUIRED_CONTENT_FIELDS = CONTENT_FIELDS
MONEY_FIELDS = ("renovation_cost", "running_cost_per_year")
MAX_BENEFICIARY_ROWS = 20
MAX_BENEFICIARY_GROUP_LENGTH = 200
MAX_PEOPLE_PER_YEAR = 10_000_000
MAX_ATTACHMENTS = 20
MAX_MESSAGE_LENGTH = 8000
MAX_REASON_LENGTH = 4000
MAX_ROLE_LENGTH = 500
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Officers are sent to the office's page of a proposal (calls/views/reviews.py).
EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


class ProposalExists(ActionRefused):
    """The organisation already has a live proposal for this property under this call."""

    def __init__(self, message, *, proposal):
        super().__init__(message)
        self.proposal = proposal


class VersionConflict(ActionRefused):
    """The edit was based on an older version than the one stored: someone saved in between."""

    def __init__(self, message, *, current_version):
        super().__init__(message)
        self.current_version = current_version


class SubmissionIncomplete(ActionRefused):
    """The proposal cannot be submitted yet; `missing` says every reason."""

    def __init__(self, message, *, missing):
        super().__init__(message)
        self.missing = missing


def _attachment_max_bytes() -> int:
    return getattr(settings, "PROPOSAL_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


def _lock(proposal: Proposal) -> Proposal:
    """The stored row, locked for the transaction, with what the permissions read."""
    locked = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("call__amo__country", "organisation", "property")
        .get(pk=proposal.pk)
    )
    return locked


def _refresh(proposal: Proposal, locked: Proposal) -> None:
    """Copy the stored state back to the caller's instance."""
    for field in Proposal._meta.concrete_fields:
        setattr(proposal, field.attname, getattr(locked, field.attname))


# Drafting -----------------------------------------------------------------------------------------

def eligibility_refusal(*, call: Call, organisation: Organisation, now=None) -> str | None:
    """Why the organisation may not apply to the call, in words, or None when it may."""
    if organisation.kind != Organisation.Kind.CSO or organisation.status != Organisation.Status.VERIFIED:
        return _("Only verified civil society organisations can apply; %(name)s is not verified.") % {
            "name": organisation.display_name}
    now = now or timezone.now()
    if call.min_years_active:
        if organisation.year_founded is None:
            return _(
                "This call asks for at least %(years)s years of activity: add the year your organisation "
                "was founded to its profile."
            ) % {"years": call.min_years_active}
        years = now.year - organisation.year_founded
        if years < call.min_years_active:
            return _(
                "This call asks for at least %(years)s years of activity; %(name)s was founded in %(founded)s."
            ) % {"years": call.min_years_active, "name": organisation.display_name,
                 "founded": organisation.year_founded}
    if call.scope == Call.Scope.NATIONAL:
        if organisation.country_id != call.amo.country_id:
            return _("This call is open only to organisations of %(country)s.") % {
                "country": call.amo.country.name}
    else:
        allowed = list(call.eligible_countries.all())
        if allowed and organisation.country_id not in {country.pk for country in allowed}:
            return _("This call is open only to organisations of: %(countries)s.") % {
                "countries": ", ".join(sorted(str(country.name) for country in allowed))}
    return None


@transaction.atomic
def proposal_create(*, call: Call, property, organisation: Organisation, actor) -> Proposal:
    """A new draft by `organisation` for one of the call's properties."""
    if not call.properties.filter(pk=property.pk).exists():
        raise ActionRefused(_("This property is not part of the call."))
    if not is_member(actor, organisation):
        raise ActionRefused(_("You are not a member of %(name)s.") % {"name": organisation.display_name})
    if not call.is_open():
        raise ActionRefused(_("The call is not open for proposals."))
    refusal = eligibility_refusal(call=call, organisation=organisation)
    if refusal:
        raise ActionRefused(refusal)
    if not permissions.can_draft_proposal(actor, call, organisation):
        raise ActionRefused(_("You cannot start a proposal for this call."))
    existing = Proposal.objects.filter(call=call, property=property, organisation=organisation).exclude(
        status=Proposal.Status.WITHDRAWN).first()
    if existing is not None:
        raise ProposalExists(
            _("%(name)s already has a proposal for this property under this call.") % {
                "name": organisation.display_name},
            proposal=existing,
        )
    proposal = Proposal(call=call, property=property, organisation=organisation, created_by=actor)
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError as error:
        # Two people started it at the same moment: the other one won.
        existing = Proposal.objects.filter(call=call, property=property, organisation=organisation).exclude(
            status=Proposal.Status.WITHDRAWN).first()
        raise ProposalExists(
            _("%(name)s already has a proposal for this property under this call.") % {
                "name": organisation.display_name},
            proposal=existing,
        ) from error
    audit_append(action="proposal_created", obj=proposal, actor=actor, call_id=call.pk, data={
        "property_id": property.pk, "organisation_id": organisation.pk,
    })
    return proposal


def _clean_text(name: str, value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError({name: _("Enter text.")})
    value = value.strip()
    limit = Proposal._meta.get_field(name).max_length
    # TextField's max_length is not checked by full_clean(): check it here.
    if limit and len(value) > limit:
        raise ValidationError({name: _("At most %(limit)s characters (it has %(count)s).") % {
            "limit": limit, "count": len(value)}})
    return value


def clean_beneficiaries(rows) -> list[dict]:
    """The beneficiary rows as stored, or a ValidationError saying what is wrong with them."""
    if rows in (None, ""):
        return []
    if not isinstance(rows, list):
        raise ValidationError({"beneficiaries": _("The beneficiaries must be a list of rows.")})
    if len(rows) > MAX_BENEFICIARY_ROWS:
        raise ValidationError({"beneficiaries": _("At most %(count)s groups of beneficiaries.") % {
            "count": MAX_BENEFICIARY_ROWS}})
    cleaned = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise ValidationError({"beneficiaries": _("Row %(number)s is not a group of beneficiaries.") % {
                "number": number}})
        group = row.get("group")
        people = row.get("people_per_year")
        if not isinstance(group, str) or not group.strip():
            raise ValidationError({"beneficiaries": _("Row %(number)s: name the group.") % {"number": number}})
        group = strip_bidi_controls(group).strip()
        if len(group) > MAX_BENEFICIARY_GROUP_LENGTH:
            raise ValidationError({"beneficiaries": _(
                "Row %(number)s: the group's name is longer than %(limit)s characters.") % {
                "number": number, "limit": MAX_BENEFICIARY_GROUP_LENGTH}})
        if isinstance(people, bool) or not isinstance(people, int) or not 0 <= people <= MAX_PEOPLE_PER_YEAR:
            raise ValidationError({"beneficiaries": _(
                "Row %(number)s: people per year must be a whole number from 0 to %(limit)s.") % {
                "number": number, "limit": f"{MAX_PEOPLE_PER_YEAR:,}"}})
        cleaned.append({"group": group, "people_per_year": people})
    return cleaned


@transaction.atomic
def proposal_update(*, proposal: Proposal, actor, data: dict, version: int) -> Proposal:
    """Save the content fields in `data` (others are ignored), if `version` is the stored one."""
    locked = _lock(proposal)
    if not permissions.can_edit_proposal(actor, locked):
        if locked.is_editable and timezone.now() >= locked.deadline:
            raise ActionRefused(_("The deadline has passed: the proposal can no longer be changed."))
        raise ActionRefused(_("You cannot change this proposal."))
    if version != locked.version:
        raise VersionConflict(
            _("Someone saved this proposal after you opened it. Reload the page to see their changes, "
              "then make yours again; nothing of theirs was overwritten."),
            current_version=locked.version,
        )
    changed = []
    for name in CONTENT_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if name == "beneficiaries":
            value = clean_beneficiaries(value)
        elif name in MONEY_FIELDS:
            value = None if value in (None, "") else value
        else:
            value = _clean_text(name, value)
        if getattr(locked, name) != value:
            changed.append(name)
        setattr(locked, name, value)
    locked.full_clean(exclude=[f.name for f in Proposal._meta.fields if f.name not in CONTENT_FIELDS])
    locked.version += 1
    locked.save()
    audit_append(action="proposal_updated", obj=locked, actor=actor, call_id=locked.call_id, data={
        "version": locked.version, "fields": changed,
    })
    _refresh(proposal, locked)
    return proposal


# Attachments --------------------------------------------------------------------------------------

def sanitise_file_name(name: str) -> str:
    """The name as shown: no folders, no direction or control characters, at most 255 characters."""
    name = strip_bidi_controls(str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _CONTROL_CHARACTERS.sub("", name).strip().lstrip(".").strip()
    if not name:
        name = _("document")
    if len(name) > 255:
        stem, extension = os.path.splitext(name)
        extension = extension[:16]
        name = stem[: 255 - len(extension)] + extension
    return name


def _sha256_of(upload) -> str:
    # Chunk by chunk: a large upload is never held in memory whole.
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


@transaction.atomic
def proposal_attach(*, proposal: Proposal, actor, upload, requirement: CallDocumentRequirement | None = None):
    """Add a private document, answering one line of the call's checklist (or as another document)."""
    locked = _lock(proposal)
    if not permissions.can_edit_proposal(actor, locked):
        raise ActionRefused(_("You cannot add documents to this proposal now."))
    if requirement is not None and requirement.call_id != locked.call_id:
        raise ActionRefused(_("This document is not on the call's checklist."))
    if locked.attachments.count() >= MAX_ATTACHMENTS:
        raise ActionRefused(_("A proposal can have at most %(count)s documents; remove one first.") % {
            "count": MAX_ATTACHMENTS})
    try:
        content_type = check_upload(upload, allowed=DOCUMENT_TYPES, max_bytes=_attachment_max_bytes())
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    sha256 = _sha256_of(upload)
    original_name = sanitise_file_name(upload.name)
    attachment = ProposalAttachment(
        proposal=locked, requirement=requirement, original_name=original_name, content_type=content_type,
        size=upload.size, sha256=sha256, uploaded_by=actor,
    )
    # The stored name is ours: the original is kept only as the label.
    upload.seek(0)
    attachment.file.save(f"{uuid.uuid4().hex}{EXTENSIONS[content_type]}", upload, save=False)
    try:
        attachment.save()
        audit_append(action="attachment_added", obj=locked, actor=actor, call_id=locked.call_id, data={
            "attachment_id": attachment.pk, "requirement_id": requirement.pk if requirement else None,
            "size": attachment.size, "sha256": sha256, "content_type": content_type,
        })
    except Exception:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


@transaction.atomic
def proposal_detach(*, attachment: ProposalAttachment, actor) -> None:
    locked = _lock(attachment.proposal)
    if not permissions.can_edit_proposal(actor, locked):
        raise ActionRefused(_("You cannot remove documents from this proposal now."))
    storage, name, pk = attachment.file.storage, attachment.file.name, attachment.pk
    attachment.delete()
    audit_append(action="attachment_removed", obj=locked, actor=actor, call_id=locked.call_id, data={
        "attachment_id": pk,
    })
    # Only once the row is really gone: a rolled-back removal keeps its file.
    transaction.on_commit(lambda: storage.delete(name))


# Partners -----------------------------------------------------------------------------------------

@transaction.atomic
def partner_invite(*, proposal: Proposal, organisation: Organisation, actor, role: str = "") -> ProposalPartner:
    """Invite a verified CSO (of any country) into the proposal; it must accept before submission."""
    locked = _lock(proposal)
    if not permissions.can_invite_partner(actor, locked):
        raise ActionRefused(_("Only the administrator of %(name)s can invite partners, while the proposal can "
                              "be changed.") % {"name": locked.organisation.display_name})
    if organisation.kind != Organisation.Kind.CSO or organisation.status != Organisation.Status.VERIFIED:
        raise ActionRefused(_("Only verified civil society organisations can be partners."))
    if organisation.pk == locked.organisation_id:
        raise ActionRefused(_("The applicant cannot be its own partner."))
    role = strip_bidi_controls(str(role or "")).strip()
    if len(role) > MAX_ROLE_LENGTH:
        raise ValidationError({"role": _("At most %(limit)s characters.") % {"limit": MAX_ROLE_LENGTH}})
    if locked.partners.filter(organisation=organisation).exists():
        raise ActionRefused(_("%(name)s is already invited.") % {"name": organisation.display_name})
    partner = ProposalPartner.objects.create(
        proposal=locked, organisation=organisation, role=role, invited_by=actor,
    )
    audit_append(action="partner_invited", obj=partner, actor=actor, call_id=locked.call_id, data={
        "proposal_id": locked.pk, "organisation_id": organisation.pk,
    })
    notify(
        users=members_of(organisation.pk, admins_only=True), kind="partner_invited",
        context={"proposal": locked, "applicant": locked.organisation.display_name,
                 "partner": organisation.display_name, "call": locked.call.title},
        url=link("partnership_respond", pk=partner.pk),
    )
    return partner


@transaction.atomic
def partner_respond(*, partner: ProposalPartner, actor, accept: bool) -> ProposalPartner:
    """The partner CSO's admin accepts or declines the invitation."""
    partner = ProposalPartner.objects.select_for_update(of=("self",)).select_related(
        "proposal__organisation", "proposal__call", "organisation").get(pk=partner.pk)
    if not permissions.can_respond_to_partnership(actor, partner):
        raise ActionRefused(_("You cannot answer this invitation."))
    partner.status = ProposalPartner.Status.ACCEPTED if accept else ProposalPartner.Status.DECLINED
    partner.responded_by, partner.responded_at = actor, timezone.now()
    partner.save(update_fields=["status", "responded_by", "responded_at"])
    proposal = partner.proposal
    audit_append(action="partner_responded", obj=partner, actor=actor, call_id=proposal.call_id, data={
        "proposal_id": proposal.pk, "organisation_id": partner.organisation_id, "status": partner.status,
    })
    notify(
        users=members_of(proposal.organisation_id, admins_only=True), kind="partner_responded",
        context={"proposal": proposal, "partner": partner.organisation.display_name, "accepted": accept,
                 "call": proposal.call.title},
        url=link("proposal_edit", pk=proposal.pk),
    )
    return partner


@transaction.atomic
def partner_remove(*, partner: ProposalPartner, actor) -> None:
    locked = _lock(partner.proposal)
    if not permissions.can_invite_partner(actor, locked):
        raise ActionRefused(_("Only the administrator of %(name)s can remove partners, while the proposal can "
                              "be changed.") % {"name": locked.organisation.display_name})
    pk, organisation_id = partner.pk, partner.organisation_id
    audit_append(action="partner_removed", obj=partner, actor=actor, call_id=locked.call_id, data={
        "proposal_id": locked.pk, "organisation_id": organisation_id,
    })
    ProposalPartner.objects.filter(pk=pk).delete()


# Submission ---------------------------------------------------------------------------------------

def _prefetched(instance, name, queryset):
    """The prefetched rows when a selector fetched them, else `queryset`."""
    cache = getattr(instance, "_prefetched_objects_cache", {})
    return cache[name] if name in cache else queryset


def proposal_missing(proposal: Proposal) -> list[str]:
    """Every reason the proposal cannot be submitted yet, in words; empty when it can."""
    missing = []
    for name in REQUIRED_CONTENT_FIELDS:
        value = getattr(proposal, name)
        if value is None or value == "" or value == []:
            label = Proposal._meta.get_field(name).verbose_name
            missing.append(_("Fill in “%(field)s”.") % {"field": label})
    answered = {attachment.requirement_id for attachment in proposal.attachments.all()}
    for requirement in _prefetched(proposal.call, "document_requirements", proposal.call.document_requirements.all()):
        if requirement.mandatory and requirement.pk not in answered:
            missing.append(_("Attach “%(document)s”.") % {"document": requirement.title})
    for partner in _prefetched(proposal, "partners", proposal.partners.select_related("organisation")):
        if partner.status == ProposalPartner.Status.INVITED:
            missing.append(_("Waiting for %(name)s to accept the partnership.") % {
                "name": partner.organisation.display_name})
        elif partner.status == ProposalPartner.Status.DECLINED:
            missing.append(_("%(name)s declined the partnership: remove them.") % {
                "name": partner.organisation.display_name})
    return missing


def _money(value) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def proposal_digest_content(proposal: Proposal) -> dict:
    """What the digest covers, as plain JSON values."""
    return {
        "content": {
            "planned_use": proposal.planned_use,
            "activities": proposal.activities,
            "beneficiaries": [
                {"group": row.get("group"), "people_per_year": row.get("people_per_year")}
                for row in proposal.beneficiaries or []
            ],
            "timeline": proposal.timeline,
            "renovation_cost": _money(proposal.renovation_cost),
            "running_cost_per_year": _money(proposal.running_cost_per_year),
            "funding_sources": proposal.funding_sources,
            "sustainability_plan": proposal.sustainability_plan,
        },
        "partners": sorted(
            ({"organisation_id": partner.organisation_id,
              "accepted": partner.status == ProposalPartner.Status.ACCEPTED}
             for partner in proposal.partners.all()),
            key=lambda row: row["organisation_id"],
        ),
        "attachments": sorted(
            ({"requirement_id": attachment.requirement_id, "original_name": attachment.original_name,
              "size": attachment.size, "sha256": attachment.sha256}
             for attachment in proposal.attachments.all()),
            key=lambda row: (row["requirement_id"] or 0, row["sha256"], row["original_name"], row["size"]),
        ),
    }


def proposal_digest(proposal: Proposal) -> str:
    """SHA-256 over the canonical JSON (sorted keys, no spaces, UTF-8) of `proposal_digest_content`.

    Anyone with the content can recompute it: the receipt proves what was submitted.
    """
    text = json.dumps(proposal_digest_content(proposal), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def proposal_submit(*, proposal: Proposal, actor, now=None) -> Proposal:
    """Submit (or resubmit after changes): freezes the content, gives a reference and a digest."""
    now = now or timezone.now()
    locked = _lock(proposal)
    if not is_admin(actor, locked.organisation):
        raise ActionRefused(_("Only the administrator of %(name)s can submit the proposal.") % {
            "name": locked.organisation.display_name})
    action = "resubmit" if locked.status == Proposal.Status.CHANGES_REQUESTED else "submit"
    if not can_move(locked, action):
        raise ActionRefused(refusal_message(locked, action))
    if now >= locked.deadline:
        raise ActionRefused(_("The deadline has passed: proposals could be submitted until %(deadline)s.") % {
            "deadline": timezone.localtime(locked.deadline).strftime("%Y-%m-%d %H:%M:%S %Z")})
    if not permissions.can_submit_proposal(actor, locked):
        raise ActionRefused(_("You cannot submit this proposal."))
    missing = proposal_missing(locked)
    if missing:
        raise SubmissionIncomplete(
            _("The proposal cannot be submitted yet: %(missing)s") % {"missing": " ".join(missing)},
            missing=missing,
        )
    from_status = locked.status
    locked.status = PROPOSAL_TRANSITIONS[action][1]
    if not locked.reference:
        locked.reference = f"{locked.call.amo.country_id}-{now.year}-{locked.pk:06d}"
    locked.submitted_at, locked.submitted_by = now, actor
    locked.digest = proposal_digest(locked)
    locked.save(update_fields=["status", "reference", "submitted_at", "submitted_by", "digest", "updated_at"])
    audit_append(action=f"proposal_{action}", obj=locked, actor=actor, call_id=locked.call_id, data={
        "from": from_status, "to": locked.status, "reference": locked.reference, "digest": locked.digest,
        "version": locked.version,
    })
    context = {"proposal": locked, "reference": locked.reference, "submitted_at": locked.submitted_at,
               "digest": locked.digest, "applicant": locked.organisation.display_name, "call": locked.call.title,
               "resubmitted": action == "resubmit"}
    notify(users=members_of(locked.organisation_id), kind="proposal_submitted", context=context,
           url=link("proposal_detail", pk=locked.pk))
    notify(users=members_of(locked.call.amo_id), kind="proposal_received", context=context,
           url=link("office_proposal", pk=locked.pk))
    _refresh(proposal, locked)
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, actor, reason: str = "") -> Proposal:
    locked = _lock(proposal)
    if not permissions.can_withdraw_proposal(actor, locked):
        raise ActionRefused(_("Only the administrator of %(name)s can withdraw the proposal, until it is "
                              "decided.") % {"name": locked.organisation.display_name})
    if not can_move(locked, "withdraw"):
        raise ActionRefused(refusal_message(locked, "withdraw"))
    reason = strip_bidi_controls(str(reason or "")).strip()
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError({"reason": _("At most %(limit)s characters.") % {"limit": MAX_REASON_LENGTH}})
    from_status = locked.status
    locked.status = Proposal.Status.WITHDRAWN
    locked.save(update_fields=["status", "updated_at"])
    message = None
    if reason:
        message = ProposalMessage.objects.create(proposal=locked, author=actor, body=reason)
    audit_append(action="proposal_withdraw", obj=locked, actor=actor, call_id=locked.call_id, data={
        "from": from_status, "to": locked.status, "message_id": message.pk if message else None,
    })
    if locked.submitted_at is not None:
        notify(
            users=members_of(locked.call.amo_id), kind="proposal_withdrawn",
            context={"proposal": locked, "reference": locked.reference, "reason": reason,
                     "applicant": locked.organisation.display_name, "call": locked.call.title},
            url=link("office_proposal", pk=locked.pk),
        )
    _refresh(proposal, locked)
    return proposal


@transaction.atomic
def proposal_message_post(*, proposal: Proposal, actor, body: str) -> ProposalMessage:
    """The applicant writes to the office about a submitted proposal."""
    if not permissions.can_message_office(actor, proposal):
        raise ActionRefused(_("You cannot write to the office about this proposal."))
    body = strip_bidi_controls(str(body or "")).strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    if len(body) > MAX_MESSAGE_LENGTH:
        raise ValidationError({"body": _("At most %(limit)s characters.") % {"limit": MAX_MESSAGE_LENGTH}})
    message = ProposalMessage.objects.create(proposal=proposal, author=actor, from_office=False, body=body)
    audit_append(action="proposal_message", obj=message, actor=actor, call_id=proposal.call_id, data={
        "proposal_id": proposal.pk, "from_office": False,
    })
    notify(
        users=members_of(proposal.call.amo_id), kind="proposal_message",
        context={"proposal": proposal, "reference": proposal.reference,
                 "applicant": proposal.organisation.display_name, "call": proposal.call.title},
        url=link("office_proposal", pk=proposal.pk),
    )
    return message
