"""Calls for proposals and everything that follows from them, up to the re-use agreement.

A call belongs to one Asset Management Office and covers one or more of its properties. Verified CSOs
submit proposals for a property under a call; reviewers the office appoints score them; two officers
decide (four eyes); an approval creates the re-use agreement. Every write goes through
`calls.services.*` and is appended to the `AuditEntry` hash chain.
"""

import builtins
import calendar
import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from network.storage import private_storage

USER = settings.AUTH_USER_MODEL


def add_months(date: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb)."""
    months = date.month - 1 + months
    year, month = date.year + months // 12, months % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


class CallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Call.Status.PUBLISHED)

    def open(self, now=None):
        now = now or timezone.now()
        return self.published().filter(opens_at__lte=now, closes_at__gt=now)

    def upcoming(self, now=None):
        return self.published().filter(opens_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.published().filter(closes_at__lte=now or timezone.now())

    def of_office(self, amo):
        return self.filter(amo=amo)


class Call(models.Model):
    """An office's call for proposals for one or more of its available properties.

    `draft` while the office prepares it; `published` makes it public and puts its properties
    `under_call`; whether it is upcoming, open or closed follows from its times (server time, to the
    second). `cancelled` withdraws a published call and makes its properties available again.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    class Phase(models.TextChoices):
        DRAFT = "draft", _("Draft")
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    class Scope(models.TextChoices):
        NATIONAL = "national", _("National: CSOs of the office's country")
        CROSS_BORDER = "cross_border", _("Cross-border: CSOs of the countries chosen")

    amo = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="calls",
        limit_choices_to={"kind": "amo"}, verbose_name=_("Asset Management Office"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=20000)
    properties = models.ManyToManyField(
        "reuse_projects.Property", related_name="calls", verbose_name=_("properties")
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    min_years_active = models.PositiveSmallIntegerField(
        _("minimum years of activity"), default=0, validators=[MaxValueValidator(100)],
        help_text=_("Counted from the year the organisation was founded."),
    )
    scope = models.CharField(_("who may apply"), max_length=12, choices=Scope.choices, default=Scope.NATIONAL)
    eligible_countries = models.ManyToManyField(
        "network.Country", blank=True, related_name="+", verbose_name=_("countries allowed"),
        help_text=_("For a cross-border call; none chosen means every country of the network."),
    )
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        ordering = ["-opens_at", "-pk"]
        indexes = [models.Index(fields=["status", "closes_at"], name="call_status_closes")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("calls:call_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})

    def phase(self, now=None) -> str:
        now = now or timezone.now()
        if self.status == self.Status.DRAFT:
            return self.Phase.DRAFT
        if self.status == self.Status.CANCELLED:
            return self.Phase.CANCELLED
        if now < self.opens_at:
            return self.Phase.UPCOMING
        if now < self.closes_at:
            return self.Phase.OPEN
        return self.Phase.CLOSED

    def is_open(self, now=None) -> bool:
        return self.phase(now) == self.Phase.OPEN

    @property
    def time_zone(self) -> str:
        """The office's time zone: the one the call's times are set and published in."""
        return self.amo.country.time_zone


class CallCriterion(models.Model):
    """One evaluation criterion: its weight (the weights of a call add up to 100) and maximum score."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what reviewers look for"), max_length=2000, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_score = models.PositiveSmallIntegerField(
        _("maximum score"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")

    def __str__(self):
        return self.title


class CallDocumentRequirement(models.Model):
    """One line of the call's checklist: a document every proposal must (or may) attach."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="document_requirements")
    title = models.CharField(_("document"), max_length=200)
    description = models.TextField(_("details"), max_length=2000, blank=True)
    mandatory = models.BooleanField(_("mandatory"), default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self):
        return self.title


class CallQuestion(models.Model):
    """A question on the call's clarification board. Public (without the asker) once answered and published."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("asked by")
    )
    asked_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    question = models.TextField(_("question"), max_length=4000)
    asked_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(_("answer"), max_length=8000, blank=True)
    answered_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("clarification question")
        verbose_name_plural = _("clarification questions")

    def __str__(self):
        return self.question[:80]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class SiteVisitSlot(models.Model):
    """A time the office shows a property to applicants, with room for `capacity` organisations."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="site_visit_slots")
    property = models.ForeignKey("reuse_projects.Property", on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveSmallIntegerField(
        _("organisations per visit"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    meeting_point = models.CharField(_("meeting point"), max_length=255, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")

    def __str__(self):
        return f"{self.property_id} {self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The visit must end after it starts.")})


class SiteVisitBooking(models.Model):
    """An organisation's place on a site visit; cancelling keeps the row and frees the place."""

    slot = models.ForeignKey(SiteVisitSlot, on_delete=models.CASCADE, related_name="bookings")
    organisation = models.ForeignKey("network.Organisation", on_delete=models.CASCADE, related_name="+")
    booked_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    people = models.PositiveSmallIntegerField(
        _("people attending"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "organisation"], condition=Q(cancelled_at__isnull=True),
                name="one_live_booking_per_organisation_and_visit",
            ),
        ]

    def __str__(self):
        return f"{self.organisation_id} @ {self.slot_id}"


class ProposalQuerySet(models.QuerySet):
    def submitted(self):
        """Everything the office can see: never drafts or withdrawn-before-submission."""
        return self.exclude(submitted_at__isnull=True)


class Proposal(models.Model):
    """A CSO's proposal to re-use one property under one call.

    Lifecycle (the table in `calls.transitions`): `draft` -> `submitted` -> `under_review` ->
    (`changes_requested` -> `submitted`) -> `approved` | `rejected`, or `withdrawn` by the CSO.
    The content is frozen on submission and its SHA-256 digest given on the receipt.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        # A context of their own: the same English words for organisations and properties take
        # another grammatical gender in several of our languages.
        SUBMITTED = "submitted", pgettext_lazy("proposal status", "Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", pgettext_lazy("proposal status", "Approved")
        REJECTED = "rejected", pgettext_lazy("proposal status", "Rejected")
        WITHDRAWN = "withdrawn", pgettext_lazy("proposal status", "Withdrawn")

    EDITABLE_STATUSES = ("draft", "changes_requested")
    DECIDED_STATUSES = ("approved", "rejected")

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="proposals")
    property = models.ForeignKey("reuse_projects.Property", on_delete=models.PROTECT, related_name="proposals")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="proposals",
        verbose_name=_("applicant"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    reference = models.CharField(_("reference number"), max_length=32, unique=True, null=True, blank=True)
    # The content: what the CSO plans to do with the property.
    planned_use = models.TextField(_("planned social use"), max_length=5000, blank=True)
    activities = models.TextField(_("activities"), max_length=10000, blank=True)
    # [{"group": "Young people 15-25", "people_per_year": 300}, ...]
    beneficiaries = models.JSONField(_("target beneficiaries"), default=list, blank=True)
    timeline = models.TextField(_("timeline"), max_length=5000, blank=True)
    renovation_cost = models.DecimalField(
        _("renovation cost (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    running_cost_per_year = models.DecimalField(
        _("running costs per year (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    funding_sources = models.TextField(_("sources of funding"), max_length=5000, blank=True)
    sustainability_plan = models.TextField(_("sustainability plan"), max_length=10000, blank=True)
    # Bumped on every saved edit: an autosave based on an older version is refused, not silently merged.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    digest = models.CharField(_("SHA-256 digest"), max_length=64, blank=True)
    changes_requested_at = models.DateTimeField(null=True, blank=True)
    changes_deadline = models.DateTimeField(_("new deadline"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One live proposal per organisation, property and call.
            models.UniqueConstraint(
                fields=["call", "property", "organisation"], condition=~Q(status="withdrawn"),
                name="one_live_proposal_per_organisation_property_call",
            ),
            # The database itself refuses a second approval for a property under a call, whatever the code
            # does. (A property returned after its re-use may be given again under a later call.)
            models.UniqueConstraint(
                fields=["call", "property"], condition=Q(status="approved"),
                name="one_approved_proposal_per_property_and_call",
            ),
        ]
        indexes = [models.Index(fields=["call", "property", "status"], name="proposal_call_property_status")]

    def __str__(self):
        return self.reference or _("Draft proposal %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("calls:proposal_detail", kwargs={"pk": self.pk})

    @builtins.property  # `property` is a field name here
    def deadline(self) -> dt.datetime:
        """Until when the CSO may submit: the call's closing time, or the new deadline after changes."""
        if self.status == self.Status.CHANGES_REQUESTED and self.changes_deadline:
            return self.changes_deadline
        return self.call.closes_at

    @builtins.property  # `property` is a field name here
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES


class ProposalPartner(models.Model):
    """A partner CSO invited into a proposal. It must accept before the proposal can be submitted."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("partner")
    )
    role = models.CharField(_("role in the project"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.INVITED)
    invited_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    invited_at = models.DateTimeField(default=timezone.now)
    responded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "organisation"], name="partner_once_per_proposal"),
        ]

    def __str__(self):
        return f"{self.organisation_id} in {self.proposal_id} ({self.status})"


def attachment_path(instance, filename):
    return f"proposals/{instance.proposal_id}/{filename}"


class ProposalAttachment(models.Model):
    """A private document of a proposal, answering one line of the call's checklist (or extra)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    requirement = models.ForeignKey(
        CallDocumentRequirement, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("answers"),
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["requirement__position", "uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class ProposalMessage(models.Model):
    """What the office tells the applicant (changes requested, decision reasons) and their replies."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    from_office = models.BooleanField(default=False)
    body = models.TextField(_("message"), max_length=8000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:80]


class CallReviewer(models.Model):
    """A person the office appoints to review a call's proposals: its staff or an outside expert."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="review_appointments")
    appointed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    appointed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["appointed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="reviewer_once_per_call")]

    def __str__(self):
        return f"{self.user_id} for {self.call_id}"


class ReviewQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=Review.Status.SUBMITTED)

    def by_reviewer(self, user):
        return self.filter(reviewer=user)


class Review(models.Model):
    """One reviewer's review of one proposal.

    `assigned` -> (declare no conflict) `in_progress` -> `submitted`, or (declare a conflict) `recused`.
    Until the declaration the reviewer sees only the applicant's name and the property.
    """

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Waiting for the conflict-of-interest declaration")
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        RECUSED = "recused", _("Recused (conflict of interest)")

    class Recommendation(models.TextChoices):
        APPROVE = "approve", _("Approve")
        APPROVE_WITH_CONDITIONS = "conditions", _("Approve with conditions")
        REJECT = "reject", _("Reject")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="reviews")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ASSIGNED)
    assigned_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField(default=timezone.now)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    conflict_note = models.TextField(_("conflict of interest"), max_length=2000, blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=12, choices=Recommendation.choices, blank=True
    )
    comment = models.TextField(_("overall comment"), max_length=8000, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["assigned_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["proposal", "reviewer"], name="review_once_per_reviewer")]
        indexes = [models.Index(fields=["reviewer", "status"], name="review_reviewer_status")]

    def __str__(self):
        return f"{self.reviewer_id} on {self.proposal_id} ({self.status})"


class ReviewScore(models.Model):
    """The score one review gives one criterion, with the reviewer's comment."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(CallCriterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), max_length=4000, blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="score_once_per_criterion")]

    def __str__(self):
        return f"{self.criterion_id}: {self.score}"


class DecisionQuerySet(models.QuerySet):
    def public(self):
        """What the public sees of decisions: confirmed approvals (which organisation got which property)."""
        return self.filter(status=Decision.Status.CONFIRMED, outcome=Decision.Outcome.APPROVED)


class Decision(models.Model):
    """The office's decision on a proposal, taken by two different officers (four eyes).

    One officer proposes the outcome with written reasons (and, for an approval, the agreement's
    terms); another officer of the same office confirms it, or sends it back (`returned`).
    """

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for a second officer")
        CONFIRMED = "confirmed", _("Confirmed")
        RETURNED = "returned", _("Sent back")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    reasons = models.TextField(_("reasons"), max_length=8000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    # For an approval: the terms of the re-use agreement the confirmation creates.
    agreement_start = models.DateField(_("agreement starts"), null=True, blank=True)
    agreement_term_months = models.PositiveSmallIntegerField(
        _("term (months)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(1200)]
    )
    agreement_obligations = models.TextField(_("obligations"), max_length=10000, blank=True)
    reporting_every_months = models.PositiveSmallIntegerField(
        _("results report every (months)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    # A copy of the ranking figure when the decision was taken, published with an approval.
    weighted_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    proposed_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    confirmed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    returned_reason = models.TextField(_("why it was sent back"), max_length=4000, blank=True)
    # Set when the decision followed from approving another proposal for the same property.
    automatic = models.BooleanField(default=False)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal"], condition=Q(status="proposed"), name="one_pending_decision_per_proposal"
            ),
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=models.F("proposed_by")),
                name="decision_confirmed_by_another_officer",
            ),
        ]

    def __str__(self):
        return f"{self.outcome} {self.proposal_id} ({self.status})"


class ReuseAgreement(models.Model):
    """The agreement an approval creates: who re-uses which property, from when, for how long, on what terms.

    Its re-use project (`projects.ReuseProject`: handover, results reports, renewal) is created with it.
    """

    proposal = models.OneToOneField(Proposal, on_delete=models.PROTECT, related_name="agreement")
    property = models.ForeignKey("reuse_projects.Property", on_delete=models.PROTECT, related_name="agreements")
    organisation = models.ForeignKey("network.Organisation", on_delete=models.PROTECT, related_name="agreements")
    start_date = models.DateField(_("start"))
    term_months = models.PositiveSmallIntegerField(_("term (months)"))
    obligations = models.TextField(_("obligations"), max_length=10000, blank=True)
    reporting_every_months = models.PositiveSmallIntegerField(_("results report every (months)"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("re-use agreement")
        verbose_name_plural = _("re-use agreements")

    def __str__(self):
        return f"{self.organisation} / {self.property}"

    @builtins.property  # `property` is a field name here
    def end_date(self) -> dt.date:
        return add_months(self.start_date, self.term_months)


class Notification(models.Model):
    """An on-site notice for one person, rendered in their language when it was created."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40)
    message = models.CharField(max_length=500)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_recent"),
            models.Index(fields=["user"], condition=Q(read_at__isnull=True), name="notification_user_unread"),
        ]

    def __str__(self):
        return self.message


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The audit log is append-only.")

    def delete(self):
        raise TypeError("The audit log is append-only.")


class AuditEntry(models.Model):
    """One event of calls, proposals, reviews or decisions, in an append-only hash chain.

    `hash` is the SHA-256 of the previous entry's hash and this entry's content (see `calls.audit`), so
    an edited, deleted or inserted row breaks the chain; `manage.py audit_verify` names the first broken
    entry. The application never updates or deletes rows (on PostgreSQL a trigger refuses it too).
    Actors are kept as ids, not foreign keys, so deleting an account never rewrites the log.
    """

    position = models.PositiveBigIntegerField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    call_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    actor_id = models.PositiveBigIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self):
        return f"#{self.position} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The audit log is append-only.")
