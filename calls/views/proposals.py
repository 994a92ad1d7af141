"""The CSO's side of proposals: start, edit (with autosave), documents, partners, submit, follow, withdraw.

Every page decides access through `calls.permissions`; writes go through `calls.services.proposals`.
Reviewers and officers download documents through the same `proposal_attachment` URL.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from network.forms import describe_errors
from network.models import Organisation
from network.permissions import is_admin, is_member
from network.services import ActionRefused
from network.storage import private_file_response

from .. import permissions
from ..forms.proposals import (
    AttachmentForm,
    MessageForm,
    PartnerInviteForm,
    PartnerSearchForm,
    PartnershipResponseForm,
    ProposalContentForm,
    ProposalStartForm,
    WithdrawForm,
    beneficiary_formset,
)
from ..models import Call, Proposal, ProposalAttachment, ProposalPartner
from ..selectors import proposals as selectors
from ..services import proposals as services

MY_PROPOSALS_PAGE_SIZE = 25

# What happens next, for the applicant, by status.
NEXT_STEPS = {
    Proposal.Status.DRAFT: _lazy(
        "Only your organisation (and partners you invite) can see this draft. Complete it and have your "
        "organisation's administrator submit it before the deadline."),
    Proposal.Status.SUBMITTED: _lazy(
        "The office has received your proposal. It will check it and send it to reviewers; you will be told "
        "if it needs changes and when a decision is taken."),
    Proposal.Status.UNDER_REVIEW: _lazy(
        "Reviewers appointed by the office are scoring your proposal against the call's criteria. You will be "
        "told of the decision and its reasons."),
    Proposal.Status.CHANGES_REQUESTED: _lazy(
        "The office asks for changes (see its message). Edit the proposal and submit it again before the new "
        "deadline."),
    Proposal.Status.APPROVED: _lazy(
        "The office approved your proposal. It will contact you about the re-use agreement and the handover."),
    Proposal.Status.REJECTED: _lazy("The office did not approve your proposal; its reasons are below."),
    Proposal.Status.WITHDRAWN: _lazy("Your organisation withdrew this proposal. Nothing more happens with it."),
}


def _viewable(request, pk) -> Proposal:
    proposal = selectors.proposal_detail(pk)
    if not permissions.can_view_proposal(request.user, proposal):
        raise PermissionDenied
    return proposal


def _edit_refusal(user, proposal) -> str:
    if not proposal.is_editable:
        return _("This proposal is “%(status)s”: it can no longer be changed.") % {
            "status": proposal.get_status_display()}
    if timezone.now() >= proposal.deadline:
        return _("The deadline has passed: the proposal can no longer be changed.")
    return _("Only members of %(name)s can change this proposal.") % {"name": proposal.organisation.display_name}


# Start --------------------------------------------------------------------------------------------

@login_required
def proposal_start(request, call_pk):
    call = get_object_or_404(Call.objects.select_related("amo__country"), pk=call_pk)
    if not permissions.can_view_call(request.user, call):
        raise Http404
    organisations = list(
        Organisation.objects.filter(
            kind=Organisation.Kind.CSO, status=Organisation.Status.VERIFIED, memberships__user=request.user,
        ).select_related("country").order_by("sort_name", "pk")
    )
    allowed = [o for o in organisations if permissions.can_draft_proposal(request.user, call, o)]
    context = {"call": call}
    if not allowed:
        if not call.is_open():
            context["refusal"] = _("The call is not open for proposals.")
        else:
            context["refusal"] = _("To apply, you must be a member of a verified civil society organisation.")
        return render(request, "calls/proposal_start.html", context, status=403)
    properties = call.properties.select_related("amo").order_by("reference")
    initial = {"organisation": allowed[0].pk}
    property_pk = request.GET.get("property", "")
    if property_pk.isdigit():
        initial["property"] = int(property_pk)
    form = ProposalStartForm(
        request.POST or None, initial=initial, properties=properties,
        organisations=Organisation.objects.filter(pk__in=[o.pk for o in allowed]).select_related("country"),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                proposal = services.proposal_create(
                    call=call, property=form.cleaned_data["property"],
                    organisation=form.cleaned_data["organisation"], actor=request.user,
                )
            except services.ProposalExists as refusal:
                context["existing"] = refusal.proposal
                form.add_error(None, str(refusal))
            except ActionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Your draft is started. It is saved as you write."))
                return redirect("calls:proposal_edit", pk=proposal.pk)
        status = 400
        describe_errors(form)
    context.update({"form": form, "single_organisation": len(allowed) == 1})
    return render(request, "calls/proposal_start.html", context, status=status)


# Edit ---------------------------------------------------------------------------------------------

def _content_form(proposal, data=None):
    return ProposalContentForm(data, instance=copy.copy(proposal), initial={"version": proposal.version})


def _attachment_forms(proposal, bound=None):
    """One upload form per line of the checklist, and one for another document; `bound` replaces its line."""
    forms = []
    for requirement in proposal.call.document_requirements.all():
        form = AttachmentForm(call=proposal.call, initial={"requirement": requirement.pk},
                              auto_id=f"id_requirement_{requirement.pk}_%s")
        forms.append({"requirement": requirement, "form": form})
    forms.append({"requirement": None, "form": AttachmentForm(call=proposal.call, auto_id="id_other_%s")})
    if bound is not None:
        # Its errors go back to the line it was sent from (an unknown line: to "other documents").
        requirement_pk = bound.data.get("requirement") or ""
        target = next((item for item in forms if item["requirement"] and str(item["requirement"].pk) == requirement_pk),
                      forms[-1])
        bound.auto_id = target["form"].auto_id
        target["form"] = bound
    attachments = list(proposal.attachments.all())
    for item in forms:
        requirement_pk = item["requirement"].pk if item["requirement"] else None
        item["attachments"] = [a for a in attachments if a.requirement_id == requirement_pk]
    return forms


def _render_edit(request, proposal, *, form=None, formset=None, attachment_form=None, invite_form=None,
                 status=200, conflict=False):
    search = PartnerSearchForm(request.GET or None)
    results = search.results(exclude=proposal.organisation)
    if invite_form is None:
        invite_form = PartnerInviteForm(applicant=proposal.organisation, choices=results)
    return render(request, "calls/proposal_edit.html", {
        "proposal": proposal,
        "form": form or _content_form(proposal),
        "formset": formset or beneficiary_formset(proposal),
        "attachment_forms": _attachment_forms(proposal, attachment_form),
        "attachment_count": len(proposal.attachments.all()),
        "max_attachments": services.MAX_ATTACHMENTS,
        "partners": list(proposal.partners.all()),
        "search_form": search,
        "search_results": results,
        "invite_form": invite_form,
        "can_invite": permissions.can_invite_partner(request.user, proposal),
        "can_submit": permissions.can_submit_proposal(request.user, proposal),
        "missing": services.proposal_missing(proposal),
        "conflict": conflict,
    }, status=status)


def _editable(request, pk) -> Proposal:
    proposal = _viewable(request, pk)
    if not permissions.can_edit_proposal(request.user, proposal):
        raise ActionRefused(_edit_refusal(request.user, proposal))
    return proposal


def _content_data(form, formset) -> dict:
    data = {name: value for name, value in form.cleaned_data.items() if name != "version"}
    data["beneficiaries"] = formset.rows()
    return data


@login_required
def proposal_edit(request, pk):
    try:
        proposal = _editable(request, pk)
    except ActionRefused as refusal:
        messages.info(request, str(refusal))
        return redirect("calls:proposal_detail", pk=pk)
    if request.method != "POST":
        return _render_edit(request, proposal)
    form = _content_form(proposal, request.POST)
    formset = beneficiary_formset(proposal, request.POST)
    if form.is_valid() and formset.is_valid():
        try:
            services.proposal_update(
                proposal=proposal, actor=request.user, data=_content_data(form, formset),
                version=form.cleaned_data["version"],
            )
        except services.VersionConflict as refusal:
            form.add_error(None, str(refusal))
            return _render_edit(request, proposal, form=form, formset=formset, status=409, conflict=True)
        except ValidationError as error:
            form.add_error(None, error)
        except ActionRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("calls:proposal_detail", pk=pk)
        else:
            messages.success(request, _("Draft saved at %(time)s.") % {
                "time": date_format(timezone.localtime(proposal.updated_at), "H:i")})
            return redirect("calls:proposal_edit", pk=pk)
    describe_errors(form)
    for row in formset.forms:
        describe_errors(row)
    return _render_edit(request, proposal, form=form, formset=formset, status=400)


def _json_error(message, status, **extra):
    return JsonResponse({"error": str(message), **extra}, status=status)


def _form_errors(form, formset) -> dict:
    fields = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
    for row in formset.forms:
        for name, errors in row.errors.items():
            fields[row.add_prefix(name)] = [str(error) for error in errors]
    if formset.non_form_errors():
        fields["beneficiaries"] = [str(error) for error in formset.non_form_errors()]
    return fields


@require_POST
def proposal_autosave(request, pk):
    """Save the edit form as the person types: JSON {version, saved_at} or a 4xx JSON {error}."""
    if not request.user.is_authenticated:
        return _json_error(_("Your session has ended: sign in again to keep saving."), 401)
    try:
        proposal = selectors.proposal_detail(pk)
    except Http404:
        return _json_error(_("This proposal does not exist."), 404)
    if not permissions.can_view_proposal(request.user, proposal):
        return _json_error(_("You cannot change this proposal."), 403)
    if not permissions.can_edit_proposal(request.user, proposal):
        return _json_error(_edit_refusal(request.user, proposal), 403)
    form = _content_form(proposal, request.POST)
    formset = beneficiary_formset(proposal, request.POST)
    if not (form.is_valid() and formset.is_valid()):
        return _json_error(_("Some fields need correcting; the last correct version is kept."), 400,
                           fields=_form_errors(form, formset))
    try:
        services.proposal_update(
            proposal=proposal, actor=request.user, data=_content_data(form, formset),
            version=form.cleaned_data["version"],
        )
    except services.VersionConflict as refusal:
        return _json_error(refusal, 409, version=refusal.current_version)
    except ValidationError as error:
        fields = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        return _json_error(_("Some fields need correcting; the last correct version is kept."), 400,
                           fields=fields)
    except ActionRefused as refusal:
        return _json_error(refusal, 403)
    saved_at = timezone.localtime(proposal.updated_at)
    return JsonResponse({
        "version": proposal.version,
        "saved_at": saved_at.isoformat(),
        "saved_at_display": date_format(saved_at, "H:i"),
    })


# Documents ----------------------------------------------------------------------------------------

@login_required
@require_POST
def attachment_add(request, pk):
    try:
        proposal = _editable(request, pk)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("calls:proposal_detail", pk=pk)
    form = AttachmentForm(request.POST, request.FILES, call=proposal.call)
    if form.is_valid():
        try:
            attachment = services.proposal_attach(
                proposal=proposal, actor=request.user, upload=form.cleaned_data["file"],
                requirement=form.cleaned_data["requirement"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("“%(name)s” is attached.") % {"name": attachment.original_name})
            return redirect(reverse("calls:proposal_edit", kwargs={"pk": pk}) + "#documents")
    describe_errors(form)
    return _render_edit(request, proposal, attachment_form=form, status=400)


@login_required
def attachment_download(request, pk, attachment_pk):
    attachment = get_object_or_404(
        ProposalAttachment.objects.select_related("proposal__call__amo", "proposal__organisation"),
        pk=attachment_pk, proposal_id=pk,
    )
    if not permissions.can_view_attachment(request.user, attachment.proposal):
        raise PermissionDenied
    response = private_file_response(attachment.file, download=True)
    response["Content-Type"] = attachment.content_type
    response["Content-Disposition"] = content_disposition_header(True, attachment.original_name)
    return response


@login_required
@require_POST
def attachment_remove(request, pk, attachment_pk):
    try:
        proposal = _editable(request, pk)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("calls:proposal_detail", pk=pk)
    attachment = get_object_or_404(ProposalAttachment, pk=attachment_pk, proposal=proposal)
    try:
        services.proposal_detach(attachment=attachment, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("“%(name)s” is removed.") % {"name": attachment.original_name})
    return redirect(reverse("calls:proposal_edit", kwargs={"pk": pk}) + "#documents")


# Partners -----------------------------------------------------------------------------------------

@login_required
@require_POST
def partner_invite(request, pk):
    proposal = _viewable(request, pk)
    if not permissions.can_invite_partner(request.user, proposal):
        raise PermissionDenied
    form = PartnerInviteForm(request.POST, applicant=proposal.organisation)
    if form.is_valid():
        try:
            partner = services.partner_invite(
                proposal=proposal, organisation=form.cleaned_data["organisation"], actor=request.user,
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("%(name)s is invited; it must accept before you can submit.") % {
                "name": partner.organisation.display_name})
            return redirect(reverse("calls:proposal_edit", kwargs={"pk": pk}) + "#partners")
    describe_errors(form)
    return _render_edit(request, proposal, invite_form=form, status=400)


@login_required
@require_POST
def partner_remove(request, pk, partner_pk):
    proposal = _viewable(request, pk)
    if not permissions.can_invite_partner(request.user, proposal):
        raise PermissionDenied
    partner = get_object_or_404(ProposalPartner.objects.select_related("organisation"), pk=partner_pk,
                                proposal=proposal)
    try:
        services.partner_remove(partner=partner, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("%(name)s is no longer a partner.") % {"name": partner.organisation.display_name})
    return redirect(reverse("calls:proposal_edit", kwargs={"pk": pk}) + "#partners")


@login_required
def partnership_respond(request, pk):
    """The invited CSO's page: what it is invited into, and (for its admin) accept or decline."""
    partner = get_object_or_404(
        ProposalPartner.objects.select_related(
            "organisation", "proposal__organisation__country", "proposal__call__amo__country", "proposal__property",
        ),
        pk=pk,
    )
    if not is_member(request.user, partner.organisation):
        raise PermissionDenied
    can_respond = permissions.can_respond_to_partnership(request.user, partner)
    form = PartnershipResponseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not can_respond:
            raise PermissionDenied
        if form.is_valid():
            accept = form.cleaned_data["decision"] == "accept"
            try:
                services.partner_respond(partner=partner, actor=request.user, accept=accept)
            except ActionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                if accept:
                    messages.success(request, _("You accepted: %(name)s is a partner in this proposal.") % {
                        "name": partner.organisation.display_name})
                else:
                    messages.info(request, _("You declined the partnership."))
                return redirect("calls:my_proposals")
        status = 400
        describe_errors(form)
    return render(request, "calls/proposal_partnership.html", {
        "partner": partner, "proposal": partner.proposal, "form": form, "can_respond": can_respond,
        "is_admin": is_admin(request.user, partner.organisation),
    }, status=status)


