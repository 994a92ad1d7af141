"""The review stage and the decisions: the office's side (a call's proposals, one proposal, reviewers, the
ranking, four-eyes decisions) and the reviewer's side (their queue, the declaration, the scoring).

Every page decides access through `calls.permissions`; writes go through `calls.services.reviews` and
`calls.services.decisions`, whose refusals (`ActionRefused`) are shown as messages or form errors.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.services import ActionRefused

from .. import permissions
from ..forms.reviews import (
    DecisionForm,
    DecisionReturnForm,
    DeclarationForm,
    RequestChangesForm,
    ReviewerAppointForm,
    ScoreForm,
)
from ..models import Call, CallReviewer, Decision, Proposal, Review
from ..selectors import reviews as selectors
from ..services import decisions as decision_services
from ..services import reviews as services
from ..transitions import can_move
from .office import managed_call


def _attachments_with_links(proposal: Proposal) -> list:
    """The proposal's documents, each with the permission-checked download link officers and reviewers use."""
    attachments = list(proposal.attachments.select_related("requirement"))
    for attachment in attachments:
        attachment.url = reverse("calls:proposal_attachment",
                                 kwargs={"pk": proposal.pk, "attachment_pk": attachment.pk})
    return attachments


def _handled_proposal(request, pk) -> Proposal:
    proposal = get_object_or_404(
        Proposal.objects.select_related("call__amo__country", "organisation", "property"), pk=pk
    )
    if not permissions.can_handle_proposal(request.user, proposal):
        raise PermissionDenied
    return proposal


def _group_by_property(proposals):
    groups = {}
    for proposal in proposals:
        groups.setdefault(proposal.property_id, {"property": proposal.property, "proposals": []})
        groups[proposal.property_id]["proposals"].append(proposal)
    return list(groups.values())


# A call's proposals -------------------------------------------------------------------------------

@login_required
def call_proposals(request, pk):
    call = managed_call(request, pk)
    proposals = selectors.call_proposals_for_office(call)
    is_closed = call.phase() == Call.Phase.CLOSED
    waiting = sum(1 for proposal in proposals if proposal.status == Proposal.Status.SUBMITTED)
    return render(request, "calls/reviews/call_proposals.html", {
        "call": call,
        "groups": _group_by_property(proposals),
        "count": len(proposals),
        "is_closed": is_closed,
        "can_start_all": is_closed and waiting > 0,
        "waiting": waiting,
        "can_view_ranking": permissions.can_view_ranking(request.user, call),
    })


