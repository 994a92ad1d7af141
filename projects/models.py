"""Re-use projects: what a CSO does with a property after the decision, and the results it reports.

A project is created with the re-use agreement an approval makes (`calls.ReuseAgreement`). Its status
moves only through `projects.services`, following the one table in `projects.transitions`; the property
follows it (`in_reuse` when the project becomes active, `returned` or `revoked` when it ends). Results
reports fall due on the agreement's schedule; only accepted ones are public.
"""

import builtins
import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from network.text import fold
from reuse_projects.models import Property
from reuse_projects.suitable_uses import SUITABLE_USES, suitable_use_label

USER = settings.AUTH_USER_MODEL

# The standard groups people served are counted in, so that reports add up across projects and countries.
TARGET_GROUPS = [
    ("children", _("Children (under 15)")),
    ("young_people", _("Young people (15-29)")),
    ("women", _("Women")),
    ("older_people", _("Older people")),
    ("people_with_disabilities", _("People with disabilities")),
    ("survivors_of_violence", _("Survivors of violence")),
    ("roma_and_minorities", _("Roma and minorities")),
    ("migrants_and_refugees", _("Migrants and refugees")),
    ("unemployed", _("Unemployed people")),
    ("general_public", _("The general public")),
]
TARGET_GROUP_LABELS = dict(TARGET_GROUPS)


class ReuseProjectQuerySet(models.QuerySet):
    def public(self):
        """What the showcase, the impact figures and the open data show: active and completed projects."""
        return self.filter(status__in=ReuseProject.PUBLIC_STATUSES)

    def of_office(self, amo):
        return self.filter(property__amo=amo)


