"""Forms of the project workspace and the results reports: validation only; the rules live in
`projects.services` (whose `ActionRefused` messages the views put back on the form)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from network.models import ThematicArea
from network.uploads import IMAGE_TYPES, check_upload
from reuse_projects.models import Property

from .models import TARGET_GROUPS, ConditionReport, Evaluation, ProjectPost, ResultsReport, ReuseProject
from .services import INDICATOR_FIELDS

# A condition report takes up to this many photos, one optional file + description + "public" per slot.
CONDITION_PHOTO_SLOTS = 6
MAX_PEOPLE_PER_GROUP = 10_000_000
MAX_COUNT = 1_000_000


def _image(upload):
    """The upload, once its content is a JPEG, PNG or WebP image (whatever its name says)."""
    check_upload(upload, allowed=IMAGE_TYPES)
    return upload


IMAGE_ACCEPT = ",".join(IMAGE_TYPES)


# Project workspace --------------------------------------------------------------------------------


class ConditionReportForm(forms.Form):
    """The office's record of the property's state at handover or return, with photos."""

    kind = forms.ChoiceField(label=_("Inspection"), choices=ConditionReport.Kind.choices)
    inspected_on = forms.DateField(label=_("Inspected on"), widget=forms.DateInput(attrs={"type": "date"}),
                                   help_text=_("Format: YYYY-MM-DD."))
    condition = forms.ChoiceField(label=_("Condition of the property"), choices=Property.Condition.choices)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=10000,
                            widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [(k, label) for k, label in ConditionReport.Kind.choices if k in kinds]
        for slot in range(1, CONDITION_PHOTO_SLOTS + 1):
            self.fields[f"photo_{slot}"] = forms.FileField(
                label=_("Photo %(number)s") % {"number": slot}, required=False,
                widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
            )
            self.fields[f"alt_{slot}"] = forms.CharField(
                label=_("Description of photo %(number)s") % {"number": slot}, required=False, max_length=250,
                help_text=_("What the photo shows, for people who cannot see it. Required with a photo."),
            )
            self.fields[f"public_{slot}"] = forms.BooleanField(
                label=_("Show photo %(number)s on the public project page") % {"number": slot}, required=False,
            )

    def photo_slots(self):
        """The bound fields of each photo slot, for the template."""
        return [(self[f"photo_{slot}"], self[f"alt_{slot}"], self[f"public_{slot}"])
                for slot in range(1, CONDITION_PHOTO_SLOTS + 1)]

    def clean(self):
        cleaned = super().clean()
        photos = []
        for slot in range(1, CONDITION_PHOTO_SLOTS + 1):
            upload, alt_text = cleaned.get(f"photo_{slot}"), (cleaned.get(f"alt_{slot}") or "").strip()
            if not upload:
                if alt_text:
                    self.add_error(f"photo_{slot}", _("Choose the photo this description is for, or clear it."))
                continue
            try:
                _image(upload)
            except ValidationError as error:
                self.add_error(f"photo_{slot}", error)
                continue
            if not alt_text:
                self.add_error(f"alt_{slot}", _("Describe the photo for people who cannot see it."))
                continue
            photos.append((upload, alt_text, bool(cleaned.get(f"public_{slot}"))))
        cleaned["photos"] = photos
        return cleaned


class MoveForm(forms.Form):
    """A status move; the reason is kept in the history (required for some moves, see the transitions)."""

    reason = forms.CharField(label=_("Reason"), required=False, max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, reason_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if reason_required:
            self.fields["reason"].help_text = _("Required: the CSO is told and it is kept in the project's history.")


class EvaluationForm(forms.Form):
    obligations_met = forms.ChoiceField(label=_("Were the obligations met?"), choices=Evaluation.Obligations.choices,
                                        widget=forms.RadioSelect)
    assessment = forms.CharField(label=_("Assessment"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6}))
    outcome = forms.ChoiceField(label=_("Decision"), choices=Evaluation.Outcome.choices, widget=forms.RadioSelect)
    renewed_months = forms.IntegerField(
        label=_("Renew for (months)"), required=False, min_value=1, max_value=120,
        help_text=_("Only when the agreement is renewed: 1 to 120 months."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Evaluation.Outcome.RENEW and not cleaned.get("renewed_months"):
            if "renewed_months" not in self.errors:
                self.add_error("renewed_months", _("Say for how many months the agreement is renewed."))
        return cleaned


class ProjectEditForm(forms.Form):
    title = forms.CharField(label=_("Project name"), max_length=200)
    summary = forms.CharField(
        label=_("What the project does"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("In plain words, for the public page: what happens in the property and for whom."),
    )
    use = forms.ChoiceField(label=_("Type of use"), choices=ReuseProject.USES)
    thematic_areas = forms.ModelMultipleChoiceField(
        label=_("Thematic areas"), required=False, queryset=ThematicArea.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thematic_areas"].label_from_instance = lambda area: area.label


# Results reports ----------------------------------------------------------------------------------


class ReportForm(forms.Form):
    """The CSO's draft: texts, the six standard indicators and people served per target group."""

    narrative = forms.CharField(label=_("What happened in the period"), required=False, max_length=20000,
                                widget=forms.Textarea(attrs={"rows": 10}))
    lessons_learned = forms.CharField(label=_("Lessons learned"), required=False, max_length=10000,
                                      widget=forms.Textarea(attrs={"rows": 5}))
    jobs_created = forms.IntegerField(label=_("Jobs created"), required=False, min_value=0, max_value=MAX_COUNT)
    volunteers = forms.IntegerField(label=_("Volunteers"), required=False, min_value=0, max_value=MAX_COUNT)
    events_delivered = forms.IntegerField(label=_("Events delivered"), required=False, min_value=0,
                                          max_value=MAX_COUNT)
    services_delivered = forms.IntegerField(label=_("Services delivered"), required=False, min_value=0,
                                            max_value=MAX_COUNT)
    hours_open_per_week = forms.DecimalField(label=_("Hours open per week"), required=False, min_value=0,
                                             max_value=168, max_digits=5, decimal_places=1)
    income_reinvested_eur = forms.DecimalField(label=_("Income reinvested (EUR)"), required=False, min_value=0,
                                               max_digits=12, decimal_places=2)

    INDICATORS = INDICATOR_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for group, label in TARGET_GROUPS:
            self.fields[f"people_{group}"] = forms.IntegerField(
                label=label, required=False, min_value=0, max_value=MAX_PEOPLE_PER_GROUP,
                widget=forms.NumberInput(attrs={"min": "0", "inputmode": "numeric"}),
            )

    @classmethod
    def initial_for(cls, report: ResultsReport) -> dict:
        initial = {"narrative": report.narrative, "lessons_learned": report.lessons_learned}
        initial.update({name: getattr(report, name) for name in cls.INDICATORS})
        initial.update({f"people_{row.target_group}": row.people for row in report.people.all()})
        return initial

    def indicator_fields(self):
        return [self[name] for name in self.INDICATORS]

    def people_fields(self):
        return [self[f"people_{group}"] for group, _label in TARGET_GROUPS]

    def indicators(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.INDICATORS}

    def people(self) -> dict:
        return {group: self.cleaned_data.get(f"people_{group}") or 0 for group, _label in TARGET_GROUPS}


