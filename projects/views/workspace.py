"""The working side of re-use projects: "my projects", the project workspace (agreement, history, condition
reports, reports schedule, evaluation, status moves), the project page editor and the results reports.

Access is decided only through `projects.permissions`; every write goes through `projects.services`,
whose refusals (`ActionRefused`) are shown on the form. Pages about something a person may not know
exists answer 404; pages they may see but not act on answer 403.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from network.forms import describe_errors
from network.models import Membership, Organisation
from network.services import ActionRefused

from .. import permissions, services
from ..forms import (
    ConditionReportForm,
    EvaluationForm,
    MoveForm,
    ProjectEditForm,
    ReportForm,
    ReportPhotoForm,
    ReviewForm,
)
from ..models import (
    TARGET_GROUP_LABELS,
    ConditionPhoto,
    ConditionReport,
    ReportPhoto,
    ResultsReport,
    ReuseProject,
)
from ..transitions import ACTION_LABELS, OFFICER_ACTIONS, PROJECT_TRANSITIONS, allowed_actions

# The buttons' words, for each officer action.
ACTION_BUTTONS = {
    "activate": _lazy("Hand over: start the project"),
    "suspend": _lazy("Suspend the project"),
    "resume": _lazy("Resume the project"),
    "complete": _lazy("Complete the project"),
    "terminate": _lazy("Terminate the project"),
}


def _refuse(user, project) -> None:
    """Someone who may not see this page: 404 unless the project is public (then they know it exists)."""
    if project.is_public and user.is_authenticated:
        raise PermissionDenied
    raise Http404


# My projects --------------------------------------------------------------------------------------


@login_required
def my_projects(request):
    """The projects of my CSOs (lead or partner) and, for officers, of my offices, with the next report due."""
    user = request.user
    memberships = list(Membership.objects.filter(user=user).values_list("organisation_id", "organisation__kind"))
    cso_ids = {pk for pk, kind in memberships if kind == Organisation.Kind.CSO}
    office_ids = {pk for pk, kind in memberships if kind == Organisation.Kind.AMO}
    today = timezone.localdate()
    open_reports = ResultsReport.objects.filter(project=OuterRef("pk"), status__in=ResultsReport.OPEN_STATUSES)
    partnered = ReuseProject.partners.through.objects.filter(organisation_id__in=cso_ids).values("reuseproject_id")
    projects = list(
        ReuseProject.objects.filter(
            Q(organisation_id__in=cso_ids) | Q(pk__in=partnered) | Q(property__amo_id__in=office_ids)
        )
        .select_related("property", "organisation")
        .annotate(
            next_due=Subquery(open_reports.order_by("due_date").values("due_date")[:1]),
            has_overdue=Exists(open_reports.filter(due_date__lt=today)),
        )
        .order_by("-start_date", "-pk")
    ) if memberships else []
    for project in projects:
        if project.organisation_id in cso_ids:
            project.my_role = _("Lead organisation")
        elif project.property.amo_id in office_ids:
            project.my_role = _("Your office")
        else:
            project.my_role = _("Partner")
    return render(request, "projects/workspace/my_projects.html", {"projects": projects, "today": today})


# Project workspace --------------------------------------------------------------------------------


def _project(pk) -> ReuseProject:
    return get_object_or_404(
        ReuseProject.objects.select_related("property__amo", "organisation", "agreement", "country"), pk=pk
    )


def _workspace_project(request, pk) -> ReuseProject:
    project = _project(pk)
    if not permissions.can_see_project_workspace(request.user, project):
        _refuse(request.user, project)
    return project


def _condition_kinds(project, reports) -> list[str]:
    """The condition reports the office may record now."""
    recorded = {report.kind for report in reports}
    kinds = []
    if project.status == ReuseProject.Status.PREPARING:
        kinds.append(ConditionReport.Kind.HANDOVER)
    if project.status in (ReuseProject.Status.ACTIVE, ReuseProject.Status.SUSPENDED):
        kinds.append(ConditionReport.Kind.RETURN)
    return [kind for kind in kinds if kind not in recorded]


def _move_forms(project, bound=None) -> list[dict]:
    rows = []
    for action in allowed_actions(project):
        reason_required = PROJECT_TRANSITIONS[action][2]
        if bound is not None and bound.prefix == action:
            form = bound
        else:
            form = MoveForm(prefix=action, reason_required=reason_required)
        rows.append({"action": action, "label": ACTION_BUTTONS[action], "form": form,
                     "reason_required": reason_required})
    return rows


def _render_workspace(request, project, *, condition_form=None, move_form=None, evaluation_form=None, status=200):
    user = request.user
    today = timezone.localdate()
    condition_reports = list(
        project.condition_reports.select_related("recorded_by").prefetch_related(
            Prefetch("photos", queryset=ConditionPhoto.objects.order_by("pk"))
        )
    )
    reports = list(project.reports.all())
    for report in reports:
        report.overdue = report.is_overdue(today)
    events = list(project.events.select_related("actor"))
    for event in events:
        event.label = ACTION_LABELS.get(event.action, event.action)
    can_manage = permissions.can_manage_project(user, project)
    can_evaluate = permissions.can_evaluate_project(user, project)
    context = {
        "project": project,
        "agreement": project.agreement,
        "partners": list(project.partners.all()),
        "thematic_areas": list(project.thematic_areas.all()),
        "events": events,
        "condition_reports": condition_reports,
        "reports": reports,
        "evaluations": list(project.evaluations.select_related("evaluated_by")),
        "can_manage": can_manage,
        "can_edit_page": permissions.can_edit_project_page(user, project),
        "can_evaluate": can_evaluate,
        "today": today,
    }
    if can_manage:
        kinds = _condition_kinds(project, condition_reports)
        if kinds:
            context["condition_form"] = condition_form or ConditionReportForm(
                kinds=kinds, initial={"kind": kinds[0], "inspected_on": today}
            )
        context["moves"] = _move_forms(project, move_form)
    if can_evaluate:
        context["evaluation_form"] = evaluation_form or EvaluationForm()
        context["in_renewal_window"] = services.in_renewal_window(project, today)
        context["renewal_window_days"] = settings.PROJECT_RENEWAL_WINDOW_DAYS
        context["renewal_opens_on"] = project.end_date - timezone.timedelta(days=settings.PROJECT_RENEWAL_WINDOW_DAYS)
    return render(request, "projects/workspace/project_workspace.html", context, status=status)


@login_required
def project_workspace(request, pk):
    return _render_workspace(request, _workspace_project(request, pk))


def _managed_project(request, pk) -> ReuseProject:
    project = _workspace_project(request, pk)
    if not permissions.can_manage_project(request.user, project):
        raise PermissionDenied
    return project


@login_required
@require_POST
def condition_report_add(request, pk):
    project = _managed_project(request, pk)
    kinds = _condition_kinds(project, list(project.condition_reports.all()))
    form = ConditionReportForm(request.POST, request.FILES, kinds=kinds or None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.condition_report_add(
                project=project, actor=request.user, kind=data["kind"], inspected_on=data["inspected_on"],
                condition=data["condition"], notes=data["notes"], photos=data["photos"],
            )
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The condition report is recorded."))
            return redirect("projects:project_workspace", pk=project.pk)
    describe_errors(form)
    if not kinds:  # nothing may be recorded now: the page shows the refusal without the form
        messages.error(request, " ".join(str(error) for error in form.non_field_errors())
                       or _("No condition report can be recorded now."))
        return _render_workspace(request, project, status=400)
    return _render_workspace(request, project, condition_form=form, status=400)


def _apply_move(project, action, *, actor, reason):
    if action == "activate":
        return services.project_activate(project=project, actor=actor)
    if action == "resume":
        return services.project_resume(project=project, actor=actor)
    if action == "suspend":
        return services.project_suspend(project=project, actor=actor, reason=reason)
    if action == "complete":
        return services.project_complete(project=project, actor=actor, reason=reason)
    return services.project_terminate(project=project, actor=actor, reason=reason)


@login_required
@require_POST
def project_move(request, pk, action):
    if action not in OFFICER_ACTIONS:
        raise Http404
    project = _managed_project(request, pk)
    form = MoveForm(request.POST, prefix=action, reason_required=PROJECT_TRANSITIONS[action][2])
    if form.is_valid():
        try:
            project = _apply_move(project, action, actor=request.user, reason=form.cleaned_data["reason"])
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Done: %(what)s.") % {"what": ACTION_LABELS[action]})
            return redirect("projects:project_workspace", pk=project.pk)
    describe_errors(form)
    if action not in allowed_actions(project):  # the form is not on the page: say why at the top
        messages.error(request, " ".join(str(error) for error in form.non_field_errors()))
    return _render_workspace(request, project, move_form=form, status=400)


@login_required
@require_POST
def project_evaluate(request, pk):
    project = _workspace_project(request, pk)
    if not permissions.can_evaluate_project(request.user, project):
        raise PermissionDenied
    form = EvaluationForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.evaluation_record(
                project=project, actor=request.user, obligations_met=data["obligations_met"],
                assessment=data["assessment"], outcome=data["outcome"], renewed_months=data["renewed_months"],
            )
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The evaluation is recorded."))
            return redirect("projects:project_workspace", pk=project.pk)
    describe_errors(form)
    return _render_workspace(request, project, evaluation_form=form, status=400)


@login_required
def project_edit(request, pk):
    project = _workspace_project(request, pk)
    if not permissions.can_edit_project_page(request.user, project):
        raise PermissionDenied
    initial = {"title": project.title, "summary": project.summary, "use": project.use,
               "thematic_areas": list(project.thematic_areas.all())}
    form = ProjectEditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.project_update(
                    project=project, actor=request.user, title=data["title"], summary=data["summary"],
                    use=data["use"], thematic_areas=data["thematic_areas"],
                )
            except ActionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("The project page is updated."))
                return redirect("projects:project_workspace", pk=project.pk)
        status = 400
        describe_errors(form)
    return render(request, "projects/workspace/project_edit.html", {"project": project, "form": form}, status=status)


# Results reports ----------------------------------------------------------------------------------


def _report(request, pk) -> ResultsReport:
    report = get_object_or_404(
        ResultsReport.objects.select_related("project__property__amo", "project__organisation", "reviewed_by",
                                             "submitted_by"),
        pk=pk,
    )
    if not permissions.can_view_report(request.user, report):
        raise Http404  # an unaccepted report does not exist for the public
    return report


def _render_report(request, report, *, photo_form=None, accept_form=None, return_form=None, status=200):
    user = request.user
    people = [
        {"group": TARGET_GROUP_LABELS.get(row.target_group, row.target_group), "people": row.people}
        for row in report.people.all()
    ]
    can_edit = permissions.can_edit_report(user, report)
    can_review = permissions.can_review_report(user, report)
    can_submit = permissions.can_submit_report(user, report)
    indicators = [(ReportForm.base_fields[name].label, getattr(report, name)) for name in services.INDICATOR_FIELDS]
    context = {
        "report": report,
        "project": report.project,
        "people": people,
        "indicators": indicators,
        "photos": list(report.photos.all()),
        "involved": permissions.can_see_project_workspace(user, report.project),
        "overdue": report.is_overdue(),
        "can_edit": can_edit,
        "can_submit": can_submit,
        "can_review": can_review,
        "max_photos": settings.RESULTS_REPORT_MAX_PHOTOS,
    }
    if can_edit:
        context["photo_form"] = photo_form or ReportPhotoForm()
    if can_submit:
        context["missing"] = services.report_missing(report)
    if can_review:
        context["accept_form"] = accept_form or ReviewForm(prefix="accept")
        context["return_form"] = return_form or ReviewForm(prefix="return", comments_required=True)
    return render(request, "projects/workspace/report_detail.html", context, status=status)


def report_detail(request, pk):
    return _render_report(request, _report(request, pk))


def _editable_report(request, pk) -> ResultsReport:
    report = _report(request, pk)
    if not permissions.can_edit_report(request.user, report):
        raise PermissionDenied
    return report


@login_required
def report_edit(request, pk):
    report = _report(request, pk)
    if not permissions.can_edit_report(request.user, report):
        if permissions.can_see_project_workspace(request.user, report.project) and not report.is_editable:
            messages.info(request, _("This report has been submitted: it can no longer be changed."))
            return redirect("projects:report_detail", pk=pk)
        raise PermissionDenied
    form = ReportForm(request.POST or None, initial=ReportForm.initial_for(report))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.report_save(
                    report=report, actor=request.user, narrative=form.cleaned_data["narrative"],
                    lessons_learned=form.cleaned_data["lessons_learned"], people=form.people(), **form.indicators(),
                )
            except ActionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("The report is saved."))
                return redirect("projects:report_detail", pk=pk)
        status = 400
        describe_errors(form)
    return render(request, "projects/workspace/report_edit.html", {
        "report": report, "project": report.project, "form": form,
    }, status=status)


@login_required
@require_POST
def report_photo_add(request, pk):
    report = _editable_report(request, pk)
    form = ReportPhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.report_photo_add(
                report=report, actor=request.user, image=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"], consent_confirmed=form.cleaned_data["consent_confirmed"],
            )
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The photo is added."))
            return redirect("projects:report_detail", pk=pk)
    describe_errors(form)
    return _render_report(request, report, photo_form=form, status=400)


@login_required
@require_POST
def report_photo_remove(request, pk, photo_pk):
    report = _editable_report(request, pk)
    photo = get_object_or_404(ReportPhoto, pk=photo_pk, report=report)
    try:
        services.report_photo_remove(photo=photo, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The photo is removed."))
    return redirect("projects:report_detail", pk=pk)


@login_required
@require_POST
def report_submit(request, pk):
    report = _report(request, pk)
    if not permissions.can_submit_report(request.user, report):
        raise PermissionDenied
    try:
        services.report_submit(report=report, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
        return _render_report(request, report, status=400)
    messages.success(request, _("The report is submitted to the office."))
    return redirect("projects:report_detail", pk=pk)


@login_required
@require_POST
def report_review(request, pk, decision):
    report = _report(request, pk)
    if not permissions.can_review_report(request.user, report):
        raise PermissionDenied
    accepting = decision == "accept"
    form = ReviewForm(request.POST, prefix=decision, comments_required=not accepting)
    if form.is_valid():
        try:
            if accepting:
                services.report_accept(report=report, actor=request.user, comments=form.cleaned_data["comments"])
            else:
                services.report_return(report=report, actor=request.user, comments=form.cleaned_data["comments"])
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The report is accepted: it is now public.") if accepting
                             else _("The report is returned to the organisation with your comments."))
            return redirect("projects:report_detail", pk=pk)
    describe_errors(form)
    forms = {"accept_form": form} if accepting else {"return_form": form}
    return _render_report(request, report, status=400, **forms)


urlpatterns = [
    path("my/projects/", my_projects, name="my_projects"),
    path("projects/<int:pk>/manage/", project_workspace, name="project_workspace"),
    path("projects/<int:pk>/manage/edit/", project_edit, name="project_edit"),
    path("projects/<int:pk>/manage/condition-report/", condition_report_add, name="condition_report_add"),
    path("projects/<int:pk>/manage/evaluation/", project_evaluate, name="project_evaluate"),
    path("projects/<int:pk>/manage/<slug:action>/", project_move, name="project_move"),
    path("projects/reports/<int:pk>/", report_detail, name="report_detail"),
    path("projects/reports/<int:pk>/edit/", report_edit, name="report_edit"),
    path("projects/reports/<int:pk>/photos/", report_photo_add, name="report_photo_add"),
    path("projects/reports/<int:pk>/photos/<int:photo_pk>/remove/", report_photo_remove, name="report_photo_remove"),
    path("projects/reports/<int:pk>/submit/", report_submit, name="report_submit"),
    path("projects/reports/<int:pk>/accept/", report_review, {"decision": "accept"}, name="report_accept"),
    path("projects/reports/<int:pk>/return/", report_review, {"decision": "return"}, name="report_return"),
]
