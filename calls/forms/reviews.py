"""Forms of the review stage and the decisions: validation only; the services hold the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Decision, Review

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class ReviewerAppointForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the reviewer"), max_length=254,
        help_text=_("They need an account on the platform. Office staff or an outside expert."),
    )


class RequestChangesForm(forms.Form):
    """The deadline is typed in the office's time zone (the call's), whatever the officer's own."""

    message = forms.CharField(
        label=_("What should change"), max_length=8000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Sent to the applicant. Changes can be requested only once per proposal."),
    )
    deadline = forms.DateTimeField(
        label=_("New deadline"), input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )

    def __init__(self, *args, time_zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_zone = time_zone
        self.fields["deadline"].help_text = _("In the office's time zone (%(zone)s).") % {"zone": time_zone}

    def full_clean(self):
        # DateTimeField reads a typed time in the active zone: make that the office's.
        with timezone.override(self.time_zone):
            super().full_clean()

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.now():
            raise forms.ValidationError(_("The new deadline must be in the future."))
        return deadline


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Decision.Outcome.choices, widget=forms.RadioSelect)
    reasons = forms.CharField(
        label=_("Reasons"), max_length=8000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Sent to the applicant once a second officer confirms the decision."),
    )
    agreement_start = forms.DateField(
        label=_("Agreement starts"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For an approval."),
    )
    agreement_term_months = forms.IntegerField(
        label=_("Term (months)"), required=False, min_value=1, max_value=1200, help_text=_("For an approval."),
    )
    reporting_every_months = forms.IntegerField(
        label=_("Results report every (months)"), required=False, min_value=1, max_value=60,
        help_text=_("For an approval."),
    )
    agreement_obligations = forms.CharField(
        label=_("Obligations"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For an approval: what the organisation commits to."),
    )

    APPROVAL_FIELDS = ("agreement_start", "agreement_term_months", "reporting_every_months")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Decision.Outcome.APPROVED:
            for name in self.APPROVAL_FIELDS:
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(name, _("An approval needs this term of the agreement."))
        return cleaned


class DecisionReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you send it back"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
    )


class DeclarationForm(forms.Form):
    NO, YES = "no", "yes"
    conflict = forms.ChoiceField(
        label=_("Do you have a conflict of interest with this applicant or proposal?"),
        choices=[(NO, _("No, I have no conflict of interest")), (YES, _("Yes, I have a conflict of interest"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Describe the conflict"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required if you declare a conflict. It is kept on record and you will not review this proposal."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("conflict") == self.YES and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Please describe the conflict of interest."))
        return cleaned

    @property
    def has_conflict(self) -> bool:
        return self.cleaned_data["conflict"] == self.YES


class ScoreForm(forms.Form):
    """One score (0..max) and comment per criterion of the call, a recommendation and an overall comment.

    Bound with `submitting=True`, every score and the recommendation are required.
    """

    recommendation = forms.ChoiceField(
        label=_("Recommendation"), required=False,
        choices=[("", _("— choose —")), *Review.Recommendation.choices],
    )
    comment = forms.CharField(
        label=_("Overall comment"), required=False, max_length=8000, widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, criteria, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.submitting = submitting
        fields = {}
        for criterion in self.criteria:
            fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score for “%(criterion)s” (0 to %(max)s)") % {
                    "criterion": criterion.title, "max": criterion.max_score},
                choices=[("", _("— not scored yet —"))] + [(str(n), str(n)) for n in range(criterion.max_score + 1)],
                coerce=int, empty_value=None, required=submitting,
                help_text=f"{criterion.description}" if criterion.description else "",
            )
            fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.title},
                required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
            )
        # The criteria first, in the call's order; then the recommendation and the overall comment.
        self.fields = {**fields, **self.fields}
        self.fields["recommendation"].required = submitting

    def criterion_fields(self):
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict:
        return {
            c.pk: (self.cleaned_data.get(f"score_{c.pk}"), self.cleaned_data.get(f"comment_{c.pk}", ""))
            for c in self.criteria
        }

    @classmethod
    def initial_for(cls, review: Review) -> dict:
        initial = {"recommendation": review.recommendation, "comment": review.comment}
        for score in review.scores.all():
            initial[f"score_{score.criterion_id}"] = str(score.score)
            initial[f"comment_{score.criterion_id}"] = score.comment
        return initial