# Submit, follow, withdraw -------------------------------------------------------------------------

@login_required
def proposal_submit(request, pk):
    proposal = _viewable(request, pk)
    if not is_member(request.user, proposal.organisation):
        raise PermissionDenied
    context = {"proposal": proposal, "is_admin": is_admin(request.user, proposal.organisation)}
    status = 200
    if request.method == "POST":
        try:
            services.proposal_submit(proposal=proposal, actor=request.user)
        except services.SubmissionIncomplete as refusal:
            context["refusal"], context["missing"] = _("The proposal cannot be submitted yet."), refusal.missing
            status = 400
        except ActionRefused as refusal:
            context["refusal"] = str(refusal)
            status = 403 if not context["is_admin"] else 400
        else:
            messages.success(request, _("Your proposal is submitted. Its reference is %(reference)s.") % {
                "reference": proposal.reference})
            return redirect("calls:proposal_detail", pk=pk)
    context.setdefault("missing", services.proposal_missing(proposal) if proposal.is_editable else [])
    context["can_submit"] = permissions.can_submit_proposal(request.user, proposal)
    if not context["can_submit"] and "refusal" not in context:
        if not context["is_admin"]:
            context["refusal"] = _("Only the administrator of %(name)s can submit the proposal.") % {
                "name": proposal.organisation.display_name}
        else:
            context["refusal"] = _edit_refusal(request.user, proposal)
    return render(request, "calls/proposal_submit.html", context, status=status)