class ReuseProject(models.Model):
    """A CSO's re-use of one property under an agreement with the office."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing the handover")
        ACTIVE = "active", pgettext_lazy("project status", "Active")
        SUSPENDED = "suspended", pgettext_lazy("project status", "Suspended")
        COMPLETED = "completed", pgettext_lazy("project status", "Completed")
        TERMINATED = "terminated", pgettext_lazy("project status", "Terminated")

    PUBLIC_STATUSES = ("active", "completed")
    LIVE_STATUSES = ("preparing", "active", "suspended")
    USES = SUITABLE_USES

    agreement = models.OneToOneField("calls.ReuseAgreement", on_delete=models.PROTECT, related_name="project")
    property = models.ForeignKey(Property, on_delete=models.PROTECT, related_name="reuse_projects")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="reuse_projects", verbose_name=_("lead CSO")
    )
    partners = models.ManyToManyField(
        "network.Organisation", blank=True, related_name="partner_projects", verbose_name=_("partners")
    )
    # Denormalised from the property's office, for the showcase's country filter and the impact figures.
    country = models.ForeignKey("network.Country", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("project name"), max_length=200)
    summary = models.TextField(
        _("what the project does"), max_length=5000, blank=True,
        help_text=_("In plain words, for the public page: what happens in the property and for whom."),
    )
    use = models.CharField(_("type of use"), max_length=40, choices=SUITABLE_USES)
    thematic_areas = models.ManyToManyField(
        "network.ThematicArea", blank=True, related_name="reuse_projects", verbose_name=_("thematic areas")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PREPARING)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end of the term"), help_text=_("The last day of the agreement."))
    obligations = models.TextField(_("obligations"), max_length=10000, blank=True)
    reporting_every_months = models.PositiveSmallIntegerField(
        _("results report every (months)"), validators=[MinValueValidator(1), MaxValueValidator(24)]
    )
    # The end of the term the office was last told the evaluation is open for (once per term).
    renewal_reminded_for = models.DateField(null=True, blank=True, editable=False)
    activated_at = models.DateTimeField(_("handed over"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReuseProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("re-use project")
        verbose_name_plural = _("re-use projects")
        ordering = ["-start_date", "-pk"]
        constraints = [
            # A property is re-used by one live project at a time, whatever the code does.
            models.UniqueConstraint(
                fields=["property"], condition=Q(status__in=["preparing", "active", "suspended"]),
                name="one_live_project_per_property",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "country", "use"], name="project_public_filters"),
            models.Index(fields=["status", "-start_date", "-id"], name="project_public_newest"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = fold(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("projects:project_detail", kwargs={"pk": self.pk})

    @builtins.property  # `property` is a field name here
    def use_label(self) -> str:
        return suitable_use_label(self.use)

    @builtins.property  # `property` is a field name here
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES


class ProjectEvent(models.Model):
    """One thing that happened to a project: created, handed over, suspended, renewed, ended... Never edited."""

    project = models.ForeignKey(ReuseProject, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20)
    from_status = models.CharField(_("from"), max_length=12, choices=ReuseProject.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=ReuseProject.Status.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("project event")
        verbose_name_plural = _("project events")

    def __str__(self):
        return f"{self.project_id}: {self.action}"


class ConditionReport(models.Model):
    """The state of the property when it is handed over to the CSO, or returned to the office."""

    class Kind(models.TextChoices):
        HANDOVER = "handover", _("Handover")
        RETURN = "return", _("Return")

    project = models.ForeignKey(ReuseProject, on_delete=models.CASCADE, related_name="condition_reports")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    inspected_on = models.DateField(_("inspected on"))
    condition = models.CharField(_("condition"), max_length=20, choices=Property.Condition.choices)
    notes = models.TextField(_("notes"), max_length=10000, blank=True)
    recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["inspected_on", "pk"]
        verbose_name = _("condition report")
        verbose_name_plural = _("condition reports")
        constraints = [
            models.UniqueConstraint(fields=["project", "kind"], name="one_condition_report_per_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.inspected_on}"


class ConditionPhoto(models.Model):
    """A photo taken at an inspection. The public sees it only when the office says so ("before" photos)."""

    report = models.ForeignKey(ConditionReport, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="projects/condition/%Y/%m/")
    alt_text = models.CharField(
        _("description of the photo"), max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    public = models.BooleanField(_("show on the public project page"), default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.alt_text


class ResultsReportQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=ResultsReport.Status.ACCEPTED)

    def public(self):
        """Accepted reports of public projects: all the public ever sees of results."""
        return self.accepted().filter(project__status__in=ReuseProject.PUBLIC_STATUSES)

    def overdue(self, today: dt.date | None = None):
        """Reports not yet submitted (or returned for changes) whose due date has passed.

        A report due on day D is on time all of day D and overdue from D + 1.
        """
        today = today or timezone.localdate()
        return self.filter(status__in=ResultsReport.OPEN_STATUSES, due_date__lt=today)


class ResultsReport(models.Model):
    """What the project achieved in one reporting period, with the standard indicators.

    The schedule creates one per period when the project starts (and when it is renewed). The CSO
    drafts and submits; the office accepts it or returns it with comments; only accepted reports are
    public.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not yet submitted")
        SUBMITTED = "submitted", pgettext_lazy("report status", "Submitted")
        RETURNED = "returned", _("Returned for changes")
        ACCEPTED = "accepted", pgettext_lazy("report status", "Accepted")

    OPEN_STATUSES = ("draft", "returned")  # the CSO's turn

    project = models.ForeignKey(ReuseProject, on_delete=models.CASCADE, related_name="reports")
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    due_date = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    narrative = models.TextField(_("what happened in the period"), max_length=20000, blank=True)
    lessons_learned = models.TextField(_("lessons learned"), max_length=10000, blank=True)
    jobs_created = models.PositiveIntegerField(_("jobs created"), null=True, blank=True)
    volunteers = models.PositiveIntegerField(_("volunteers"), null=True, blank=True)
    events_delivered = models.PositiveIntegerField(_("events delivered"), null=True, blank=True)
    services_delivered = models.PositiveIntegerField(_("services delivered"), null=True, blank=True)
    hours_open_per_week = models.DecimalField(
        _("hours open per week"), max_digits=5, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(168)],
    )
    income_reinvested_eur = models.DecimalField(
        _("income reinvested (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    # Total over the target groups, kept with the rows so that lists and figures need no join.
    people_served = models.PositiveIntegerField(_("people served"), default=0)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    review_comments = models.TextField(_("the office's comments"), max_length=10000, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResultsReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("results report")
        verbose_name_plural = _("results reports")
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "due_date"], name="one_report_per_project_due_date"),
        ]
        indexes = [
            models.Index(fields=["status", "due_date"], name="report_status_due"),
            models.Index(fields=["project", "status", "period_end"], name="report_project_status"),
        ]

    def __str__(self):
        return f"{self.project_id}: {self.period_start} - {self.period_end}"

    def get_absolute_url(self):
        return reverse("projects:report_detail", kwargs={"pk": self.pk})

    @builtins.property  # `property` is a field name here
    def is_editable(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status in self.OPEN_STATUSES and self.due_date < (today or timezone.localdate())


class ReportPeopleServed(models.Model):
    """People served in a report's period, in one standard target group."""

    report = models.ForeignKey(ResultsReport, on_delete=models.CASCADE, related_name="people")
    target_group = models.CharField(_("target group"), max_length=30, choices=TARGET_GROUPS)
    people = models.PositiveIntegerField(_("people"), validators=[MaxValueValidator(10_000_000)])

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "target_group"], name="one_figure_per_target_group"),
        ]

    def __str__(self):
        return f"{self.target_group}: {self.people}"


