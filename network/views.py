"""Views of the network app: parse, check permission, call a service or selector, render."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from reuse_projects.selectors import office_counts

from . import permissions, selectors, services
from .forms import (
    AccountDeleteForm,
    DirectoryFilterForm,
    InvitationForm,
    LookupForm,
    OrganisationForm,
    ProfileForm,
    RoleForm,
    StatusDecisionForm,
)
from .models import Country, Invitation, Membership, Organisation
from .services import ActionRefused
from .storage import private_file_response
from .thematic_areas import THEMATIC_AREAS
from .transitions import allowed_actions

DIRECTORY_PAGE_SIZE = 24


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 otherwise (for load balancers and uptime checks)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


# Public directory ---------------------------------------------------------------------------------

def organisation_directory(request):
    countries = list(Country.objects.order_by("code"))
    form = DirectoryFilterForm(request.GET or None, countries=countries, thematic_areas=THEMATIC_AREAS)
    filters = {"country": "", "thematic_area": "", "q": "", "sort": "name"}
    if form.is_bound:
        form.is_valid()  # an unknown value in one filter shows an error and leaves the others applied
        filters.update({k: v for k, v in form.cleaned_data.items() if v})
    organisations = selectors.organisation_list_public(**filters)
    page = Paginator(organisations, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "network/organisation_directory.html", {
        "form": form, "page": page, "query": query.urlencode(), "filters": filters,
    })


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("country"), slug=slug)
    if not permissions.can_view_organisation(request.user, organisation):
        raise Http404
    context = {
        "organisation": organisation,
        "thematic_areas": [t.label for t in organisation.thematic_areas.all()],
        "can_edit": permissions.can_edit_organisation(request.user, organisation),
        "can_view_private": permissions.can_view_private_details(request.user, organisation),
        "can_download_certificate": permissions.can_download_certificate(request.user, organisation),
        "can_manage_members": permissions.can_manage_members(request.user, organisation),
        "can_resubmit": permissions.can_resubmit(request.user, organisation),
        "is_member": permissions.is_member(request.user, organisation),
    }
    if context["can_view_private"]:
        context["history"] = selectors.organisation_status_history(organisation=organisation)
    if organisation.kind == Organisation.Kind.AMO:
        context["property_counts"] = office_counts(amo=organisation)
    return render(request, "network/organisation_detail.html", context)


def verification_lookup(request):
    form = LookupForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        results = selectors.organisation_verification_lookup(q=form.cleaned_data["q"])
    return render(request, "network/verification_lookup.html", {"form": form, "results": results})


# Registration and profile ------------------------------------------------------------------------

@login_required
def organisation_register(request):
    if not permissions.can_register_organisation(request.user):
        raise PermissionDenied
    bound = request.method == "POST"
    form = OrganisationForm(
        request.POST if bound else None, request.FILES if bound else None, require_certificate=True
    )
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_register(
            user=request.user, organisation=form.save(commit=False),
            thematic_areas=form.cleaned_data["thematic_areas"],
        )
        messages.success(request, _(
            "%(name)s is registered. A network coordinator will check it; you will get an e-mail."
        ) % {"name": organisation.name})
        return redirect(organisation)
    return render(request, "network/organisation_form.html", {"form": form, "registering": True})


@login_required
def organisation_edit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    bound = request.method == "POST"
    form = OrganisationForm(
        request.POST if bound else None, request.FILES if bound else None, instance=organisation
    )
    if request.method == "POST" and form.is_valid():
        services.organisation_update(
            organisation=form.save(commit=False), thematic_areas=form.cleaned_data["thematic_areas"]
        )
        messages.success(request, _("The profile is saved."))
        return redirect(organisation)
    return render(request, "network/organisation_form.html", {
        "form": form, "organisation": organisation, "registering": False,
    })


@login_required
def organisation_certificate(request, slug):
    """The private registration certificate, only through this permission-checked view."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_download_certificate(request.user, organisation):
        raise PermissionDenied
    if not organisation.registration_certificate:
        raise Http404
    return private_file_response(
        organisation.registration_certificate, download=request.GET.get("download") == "1"
    )


@login_required
@require_POST
def organisation_resubmit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_resubmit(request.user, organisation):
        raise PermissionDenied
    try:
        services.organisation_change_status(
            organisation=organisation, actor=request.user, action="resubmit"
        )
        messages.success(request, _("Submitted again for verification."))
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(organisation)


# Members ------------------------------------------------------------------------------------------

@login_required
def organisation_members(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_view_private_details(request.user, organisation):
        raise PermissionDenied
    can_manage = permissions.can_manage_members(request.user, organisation)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    invite_form = InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if invite_form.is_valid():
            try:
                invitation = services.membership_invite(
                    organisation=organisation, invited_by=request.user,
                    email=invite_form.cleaned_data["email"], role=invite_form.cleaned_data["role"],
                )
                messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
                return redirect("network:organisation_members", slug=slug)
            except ActionRefused as refusal:
                invite_form.add_error("email", str(refusal))
    return render(request, "network/organisation_members.html", {
        "organisation": organisation,
        "members": selectors.organisation_members(organisation=organisation),
        "invitations": organisation.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True)
        if can_manage else [],
        "invite_form": invite_form,
        "can_manage": can_manage,
        "roles": Membership.Role.choices,
        "days": settings.INVITATION_MAX_AGE_DAYS,
    })