def _render_detail(request, proposal, *, message_form=None, status=200):
    partner_view = not is_member(request.user, proposal.organisation) and permissions.is_partner_member(
        request.user, proposal)
    return render(request, "calls/proposal_detail.html", {
        "proposal": proposal,
        "next_steps": NEXT_STEPS.get(proposal.status, ""),
        "partners": list(proposal.partners.all()),
        "attachments": list(proposal.attachments.all()),
        "proposal_messages": list(proposal.messages.all()),
        "can_edit": permissions.can_edit_proposal(request.user, proposal),
        "can_submit": permissions.can_submit_proposal(request.user, proposal),
        "can_withdraw": permissions.can_withdraw_proposal(request.user, proposal),
        "can_message": permissions.can_message_office(request.user, proposal),
        "message_form": message_form or MessageForm(),
        "partner_view": partner_view,
    }, status=status)


@login_required
def proposal_detail(request, pk):
    return _render_detail(request, _viewable(request, pk))


@login_required
@require_POST
def proposal_message(request, pk):
    proposal = _viewable(request, pk)
    if not permissions.can_message_office(request.user, proposal):
        raise PermissionDenied
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.proposal_message_post(proposal=proposal, actor=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error(None, error)
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your message is sent to the office."))
            return redirect(reverse("calls:proposal_detail", kwargs={"pk": pk}) + "#messages")
    describe_errors(form)
    return _render_detail(request, proposal, message_form=form, status=400)


@login_required
def proposal_withdraw(request, pk):
    proposal = _viewable(request, pk)
    if not permissions.can_withdraw_proposal(request.user, proposal):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.proposal_withdraw(proposal=proposal, actor=request.user, reason=form.cleaned_data["reason"])
            except (ValidationError, ActionRefused) as error:
                form.add_error(None, error if isinstance(error, ValidationError) else str(error))
            else:
                messages.success(request, _("The proposal is withdrawn."))
                return redirect("calls:proposal_detail", pk=pk)
        status = 400
        describe_errors(form)
    return render(request, "calls/proposal_withdraw.html", {"proposal": proposal, "form": form}, status=status)


@login_required
def my_proposals(request):
    """Every proposal of my organisations and partnerships, and invitations waiting for my answer."""
    own_ids = set(selectors.cso_ids(request.user))
    page = Paginator(selectors.proposals_for_user(request.user), MY_PROPOSALS_PAGE_SIZE).get_page(
        request.GET.get("page"))
    for proposal in page:
        proposal.is_own = proposal.organisation_id in own_ids
    return render(request, "calls/proposal_list.html", {
        "page": page,
        "invitations": list(selectors.partnerships_awaiting(request.user)),
    })


urlpatterns = [
    path("calls/<int:call_pk>/proposals/new/", proposal_start, name="proposal_start"),
    path("proposals/", my_proposals, name="my_proposals"),
    path("proposals/<int:pk>/", proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/autosave/", proposal_autosave, name="proposal_autosave"),
    path("proposals/<int:pk>/attachments/add/", attachment_add, name="proposal_attachment_add"),
    path("proposals/<int:pk>/attachments/<int:attachment_pk>/", attachment_download, name="proposal_attachment"),
    path("proposals/<int:pk>/attachments/<int:attachment_pk>/remove/", attachment_remove,
         name="proposal_attachment_remove"),
    path("proposals/<int:pk>/partners/invite/", partner_invite, name="proposal_partner_invite"),
    path("proposals/<int:pk>/partners/<int:partner_pk>/remove/", partner_remove, name="proposal_partner_remove"),
    path("partnerships/<int:pk>/", partnership_respond, name="partnership_respond"),
    path("proposals/<int:pk>/submit/", proposal_submit, name="proposal_submit"),
    path("proposals/<int:pk>/withdraw/", proposal_withdraw, name="proposal_withdraw"),
    path("proposals/<int:pk>/messages/", proposal_message, name="proposal_message"),
]