class ReportPhoto(models.Model):
    """A photo of the project's work, with a text alternative and the CSO's word that people consented."""

    report = models.ForeignKey(ResultsReport, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="projects/reports/%Y/%m/")
    alt_text = models.CharField(
        _("description of the photo"), max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    consent_confirmed = models.BooleanField(
        _("everyone recognisable in the photo agreed to its publication"), default=False
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(consent_confirmed=True), name="report_photo_needs_consent"),
        ]

    def __str__(self):
        return self.alt_text


class Evaluation(models.Model):
    """The office's evaluation near the end of the term, and what it decided: renew or end."""

    class Outcome(models.TextChoices):
        RENEW = "renew", _("Renew the agreement")
        COMPLETE = "complete", _("Complete the project at the end of the term")
        TERMINATE = "terminate", _("Terminate the project")

    class Obligations(models.TextChoices):
        MET = "met", _("Met")
        PARTLY = "partly", _("Partly met")
        NOT_MET = "not_met", _("Not met")

    project = models.ForeignKey(ReuseProject, on_delete=models.CASCADE, related_name="evaluations")
    obligations_met = models.CharField(_("obligations"), max_length=8, choices=Obligations.choices)
    assessment = models.TextField(_("assessment"), max_length=10000)
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    renewed_months = models.PositiveSmallIntegerField(
        _("renewed for (months)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    previous_end_date = models.DateField()
    evaluated_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    evaluated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-evaluated_at", "-pk"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self):
        return f"{self.project_id}: {self.outcome}"


class ProjectPostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ProjectPost.Status.PUBLISHED, project__status__in=ReuseProject.PUBLIC_STATUSES)


class ProjectPost(models.Model):
    """A story or a lesson learned a CSO shares on its project page, published once a coordinator approves."""

    class Kind(models.TextChoices):
        STORY = "story", _("Story")
        LESSON = "lesson", _("Lesson learned")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", pgettext_lazy("post status", "Published")
        REJECTED = "rejected", pgettext_lazy("post status", "Rejected")

    project = models.ForeignKey(ReuseProject, on_delete=models.CASCADE, related_name="posts")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.STORY)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=20000)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    featured = models.BooleanField(_("featured by the campaign"), default=False)
    author = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    moderated_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_note = models.TextField(_("note to the author"), max_length=2000, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = ProjectPostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        verbose_name = _("project post")
        verbose_name_plural = _("project posts")
        indexes = [models.Index(fields=["status", "-created_at"], name="post_status_recent")]

    def __str__(self):
        return self.title