@login_required
@require_POST
def call_start_review(request, pk):
    call = managed_call(request, pk)
    try:
        started = services.call_start_review(call=call, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The review has started for %(count)s proposals.") % {"count": len(started)})
    return redirect("calls:call_proposals", pk=call.pk)


# One proposal, for the office ---------------------------------------------------------------------

def _render_office_proposal(request, proposal, *, changes_form=None, decision_form=None, return_form=None,
                            status=200):
    user = request.user
    call = proposal.call
    attachments = _attachments_with_links(proposal)
    reviews = selectors.proposal_reviews_for_office(proposal)
    for review in reviews:
        review.call = call
    readable = []
    for review in reviews:
        review.proposal = proposal
        if review.status == Review.Status.SUBMITTED and permissions.can_read_review(user, review):
            readable.append(review)
    decisions = list(proposal.decisions.select_related("proposed_by", "confirmed_by"))
    pending = next((d for d in decisions if d.status == Decision.Status.PROPOSED), None)
    if pending is not None:
        pending.proposal = proposal
    is_closed = call.phase() == Call.Phase.CLOSED
    can_decide = permissions.can_propose_decision(user, proposal) and pending is None and (
        can_move(proposal, "approve") or can_move(proposal, "reject")
    )
    return render(request, "calls/office_proposal.html", {
        "proposal": proposal,
        "call": call,
        "attachments": attachments,
        "partners": list(proposal.partners.select_related("organisation")),
        "proposal_messages": list(proposal.messages.select_related("author")),
        "reviews": reviews,
        "readable_reviews": readable,
        "reviews_hidden": permissions.has_unfinished_reviews(user, call),
        "decisions": decisions,
        "pending": pending,
        "can_confirm": pending is not None and permissions.can_confirm_decision(user, pending),
        "is_proposer": pending is not None and pending.proposed_by_id == user.pk,
        "can_start_review": permissions.can_start_review(user, proposal) and can_move(proposal, "start_review"),
        "is_closed": is_closed,
        "can_request_changes": permissions.can_request_changes(user, proposal)
        and can_move(proposal, "request_changes") and pending is None,
        "can_decide": can_decide,
        "can_approve": can_move(proposal, "approve"),
        "changes_form": changes_form or RequestChangesForm(time_zone=call.time_zone, auto_id="id_changes_%s"),
        "decision_form": decision_form or DecisionForm(auto_id="id_decision_%s"),
        "return_form": return_form or DecisionReturnForm(auto_id="id_return_%s"),
        "can_view_ranking": permissions.can_view_ranking(user, call),
    }, status=status)


@login_required
def office_proposal(request, pk):
    return _render_office_proposal(request, _handled_proposal(request, pk))


@login_required
@require_POST
def office_proposal_start_review(request, pk):
    proposal = _handled_proposal(request, pk)
    try:
        services.proposal_start_review(proposal=proposal, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The review of %(reference)s has started.") % {"reference": proposal.reference})
    return redirect("calls:office_proposal", pk=proposal.pk)


@login_required
@require_POST
def office_proposal_request_changes(request, pk):
    proposal = _handled_proposal(request, pk)
    if not permissions.can_request_changes(request.user, proposal):
        messages.error(request, _("Changes have already been requested once for this proposal."))
        return redirect("calls:office_proposal", pk=proposal.pk)
    form = RequestChangesForm(request.POST, time_zone=proposal.call.time_zone, auto_id="id_changes_%s")
    if form.is_valid():
        try:
            services.proposal_request_changes(
                proposal=proposal, actor=request.user, message=form.cleaned_data["message"],
                deadline=form.cleaned_data["deadline"],
            )
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The applicant is asked for changes."))
            return redirect("calls:office_proposal", pk=proposal.pk)
    return _render_office_proposal(request, proposal, changes_form=form, status=400)


@login_required
@require_POST
def office_proposal_decide(request, pk):
    proposal = _handled_proposal(request, pk)
    form = DecisionForm(request.POST, auto_id="id_decision_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            decision_services.decision_propose(
                proposal=proposal, actor=request.user, outcome=data["outcome"], reasons=data["reasons"],
                agreement_start=data["agreement_start"], agreement_term_months=data["agreement_term_months"],
                agreement_obligations=data["agreement_obligations"],
                reporting_every_months=data["reporting_every_months"],
            )
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The decision is proposed: another officer of the office must confirm it."))
            return redirect("calls:office_proposal", pk=proposal.pk)
    return _render_office_proposal(request, proposal, decision_form=form, status=400)


def _pending_decision(request, pk) -> Decision:
    decision = get_object_or_404(
        Decision.objects.select_related("proposal__call__amo__country", "proposal__organisation",
                                        "proposal__property"),
        pk=pk,
    )
    if not permissions.can_handle_proposal(request.user, decision.proposal):
        raise PermissionDenied
    return decision


@login_required
@require_POST
def decision_confirm(request, pk):
    decision = _pending_decision(request, pk)
    if not permissions.can_confirm_decision(request.user, decision):
        if decision.status == Decision.Status.PROPOSED:
            raise PermissionDenied
        messages.error(request, _("This decision is no longer waiting for confirmation."))
        return redirect("calls:office_proposal", pk=decision.proposal_id)
    try:
        decision_services.decision_confirm(decision=decision, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The decision is confirmed and sent to the applicant."))
    return redirect("calls:office_proposal", pk=decision.proposal_id)


@login_required
@require_POST
def decision_return(request, pk):
    decision = _pending_decision(request, pk)
    if not permissions.can_return_decision(request.user, decision):
        if decision.status == Decision.Status.PROPOSED:
            raise PermissionDenied
        messages.error(request, _("This decision is no longer waiting for confirmation."))
        return redirect("calls:office_proposal", pk=decision.proposal_id)
    form = DecisionReturnForm(request.POST, auto_id="id_return_%s")
    if form.is_valid():
        try:
            decision_services.decision_return(decision=decision, actor=request.user, reason=form.cleaned_data["reason"])
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The decision is sent back to the officer who proposed it."))
            return redirect("calls:office_proposal", pk=decision.proposal_id)
    return _render_office_proposal(request, decision.proposal, return_form=form, status=400)


# Reviewers ----------------------------------------------------------------------------------------

@login_required
def call_reviewers(request, pk):
    call = managed_call(request, pk)
    form = ReviewerAppointForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not permissions.can_manage_reviewers(request.user, call):
            raise PermissionDenied
        if form.is_valid():
            try:
                appointment = services.reviewer_appoint(call=call, actor=request.user, email=form.cleaned_data["email"])
            except ActionRefused as refusal:
                form.add_error("email", str(refusal))
            else:
                messages.success(request, _("%(name)s is appointed as a reviewer.") % {"name": appointment.user})
                return redirect("calls:call_reviewers", pk=call.pk)
        status = 400
    return render(request, "calls/reviews/call_reviewers.html", {
        "call": call,
        "form": form,
        "reviewers": list(selectors.call_reviewers_with_progress(call)),
        "can_manage": permissions.can_manage_reviewers(request.user, call),
    }, status=status)


@login_required
@require_POST
def call_reviewer_remove(request, pk, reviewer_pk):
    call = managed_call(request, pk)
    appointment = get_object_or_404(CallReviewer.objects.select_related("user", "call__amo"), pk=reviewer_pk, call=call)
    try:
        services.reviewer_remove(call_reviewer=appointment, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("%(name)s is no longer a reviewer of this call.") % {"name": appointment.user})
    return redirect("calls:call_reviewers", pk=call.pk)


# Ranking ------------------------------------------------------------------------------------------

@login_required
def call_ranking(request, pk):
    call = managed_call(request, pk)
    if not permissions.can_view_ranking(request.user, call):
        return render(request, "calls/ranking.html", {"call": call, "blocked": True}, status=403)
    return render(request, "calls/ranking.html", {
        "call": call,
        "criteria": list(call.criteria.all()),
        "groups": selectors.call_ranking(call),
    })


# The reviewer's side ------------------------------------------------------------------------------

@login_required
def review_queue(request):
    reviews = list(selectors.review_queue(request.user))
    return render(request, "calls/reviews/queue.html", {"reviews": reviews})


def _own_review(request, pk) -> Review:
    review = get_object_or_404(
        Review.objects.select_related("proposal__call__amo__country", "proposal__organisation", "proposal__property")
        .prefetch_related(Prefetch("proposal__call__criteria")),
        pk=pk,
    )
    if not permissions.can_open_review(request.user, review):
        raise PermissionDenied
    return review


def _render_review(request, review, *, declaration_form=None, score_form=None, status=200):
    proposal = review.proposal
    context = {"review": review, "proposal": proposal, "call": proposal.call, "property": proposal.property}
    if review.status == Review.Status.ASSIGNED:
        context["declaration_form"] = declaration_form or DeclarationForm()
    elif review.status in (Review.Status.IN_PROGRESS, Review.Status.SUBMITTED):
        attachments = _attachments_with_links(proposal)
        criteria = list(proposal.call.criteria.all())
        context.update({
            "show_content": True,
            "attachments": attachments,
            "partners": list(proposal.partners.select_related("organisation")),
            "criteria": criteria,
        })
        if review.status == Review.Status.IN_PROGRESS:
            context["score_form"] = score_form or ScoreForm(criteria=criteria, initial=ScoreForm.initial_for(review))
        else:
            scores = {score.criterion_id: score for score in review.scores.all()}
            context["own_scores"] = [(criterion, scores.get(criterion.pk)) for criterion in criteria]
            context["weighted_score"] = selectors.review_weighted_score(review, criteria)
    return render(request, "calls/reviews/detail.html", context, status=status)


@login_required
def review_detail(request, pk):
    review = _own_review(request, pk)
    if request.method != "POST":
        return _render_review(request, review)
    if not permissions.can_score(request.user, review):
        messages.error(request, _("This review cannot be changed any more."))
        return redirect("calls:review_detail", pk=review.pk)
    submitting = request.POST.get("action") == "submit"
    criteria = list(review.proposal.call.criteria.all())
    form = ScoreForm(request.POST, criteria=criteria, submitting=submitting)
    if form.is_valid():
        service = services.review_submit if submitting else services.review_save
        try:
            service(review=review, actor=request.user, scores=form.scores(),
                    recommendation=form.cleaned_data["recommendation"], comment=form.cleaned_data["comment"])
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            if submitting:
                messages.success(request, _("Your review is submitted. Thank you."))
            else:
                messages.success(request, _("Your draft is saved."))
            return redirect("calls:review_detail", pk=review.pk)
    return _render_review(request, review, score_form=form, status=400)


@login_required
@require_POST
def review_declare(request, pk):
    review = _own_review(request, pk)
    if not permissions.can_declare_conflict(request.user, review):
        messages.error(request, _("You have already made your declaration for this review."))
        return redirect("calls:review_detail", pk=review.pk)
    form = DeclarationForm(request.POST)
    if form.is_valid():
        try:
            services.review_declare(review=review, actor=request.user, has_conflict=form.has_conflict,
                                    note=form.cleaned_data["note"])
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            if form.has_conflict:
                messages.info(request, _("Your conflict of interest is recorded: you are recused from this review."))
            else:
                messages.success(request, _("Thank you. You can now read and score the proposal."))
            return redirect("calls:review_detail", pk=review.pk)
    return _render_review(request, review, declaration_form=form, status=400)


urlpatterns = [
    path("office/calls/<int:pk>/proposals/", call_proposals, name="call_proposals"),
    path("office/calls/<int:pk>/proposals/start-review/", call_start_review, name="call_start_review"),
    path("office/calls/<int:pk>/reviewers/", call_reviewers, name="call_reviewers"),
    path("office/calls/<int:pk>/reviewers/<int:reviewer_pk>/remove/", call_reviewer_remove,
         name="call_reviewer_remove"),
    path("office/calls/<int:pk>/ranking/", call_ranking, name="call_ranking"),
    path("office/proposals/<int:pk>/", office_proposal, name="office_proposal"),
    path("office/proposals/<int:pk>/start-review/", office_proposal_start_review,
         name="office_proposal_start_review"),
    path("office/proposals/<int:pk>/request-changes/", office_proposal_request_changes,
         name="office_proposal_request_changes"),
    path("office/proposals/<int:pk>/decide/", office_proposal_decide, name="office_proposal_decide"),
    path("office/decisions/<int:pk>/confirm/", decision_confirm, name="decision_confirm"),
    path("office/decisions/<int:pk>/return/", decision_return, name="decision_return"),
    path("reviews/", review_queue, name="review_queue"),
    path("reviews/<int:pk>/", review_detail, name="review_detail"),
    path("reviews/<int:pk>/declare/", review_declare, name="review_declare"),
]
