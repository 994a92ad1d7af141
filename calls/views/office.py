"""The office's calls: its list, the call form (criteria and checklist as inline formsets), a call's
working page (publish, cancel, questions to answer, site visits and their bookings).

Officers of the call's own office only, through `calls.permissions.can_manage_call` (network
coordinators and officers of other offices are refused). Writes go through `calls.services.calls`.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.services import ActionRefused
from reuse_projects.views.office import chosen_office

from .. import permissions
from ..forms.calls import (
    AnswerForm,
    CallAmendForm,
    CallForm,
    CancelForm,
    CriterionFormSet,
    DocumentRequirementFormSet,
    PublishForm,
    SiteVisitSlotForm,
)
from ..models import Call, CallQuestion, SiteVisitBooking, SiteVisitSlot
from ..selectors import calls as selectors
from ..services import calls as services
from .calls import closing_countdown, opening_countdown

PAGE_SIZE = 50


def _chosen_office(request):
    return chosen_office(request, may_work_in=permissions.can_create_call)


def _office_choice(request, offices, url_name):
    return render(request, "reuse_projects/office/office_choice.html", {
        "offices": offices, "target": reverse(f"calls:{url_name}"),
    })


def managed_call(request, pk) -> Call:
    """The call, if the user may manage it (officers of its office); 404 if there is none, 403 otherwise."""
    call = get_object_or_404(Call.objects.select_related("amo__country"), pk=pk)
    if not permissions.can_manage_call(request.user, call):
        raise PermissionDenied
    return call


# The list -----------------------------------------------------------------------------------------

@login_required
def office_call_list(request):
    office, offices = _chosen_office(request)
    if office is None:
        return _office_choice(request, offices, "office_call_list")
    page = Paginator(selectors.office_call_list(office), PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    for call in page.object_list:
        call.current_phase = call.phase(now)
        call.phase_label = Call.Phase(call.current_phase).label
    return render(request, "calls/office/call_list.html", {
        "office": office,
        "offices": offices,
        "page": page,
        "query": f"office={office.slug}" if len(offices) > 1 else "",
    })


# Create and edit ----------------------------------------------------------------------------------

def _formsets(request, call=None):
    criteria_initial = documents_initial = None
    if call is not None:
        criteria_initial = list(call.criteria.values("title", "description", "weight", "max_score"))
        documents_initial = list(call.document_requirements.values("title", "description", "mandatory"))
    data = request.POST if request.method == "POST" else None
    return (
        CriterionFormSet(data, prefix="criteria", initial=criteria_initial),
        DocumentRequirementFormSet(data, prefix="documents", initial=documents_initial),
    )


def _form_page(request, *, form, criteria, documents, office, call=None):
    if criteria.is_bound:
        weights = sum(row["weight"] for row in criteria.rows()) if criteria.is_valid() else None
    else:
        weights = sum(row["weight"] for row in criteria.initial or [])
    return render(request, "calls/office/call_form.html", {
        "form": form, "criteria": criteria, "documents": documents, "office": office, "call": call,
        "creating": call is None, "weights": weights,
    }, status=400 if request.method == "POST" else 200)


@login_required
def office_call_create(request):
    office, offices = _chosen_office(request)
    if office is None:
        return _office_choice(request, offices, "office_call_create")
    if not permissions.can_create_call(request.user, office):
        raise PermissionDenied
    form = CallForm(request.POST or None, instance=Call(amo=office), office=office)
    criteria, documents = _formsets(request)
    if request.method == "POST" and all([form.is_valid(), criteria.is_valid(), documents.is_valid()]):
        call = _save(form, services.call_create, call=form.instance, actor=request.user,
                     **_call_rows(form, criteria, documents))
        if call is not _REFUSED:
            messages.success(request, _("The call is saved as a draft. Publish it when it is ready."))
            return redirect("calls:office_call_detail", pk=call.pk)
    return _form_page(request, form=form, criteria=criteria, documents=documents, office=office)


def _call_rows(form, criteria, documents) -> dict:
    return {
        "properties": form.cleaned_data["properties"], "criteria": criteria.rows(),
        "document_requirements": documents.rows(), "eligible_countries": form.cleaned_data["eligible_countries"],
    }


_REFUSED = object()


def _add_service_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _save(form, service, **kwargs):
    """Run the service and return its result; a refusal or invalid data goes onto the form, and _REFUSED
    is returned."""
    try:
        result = service(**kwargs)
    except ValidationError as error:
        _add_service_errors(form, error)
        return _REFUSED
    except ActionRefused as refusal:
        form.add_error(None, str(refusal))
        return _REFUSED
    return result


@login_required
def office_call_edit(request, pk):
    call = managed_call(request, pk)
    office = call.amo
    if call.status == Call.Status.CANCELLED:
        messages.error(request, _("A cancelled call cannot be changed."))
        return redirect("calls:office_call_detail", pk=call.pk)
    # The form works on a copy, so the page keeps the stored values after a refused edit.
    instance = copy.copy(call)
    if call.status == Call.Status.PUBLISHED:
        form = CallAmendForm(request.POST or None, instance=instance, office=office)
        if request.method == "POST" and form.is_valid():
            changes = _save(form, services.call_update, call=form.instance, actor=request.user)
            if changes is not _REFUSED:
                _saved_message(request, changes)
                return redirect("calls:office_call_detail", pk=call.pk)
        return render(request, "calls/office/call_amend.html", {"form": form, "call": call, "office": office},
                      status=400 if request.method == "POST" else 200)
    form = CallForm(request.POST or None, instance=instance, office=office)
    criteria, documents = _formsets(request, call)
    if request.method == "POST" and all([form.is_valid(), criteria.is_valid(), documents.is_valid()]):
        changes = _save(form, services.call_update, call=form.instance, actor=request.user,
                        **_call_rows(form, criteria, documents))
        if changes is not _REFUSED:
            _saved_message(request, changes)
            return redirect("calls:office_call_detail", pk=call.pk)
    return _form_page(request, form=form, criteria=criteria, documents=documents, office=office, call=call)


def _saved_message(request, changes):
    if changes:
        messages.success(request, _("The changes are saved."))
    else:
        messages.info(request, _("Nothing was changed."))


# One call -----------------------------------------------------------------------------------------

def _render_detail(request, call, *, slot_form=None, answer_forms=None, publish_form=None, cancel_form=None,
                   status=200):
    now = timezone.now()
    phase = call.phase(now)
    questions = list(selectors.call_questions_for_office(call))
    answer_forms = answer_forms or {}
    for question in questions:
        question.form = answer_forms.get(question.pk) or AnswerForm(
            initial={"answer": question.answer}, auto_id=f"id_answer_{question.pk}_%s")
    slots = list(selectors.call_site_visits(call, with_bookings=True))
    for slot in slots:
        slot.places_left = max(0, slot.capacity - slot.booked)
    properties = list(call.properties.select_related("amo", "municipality").order_by("reference"))
    return render(request, "calls/office/call_detail.html", {
        "call": call,
        "office": call.amo,
        "phase": phase,
        "phase_label": Call.Phase(phase).label,
        "countdown": opening_countdown(call, now) if phase == "upcoming" else closing_countdown(call, now),
        "properties": properties,
        "releasable": services.call_releasable_property_ids(call, now=now),
        "criteria": list(call.criteria.all()),
        "documents": list(call.document_requirements.all()),
        "problems": services.call_publish_problems(call, now=now) if call.status == Call.Status.DRAFT else [],
        "publish_form": publish_form or PublishForm(auto_id="id_publish_%s"),
        "cancel_form": cancel_form or CancelForm(auto_id="id_cancel_%s"),
        "can_cancel": call.status != Call.Status.CANCELLED,
        "questions": questions,
        "slots": slots,
        "slot_form": slot_form or SiteVisitSlotForm(call=call, auto_id="id_slot_%s"),
        "can_add_slots": call.status != Call.Status.CANCELLED and bool(properties),
        "review_links": [] if call.status == Call.Status.DRAFT else [
            (_("Proposals"), reverse("calls:call_proposals", kwargs={"pk": call.pk})),
            (_("Reviewers"), reverse("calls:call_reviewers", kwargs={"pk": call.pk})),
            (_("Ranking"), reverse("calls:call_ranking", kwargs={"pk": call.pk})),
        ],
    }, status=status)


@login_required
def office_call_detail(request, pk):
    return _render_detail(request, managed_call(request, pk))


@login_required
@require_POST
def office_call_publish(request, pk):
    call = managed_call(request, pk)
    form = PublishForm(request.POST, auto_id="id_publish_%s")
    if not form.is_valid():
        return _render_detail(request, call, publish_form=form, status=400)
    try:
        services.call_publish(call=call, actor=request.user)
    except services.CallNotReady as refusal:
        for problem in refusal.problems:
            messages.error(request, problem)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The call is published; its properties are now under the call."))
    return redirect("calls:office_call_detail", pk=call.pk)


@login_required
@require_POST
def office_call_release_property(request, pk, property_pk):
    call = managed_call(request, pk)
    property = get_object_or_404(call.properties.all(), pk=property_pk)
    try:
        services.call_release_property(call=call, property=property, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Available again"))
    return redirect("calls:office_call_detail", pk=call.pk)


@login_required
@require_POST
def office_call_cancel(request, pk):
    call = managed_call(request, pk)
    form = CancelForm(request.POST, auto_id="id_cancel_%s")
    if not form.is_valid():
        return _render_detail(request, call, cancel_form=form, status=400)
    try:
        services.call_cancel(call=call, actor=request.user, reason=form.cleaned_data["reason"])
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The call is cancelled; its properties are available again."))
    return redirect("calls:office_call_detail", pk=call.pk)


@login_required
@require_POST
def office_question_answer(request, pk, question_id):
    call = managed_call(request, pk)
    question = get_object_or_404(CallQuestion.objects.select_related("call__amo"), pk=question_id, call=call)
    form = AnswerForm(request.POST, auto_id=f"id_answer_{question.pk}_%s")
    if form.is_valid():
        try:
            services.question_answer(question=question, actor=request.user, answer=form.cleaned_data["answer"])
        except ActionRefused as refusal:
            messages.error(request, str(refusal))
        except ValidationError as error:
            form.add_error("answer" if hasattr(error, "error_dict") and "answer" in error.error_dict else None,
                           error.messages)
            return _render_detail(request, call, answer_forms={question.pk: form}, status=400)
        else:
            messages.success(request, _("The answer is published on the call's page."))
            return redirect(reverse("calls:office_call_detail", kwargs={"pk": call.pk}) + "#questions")
        return redirect(reverse("calls:office_call_detail", kwargs={"pk": call.pk}) + "#questions")
    return _render_detail(request, call, answer_forms={question.pk: form}, status=400)


@login_required
@require_POST
def office_site_visit_add(request, pk):
    call = managed_call(request, pk)
    form = SiteVisitSlotForm(request.POST, instance=SiteVisitSlot(call=call), call=call, auto_id="id_slot_%s")
    if form.is_valid():
        try:
            services.site_visit_slot_create(slot=form.instance, actor=request.user)
        except ValidationError as error:
            _add_service_errors(form, error)
        except ActionRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(reverse("calls:office_call_detail", kwargs={"pk": call.pk}) + "#visits")
        else:
            messages.success(request, _("The site visit is added."))
            return redirect(reverse("calls:office_call_detail", kwargs={"pk": call.pk}) + "#visits")
    return _render_detail(request, call, slot_form=form, status=400)


@login_required
@require_POST
def office_site_visit_remove(request, pk, slot_id):
    call = managed_call(request, pk)
    slot = get_object_or_404(SiteVisitSlot.objects.select_related("call__amo"), pk=slot_id, call=call)
    try:
        services.site_visit_slot_delete(slot=slot, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The site visit is removed."))
    return redirect(reverse("calls:office_call_detail", kwargs={"pk": call.pk}) + "#visits")


@login_required
@require_POST
def office_booking_cancel(request, pk, booking_id):
    call = managed_call(request, pk)
    booking = get_object_or_404(
        SiteVisitBooking.objects.select_related("slot__call__amo", "organisation"), pk=booking_id, slot__call=call
    )
    try:
        services.site_visit_cancel(booking=booking, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The booking of %(name)s is cancelled.") % {"name": booking.organisation.name})
    return redirect(reverse("calls:office_call_detail", kwargs={"pk": call.pk}) + "#visits")


urlpatterns = [
    path("office/calls/", office_call_list, name="office_call_list"),
    path("office/calls/new/", office_call_create, name="office_call_create"),
    path("office/calls/<int:pk>/", office_call_detail, name="office_call_detail"),
    path("office/calls/<int:pk>/edit/", office_call_edit, name="office_call_edit"),
    path("office/calls/<int:pk>/publish/", office_call_publish, name="office_call_publish"),
    path("office/calls/<int:pk>/cancel/", office_call_cancel, name="office_call_cancel"),
    path("office/calls/<int:pk>/properties/<int:property_pk>/release/", office_call_release_property,
         name="office_call_release_property"),
    path("office/calls/<int:pk>/questions/<int:question_id>/answer/", office_question_answer,
         name="office_question_answer"),
    path("office/calls/<int:pk>/visits/", office_site_visit_add, name="office_site_visit_add"),
    path("office/calls/<int:pk>/visits/<int:slot_id>/remove/", office_site_visit_remove,
         name="office_site_visit_remove"),
    path("office/calls/<int:pk>/visits/bookings/<int:booking_id>/cancel/", office_booking_cancel,
         name="office_booking_cancel"),
]