def _membership_for_management(request, slug, membership_id):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_manage_members(request.user, organisation):
        raise PermissionDenied
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    return organisation, membership


@login_required
@require_POST
def membership_role(request, slug, membership_id):
    organisation, membership = _membership_for_management(request, slug, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
    else:
        try:
            services.membership_change_role(membership=membership, role=form.cleaned_data["role"])
            messages.success(request, _("%(person)s is now %(role)s.") % {
                "person": membership.user, "role": membership.get_role_display().lower()})
        except ActionRefused as refusal:
            messages.error(request, str(refusal))
    return redirect("network:organisation_members", slug=organisation.slug)


@login_required
@require_POST
def membership_remove(request, slug, membership_id):
    organisation, membership = _membership_for_management(request, slug, membership_id)
    try:
        services.membership_remove(membership=membership)
        messages.success(request, _("%(person)s was removed.") % {"person": membership.user})
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    return redirect("network:organisation_members", slug=organisation.slug)


@login_required
@require_POST
def membership_leave(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.is_member(request.user, organisation):
        raise PermissionDenied
    membership = Membership.objects.get(organisation=organisation, user=request.user)
    try:
        services.membership_remove(membership=membership)
        messages.success(request, _("You left %(name)s.") % {"name": organisation.name})
        return redirect("network:dashboard")
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("network:organisation_members", slug=organisation.slug)


@login_required
@require_POST
def invitation_revoke(request, slug, invitation_id):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_manage_members(request.user, organisation):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=invitation_id, organisation=organisation)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email})
    return redirect("network:organisation_members", slug=organisation.slug)


def invitation_accept(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except ActionRefused as refusal:
        return render(request, "network/invitation_invalid.html", {"reason": str(refusal)}, status=400)
    if not request.user.is_authenticated:
        return render(request, "network/invitation_accept.html", {"invitation": invitation})
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ActionRefused as refusal:
            messages.error(request, str(refusal))
            return render(request, "network/invitation_accept.html", {"invitation": invitation}, status=403)
        messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.organisation.name})
        return redirect(invitation.organisation)
    return render(request, "network/invitation_accept.html", {"invitation": invitation})


# Coordinators -------------------------------------------------------------------------------------

def _require_reviewer(request):
    if permissions.is_coordinator(request.user) and not permissions.has_mfa(request.user):
        messages.warning(request, _(
            "Coordinators must protect their account with an authenticator app first."))
        return redirect("mfa_activate_totp")
    if not permissions.can_review_organisations(request.user):
        raise PermissionDenied
    return None


@login_required
def review_queue(request):
    if (response := _require_reviewer(request)) is not None:
        return response
    status = request.GET.get("status", Organisation.Status.PENDING)
    if status not in Organisation.Status.values:
        status = Organisation.Status.PENDING
    page = Paginator(selectors.organisation_review_queue(status=status), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "network/review_queue.html", {
        "page": page, "status": status, "statuses": Organisation.Status.choices,
    })


@login_required
def review_detail(request, slug):
    if (response := _require_reviewer(request)) is not None:
        return response
    organisation = get_object_or_404(
        Organisation.objects.csos().select_related("country", "registered_by"), slug=slug
    )
    actions = [a for a in allowed_actions(organisation.status) if a != "resubmit"]
    form = StatusDecisionForm(request.POST or None, actions=actions)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_change_status(
                organisation=organisation, actor=request.user,
                action=form.cleaned_data["action"], reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("%(name)s is now %(status)s.") % {
                "name": organisation.name, "status": organisation.get_status_display().lower()})
            return redirect("network:review_queue")
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
    return render(request, "network/review_detail.html", {
        "organisation": organisation, "form": form,
        "history": selectors.organisation_status_history(organisation=organisation),
        "members": selectors.organisation_members(organisation=organisation),
        "thematic_areas": [t.label for t in organisation.thematic_areas.all()],
    })


# The signed-in user's own account ------------------------------------------------------------------

@login_required
def dashboard(request):
    form = ProfileForm(request.POST or None, initial={
        "full_name": request.user.full_name, "preferred_language": request.user.preferred_language,
        "time_zone": request.user.time_zone,
    })
    if request.method == "POST" and form.is_valid():
        request.user.full_name = form.cleaned_data["full_name"].strip()
        request.user.preferred_language = form.cleaned_data["preferred_language"]
        request.user.time_zone = form.cleaned_data["time_zone"]
        request.user.save(update_fields=["full_name", "preferred_language", "time_zone"])
        messages.success(request, _("Your profile is saved."))
        return redirect("network:dashboard")
    invitations = [
        (invitation, services.invitation_token(invitation))
        for invitation in selectors.user_open_invitations(user=request.user)
    ]
    return render(request, "network/dashboard.html", {
        "memberships": selectors.user_memberships(user=request.user),
        "invitations": invitations,
        "profile_form": form,
        "is_coordinator": permissions.is_coordinator(request.user),
        "has_mfa": permissions.has_mfa(request.user),
    })


@login_required
def account_data(request):
    data = services.user_personal_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            services.user_delete_account(user=user)
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            logout(request)
            messages.success(request, _("Your account is deleted."))
            return redirect("wagtail_serve", "")
    return render(request, "network/account_delete.html", {"form": form})
