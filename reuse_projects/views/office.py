"""The AMO officers' dashboard: the office's properties, their forms, lifecycle, photos, documents, history.

Every page decides access through `reuse_projects.permissions` (officers of the property's own office
only; network coordinators are not officers). Writes go through `reuse_projects.services`.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from network.services import ActionRefused

from .. import permissions, selectors, services
from ..forms import UTILITY_LABELS, DocumentForm, PhotoForm, PhotoMoveForm, PropertyForm, StatusChangeForm
from ..models import Property, PropertyDocument, PropertyPhoto
from ..privacy import public_location
from ..transitions import (
    ACTION_LABELS,
    ARCHIVABLE_STATUSES,
    OFFICER_ACTIONS,
    PROPERTY_TRANSITIONS,
    allowed_actions,
)

DASHBOARD_PAGE_SIZE = 50
# Buttons say what they do; ACTION_LABELS (the history's words) say what happened.
ACTION_BUTTONS = {
    "publish": _lazy("Publish"),
    "withdraw": _lazy("Withdraw"),
    "republish": _lazy("Make available again"),
}
ARCHIVED = "archived"


def _url_or_none(name, **kwargs):
    """A URL of a page a colleague builds (import, export, public catalogue), or None while it is missing."""
    try:
        return reverse(f"reuse_projects:{name}", kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def chosen_office(request, *, may_work_in=permissions.can_create_property):
    """The office the officer works in now: `?office=<slug>` when they work for several.

    Returns `(office, offices)`; `office` is None when a choice is still needed. Anyone who is not
    an officer of the chosen office (as `may_work_in(user, office)` says) is refused. The calls pages
    use it too.
    """
    offices = list(permissions.officer_offices(request.user).select_related("country"))
    if not offices:
        raise PermissionDenied
    slug = request.GET.get("office") or request.POST.get("office") or ""
    if slug:
        office = next((o for o in offices if o.slug == slug), None)
        if office is None or not may_work_in(request.user, office):
            raise PermissionDenied
        return office, offices
    if len(offices) == 1:
        return offices[0], offices
    return None, offices


def _managed_property(request, pk):
    """The property, if the user may manage it (officers of its office); 403 otherwise."""
    property = get_object_or_404(Property.objects.select_related("amo__country", "municipality"), pk=pk)
    if not permissions.can_manage_property(request.user, property):
        raise PermissionDenied
    return property


def _office_choice(request, offices, url_name):
    return render(request, "reuse_projects/office/office_choice.html", {
        "offices": offices, "target": reverse(f"reuse_projects:{url_name}"),
    })


# Dashboard ----------------------------------------------------------------------------------------

@login_required
def office_dashboard(request):
    office, offices = chosen_office(request)
    if office is None:
        return _office_choice(request, offices, "office_dashboard")
    status = request.GET.get("status", "")
    if status not in Property.Status.values and status != ARCHIVED:
        status = ""
    properties = selectors.property_list_for_office(
        amo=office, status="" if status == ARCHIVED else status, archived=status == ARCHIVED
    )
    # All the tab counts in one query, whatever the number of properties.
    counts = Property.objects.of_office(office).aggregate(
        all=Count("pk", filter=Q(archived_at__isnull=True)),
        archived=Count("pk", filter=Q(archived_at__isnull=False)),
        **{value: Count("pk", filter=Q(status=value, archived_at__isnull=True)) for value in Property.Status.values},
    )
    tabs = [{"value": "", "label": _("All"), "count": counts["all"]}]
    tabs += [{"value": value, "label": label, "count": counts[value]} for value, label in Property.Status.choices]
    tabs.append({"value": ARCHIVED, "label": _("Archived"), "count": counts[ARCHIVED]})
    page = Paginator(properties, DASHBOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    office_query = f"office={office.slug}" if len(offices) > 1 else ""
    return render(request, "reuse_projects/office/dashboard.html", {
        "office": office,
        "offices": offices,
        "office_query": office_query,
        "status": status,
        "tabs": tabs,
        "page": page,
        "query": query.urlencode(),
        "import_url": _url_or_none("property_import"),
        "export_url": _url_or_none("property_export"),
    })


# Create and edit ----------------------------------------------------------------------------------

@login_required
def property_create(request):
    office, offices = chosen_office(request)
    if office is None:
        return _office_choice(request, offices, "property_create")
    if not permissions.can_create_property(request.user, office):
        raise PermissionDenied
    form = PropertyForm(request.POST or None, instance=Property(amo=office))
    if request.method == "POST" and form.is_valid():
        try:
            property = services.property_create(
                property=form.instance, actor=request.user, suitable_uses=form.cleaned_data["suitable_uses"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The property %(reference)s is saved as a draft.") % {
                "reference": property.reference})
            return redirect("reuse_projects:property_manage", pk=property.pk)
    return render(request, "reuse_projects/office/property_form.html", {
        "form": form, "office": office, "offices": offices, "creating": True,
    })


@login_required
def property_edit(request, pk):
    property = _managed_property(request, pk)
    # The form works on a copy, so the page's heading keeps the stored values after a refused edit.
    form = PropertyForm(request.POST or None, instance=copy.copy(property))
    if request.method == "POST" and form.is_valid():
        try:
            changes = services.property_update(
                property=form.instance, actor=request.user, suitable_uses=form.cleaned_data["suitable_uses"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changes:
                messages.success(request, _("The changes are saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("reuse_projects:property_manage", pk=property.pk)
    return render(request, "reuse_projects/office/property_form.html", {
        "form": form, "office": property.amo, "property": property, "creating": False,
    })


# One property -------------------------------------------------------------------------------------

def _status_forms(property):
    if property.archived_at is not None:
        return []
    forms = []
    for action in allowed_actions(property.status, actions=OFFICER_ACTIONS):
        _sources, target, reason_required = PROPERTY_TRANSITIONS[action]
        form = StatusChangeForm(initial={"action": action}, auto_id=f"id_{action}_%s")
        form.fields["reason"].required = reason_required
        forms.append({
            "action": action, "label": ACTION_BUTTONS.get(action, ACTION_LABELS[action]),
            "target": Property.Status(target).label, "reason_required": reason_required, "form": form,
        })
    return forms


def _render_manage(request, property, *, photo_form=None, document_form=None, status=200):
    photos = list(property.photos.all())
    documents = list(property.documents.all())
    for document in documents:
        document.url = _url_or_none(
            "property_document", reference=property.public_reference, document_id=document.pk
        )
    is_public = property.status in Property.PUBLIC_STATUSES and property.archived_at is None
    return render(request, "reuse_projects/office/property_manage.html", {
        "property": property,
        "office": property.amo,
        "photos": photos,
        "documents": documents,
        "suitable_uses": [use.label for use in property.suitable_uses.all()],
        "utilities": [UTILITY_LABELS.get(u, u) for u in property.utilities],
        "status_forms": _status_forms(property),
        "can_archive": property.archived_at is None and property.status in ARCHIVABLE_STATUSES,
        "photo_form": photo_form or PhotoForm(auto_id="id_photo_%s"),
        "document_form": document_form or DocumentForm(auto_id="id_document_%s"),
        "public_url": _url_or_none("property_detail", reference=property.public_reference) if is_public else None,
    }, status=status)


@login_required
def property_manage(request, pk):
    return _render_manage(request, _managed_property(request, pk))


@login_required
def property_preview(request, pk):
    """The public page as a visitor would see it, even for a draft."""
    property = _managed_property(request, pk)
    is_public = property.status in Property.PUBLIC_STATUSES and property.archived_at is None
    return render(request, "reuse_projects/office/property_preview.html", {
        "property": property,
        "office": property.amo,
        "is_public": is_public,
        # What a visitor receives of the location, never more.
        "location": public_location(property, AnonymousUser()),
        "photos": list(property.photos.all()),
        "documents": [d for d in property.documents.all() if d.visibility == PropertyDocument.Visibility.PUBLIC],
        "suitable_uses": [use.label for use in property.suitable_uses.all()],
        "utilities": [UTILITY_LABELS.get(u, u) for u in property.utilities],
    })


def _change_label(name):
    if name in {"photos", "documents", "suitable_uses"}:
        return {"photos": _("photos"), "documents": _("documents"), "suitable_uses": _("suitable uses")}[name]
    try:
        return str(Property._meta.get_field(name).verbose_name)
    except Exception:  # a field removed since the event was recorded
        return name


@login_required
def property_history(request, pk):
    property = _managed_property(request, pk)
    events = list(selectors.property_history(property=property))
    for event in events:
        event.label = ACTION_LABELS.get(event.action, event.action)
        event.change_labels = [_change_label(name) for name in event.changes]
    return render(request, "reuse_projects/office/property_history.html", {
        "property": property, "office": property.amo, "events": events,
    })


# Lifecycle ----------------------------------------------------------------------------------------

@login_required
@require_POST
def property_change_status(request, pk):
    property = _managed_property(request, pk)
    form = StatusChangeForm(request.POST)
    action = request.POST.get("action", "")
    if not form.is_valid() or action not in OFFICER_ACTIONS:
        messages.error(request, _("This action is not possible here."))
        return redirect("reuse_projects:property_manage", pk=property.pk)
    try:
        services.property_change_status(
            property=property, actor=request.user, action=action, reason=form.cleaned_data["reason"]
        )
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("%(reference)s is now “%(status)s”.") % {
            "reference": property.reference, "status": property.get_status_display()})
    return redirect("reuse_projects:property_manage", pk=property.pk)


@login_required
@require_POST
def property_archive(request, pk):
    property = _managed_property(request, pk)
    try:
        services.property_archive(property=property, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("%(reference)s is archived.") % {"reference": property.reference})
    return redirect("reuse_projects:property_manage", pk=property.pk)


@login_required
@require_POST
def property_unarchive(request, pk):
    property = _managed_property(request, pk)
    services.property_unarchive(property=property, actor=request.user)
    messages.success(request, _("%(reference)s is restored from the archive.") % {"reference": property.reference})
    return redirect("reuse_projects:property_manage", pk=property.pk)


# Photos -------------------------------------------------------------------------------------------

@login_required
@require_POST
def property_photo_add(request, pk):
    property = _managed_property(request, pk)
    form = PhotoForm(request.POST, request.FILES, auto_id="id_photo_%s")
    if not form.is_valid():
        return _render_manage(request, property, photo_form=form)
    services.property_photo_add(
        property=property, actor=request.user, image=form.cleaned_data["image"],
        alt_text=form.cleaned_data["alt_text"],
    )
    messages.success(request, _("The photo is added."))
    return redirect("reuse_projects:property_manage", pk=property.pk)


@login_required
@require_POST
def property_photo_move(request, pk, photo_id):
    property = _managed_property(request, pk)
    photo = get_object_or_404(PropertyPhoto, pk=photo_id, property=property)
    form = PhotoMoveForm(request.POST)
    if form.is_valid():
        order = list(property.photos.order_by("position", "pk").values_list("pk", flat=True))
        index = order.index(photo.pk)
        other = index - 1 if form.cleaned_data["direction"] == "up" else index + 1
        if 0 <= other < len(order):
            order[index], order[other] = order[other], order[index]
            try:
                services.property_photos_reorder(property=property, actor=request.user, photo_ids=order)
            except ActionRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("The order of the photos is saved."))
    return redirect(reverse("reuse_projects:property_manage", kwargs={"pk": property.pk}) + "#photos")


@login_required
@require_POST
def property_photo_remove(request, pk, photo_id):
    property = _managed_property(request, pk)
    photo = get_object_or_404(PropertyPhoto, pk=photo_id, property=property)
    services.property_photo_remove(photo=photo, actor=request.user)
    messages.success(request, _("The photo is removed."))
    return redirect(reverse("reuse_projects:property_manage", kwargs={"pk": property.pk}) + "#photos")


# Documents ----------------------------------------------------------------------------------------

@login_required
@require_POST
def property_document_add(request, pk):
    property = _managed_property(request, pk)
    form = DocumentForm(request.POST, request.FILES, auto_id="id_document_%s")
    if not form.is_valid():
        return _render_manage(request, property, document_form=form)
    services.property_document_add(
        property=property, actor=request.user, file=form.cleaned_data["file"], kind=form.cleaned_data["kind"],
        title=form.cleaned_data["title"], visibility=form.cleaned_data["visibility"],
    )
    messages.success(request, _("The document is added."))
    return redirect(reverse("reuse_projects:property_manage", kwargs={"pk": property.pk}) + "#documents")


@login_required
@require_POST
def property_document_remove(request, pk, document_id):
    property = _managed_property(request, pk)
    document = get_object_or_404(PropertyDocument, pk=document_id, property=property)
    services.property_document_remove(document=document, actor=request.user)
    messages.success(request, _("The document is removed."))
    return redirect(reverse("reuse_projects:property_manage", kwargs={"pk": property.pk}) + "#documents")


urlpatterns = [
    path("office/", office_dashboard, name="office_dashboard"),
    path("office/properties/new/", property_create, name="property_create"),
    path("office/properties/<int:pk>/", property_manage, name="property_manage"),
    path("office/properties/<int:pk>/edit/", property_edit, name="property_edit"),
    path("office/properties/<int:pk>/preview/", property_preview, name="property_preview"),
    path("office/properties/<int:pk>/history/", property_history, name="property_history"),
    path("office/properties/<int:pk>/status/", property_change_status, name="property_change_status"),
    path("office/properties/<int:pk>/archive/", property_archive, name="property_archive"),
    path("office/properties/<int:pk>/unarchive/", property_unarchive, name="property_unarchive"),
    path("office/properties/<int:pk>/photos/", property_photo_add, name="property_photo_add"),
    path("office/properties/<int:pk>/photos/<int:photo_id>/move/", property_photo_move, name="property_photo_move"),
    path("office/properties/<int:pk>/photos/<int:photo_id>/remove/", property_photo_remove,
         name="property_photo_remove"),
    path("office/properties/<int:pk>/documents/", property_document_add, name="property_document_add"),
    path("office/properties/<int:pk>/documents/<int:document_id>/remove/", property_document_remove,
         name="property_document_remove"),
]