class ReportPhotoForm(forms.Form):
    image = forms.FileField(label=_("Photo"), widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
                            help_text=_("JPEG, PNG or WebP."))
    alt_text = forms.CharField(label=_("Description of the photo"), max_length=250,
                               help_text=_("What the photo shows, for people who cannot see it."))
    consent_confirmed = forms.BooleanField(
        label=_("Everyone recognisable in the photo agreed to its publication"),
        error_messages={"required": _("Confirm that everyone recognisable in the photo agreed to its publication.")},
    )

    def clean_image(self):
        return _image(self.cleaned_data["image"])


class ReviewForm(forms.Form):
    """The office's comments; required to return a report, optional to accept it."""

    comments = forms.CharField(label=_("Comments to the organisation"), required=False, max_length=10000,
                               widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, comments_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].required = comments_required
        if comments_required:
            self.fields["comments"].label = _("What should change")
            self.fields["comments"].error_messages["required"] = _("Say what should change.")


# Posts: stories and lessons learned, and their moderation (rules in services.post_submit, post_moderate)
class PostForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you share?"), choices=ProjectPost.Kind.choices, initial=ProjectPost.Kind.STORY,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"), max_length=20000, widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Published on the project's public page once a network coordinator approves it."),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=settings.LANGUAGES)

    def __init__(self, *args, language: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if language in dict(settings.LANGUAGES):
            self.fields["language"].initial = language


class ModerationForm(forms.Form):
    PUBLISH, REJECT = "publish", "reject"

    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[(PUBLISH, _("Publish it on the project's page")), (REJECT, _("Do not publish it"))],
    )
    featured = forms.BooleanField(label=_("Feature it in the campaign"), required=False)
    note = forms.CharField(
        label=_("Note to the author"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when the post is not published: tell the author why."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REJECT and not (cleaned.get("note") or "").strip() and "note" not in (
            self.errors
        ):
            self.add_error("note", _("Tell the author why the post is not published."))
        return cleaned
