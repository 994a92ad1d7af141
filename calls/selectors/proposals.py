"""Reads of the CSO's side of proposals: its list (own and partnered) and one proposal with what it holds."""

from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404

from network.models import Membership, Organisation

from ..models import Proposal, ProposalAttachment, ProposalMessage, ProposalPartner


def cso_ids(user, *, admins_only=False) -> list[int]:
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user=user, organisation__kind=Organisation.Kind.CSO)
    if admins_only:
        memberships = memberships.admins()
    return list(memberships.values_list("organisation_id", flat=True))


def proposals_for_user(user):
    """Every proposal of the user's organisations, and those they are (invited) partners in, newest first.

    Each row carries its call (with the office), property, applicant and the office's latest message
    (`last_office_message`, `last_office_message_at`): a fixed number of queries however many rows.
    """
    organisation_ids = cso_ids(user)
    partnered = ProposalPartner.objects.filter(
        proposal=OuterRef("pk"), organisation_id__in=organisation_ids,
    ).exclude(status=ProposalPartner.Status.DECLINED)
    latest = ProposalMessage.objects.filter(proposal=OuterRef("pk"), from_office=True).order_by("-created_at", "-pk")
    return (
        Proposal.objects.filter(Q(organisation_id__in=organisation_ids) | Q(Exists(partnered)))
        .select_related("call__amo__country", "property", "organisation")
        .annotate(
            last_office_message=Subquery(latest.values("body")[:1]),
            last_office_message_at=Subquery(latest.values("created_at")[:1]),
        )
        .order_by("-created_at", "-pk")
    )


def partnerships_awaiting(user):
    """Invitations the user, as a partner CSO's admin, can accept or decline."""
    return (
        ProposalPartner.objects.filter(
            organisation_id__in=cso_ids(user, admins_only=True), status=ProposalPartner.Status.INVITED,
            proposal__status__in=Proposal.EDITABLE_STATUSES,
        )
        .select_related("organisation", "proposal__organisation", "proposal__call", "proposal__property")
        .order_by("-invited_at", "-pk")
    )


def proposal_detail(pk) -> Proposal:
    """One proposal with its partners, attachments (and their checklist lines) and messages; 404 if none."""
    return get_object_or_404(
        Proposal.objects.select_related(
            "call__amo__country", "property__amo", "organisation__country", "submitted_by",
        ).prefetch_related(
            Prefetch("partners", queryset=ProposalPartner.objects.select_related("organisation__country")),
            Prefetch("attachments", queryset=ProposalAttachment.objects.select_related("requirement")),
            Prefetch("messages", queryset=ProposalMessage.objects.select_related("author")),
            "call__document_requirements",
        ),
        pk=pk,
    )
