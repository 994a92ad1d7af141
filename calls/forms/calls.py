"""Forms of the office's side of a call and of the public call page. Validation only; the rules are in
`calls.services.calls`."""

import datetime as dt
import zoneinfo

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Country
from reuse_projects.models import Property

from ..models import Call, CallQuestion, SiteVisitSlot

MAX_CRITERIA = 20
MAX_DOCUMENTS = 30


class OfficeDateTimeField(forms.DateTimeField):
    """A `datetime-local` input read and shown in the office's time zone, whoever fills it in."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]

    def __init__(self, *, zone: str = "UTC", **kwargs):
        super().__init__(**kwargs)
        self.zone = zoneinfo.ZoneInfo(zone)

    def prepare_value(self, value):
        if isinstance(value, dt.datetime) and timezone.is_aware(value):
            return timezone.localtime(value, self.zone).replace(tzinfo=None)
        return value

    def to_python(self, value):
        with timezone.override(self.zone):
            return super().to_python(value)


def _zone_help(zone: str):
    return _("In the office's time zone (%(zone)s), whatever yours is.") % {"zone": zone}


class PropertyChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.reference}: {obj.display_title} ({obj.municipality.name})"


class CountryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj.name)


class CallForm(forms.ModelForm):
    """A draft call: what it says, when it runs, who may apply, which properties."""

    properties = PropertyChoiceField(
        queryset=Property.objects.none(), widget=forms.CheckboxSelectMultiple, required=False,
        label=_("Properties"),
        help_text=_("The office's available properties. They are put under the call when it is published."),
    )
    eligible_countries = CountryChoiceField(
        queryset=Country.objects.order_by("code"), widget=forms.CheckboxSelectMultiple, required=False,
        label=_("Countries allowed"),
        help_text=_("For a cross-border call; none chosen means every country of the network."),
    )

    class Meta:
        model = Call
        fields = ["title", "description", "opens_at", "closes_at", "min_years_active", "scope", "eligible_countries"]
        widgets = {"description": forms.Textarea(attrs={"rows": 10}), "scope": forms.RadioSelect}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        zone = office.country.time_zone
        for name, label in (("opens_at", _("Opens")), ("closes_at", _("Closes"))):
            self.fields[name] = OfficeDateTimeField(zone=zone, label=label, help_text=_zone_help(zone))
        attached = self.instance.properties.values("pk") if self.instance.pk else []
        self.fields["properties"].queryset = (
            Property.objects.filter(amo=office, archived_at__isnull=True)
            .filter(Q(status=Property.Status.AVAILABLE) | Q(pk__in=attached))
            .select_related("amo", "municipality").order_by("reference")
        )
        if self.instance.pk:
            self.initial.setdefault("properties", [p.pk for p in self.instance.properties.all()])
        self.fields["scope"].choices = Call.Scope.choices

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_description(self):
        return self.cleaned_data["description"].strip()


class CallAmendForm(forms.ModelForm):
    """A published call: the description may be amended and the closing time extended."""

    class Meta:
        model = Call
        fields = ["description", "closes_at"]
        widgets = {"description": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        zone = office.country.time_zone
        self.fields["closes_at"] = OfficeDateTimeField(
            zone=zone, label=_("Closes"),
            help_text=_("It can be extended, never brought forward. %(zone_help)s") % {"zone_help": _zone_help(zone)},
        )

    def clean_description(self):
        return self.cleaned_data["description"].strip()


class CriterionForm(forms.Form):
    title = forms.CharField(label=_("Criterion"), max_length=200)
    description = forms.CharField(label=_("What reviewers look for"), max_length=2000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    weight = forms.IntegerField(label=_("Weight (%)"), min_value=1, max_value=100)
    max_score = forms.IntegerField(label=_("Maximum score"), min_value=1, max_value=100, initial=10)


class DocumentRequirementForm(forms.Form):
    title = forms.CharField(label=_("Document"), max_length=200)
    description = forms.CharField(label=_("Details"), max_length=2000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    mandatory = forms.BooleanField(label=_("Mandatory"), required=False, initial=True)


class _RowsFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        """The filled-in rows, in order, without the ones marked for deletion."""
        return [
            {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            for form in self.forms
            if form.has_changed() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


CriterionFormSet = forms.formset_factory(
    CriterionForm, formset=_RowsFormSet, extra=2, can_delete=True, max_num=MAX_CRITERIA, validate_max=True,
    absolute_max=MAX_CRITERIA,
)
DocumentRequirementFormSet = forms.formset_factory(
    DocumentRequirementForm, formset=_RowsFormSet, extra=2, can_delete=True, max_num=MAX_DOCUMENTS,
    validate_max=True, absolute_max=MAX_DOCUMENTS,
)


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked the call: once published, only its description and closing time can change."),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the call cancelled?"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to every organisation that has a proposal under the call, and kept in its record."),
    )
    confirm = forms.BooleanField(label=_("Yes, cancel this call. The properties become available again."))


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"), max_length=8000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Saving publishes the question and the answer on the call's page, without who asked."),
    )


class QuestionForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=None, label=_("Asked on behalf of"), empty_label=None)
    question = forms.CharField(
        label=_("Your question"), max_length=CallQuestion._meta.get_field("question").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The office publishes its answer here for everyone, without your organisation's name."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations[0].pk


class BookingForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=None, label=_("Organisation"), empty_label=None)
    people = forms.IntegerField(label=_("People attending"), min_value=1, max_value=10, initial=1)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations[0].pk


class SiteVisitSlotForm(forms.ModelForm):
    class Meta:
        model = SiteVisitSlot
        fields = ["property", "starts_at", "ends_at", "capacity", "meeting_point"]

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        zone = call.time_zone
        self.fields["property"].queryset = call.properties.select_related("amo", "municipality").order_by("reference")
        self.fields["property"].label_from_instance = lambda p: f"{p.reference}: {p.display_title}"
        self.fields["property"].empty_label = None
        for name, label in (("starts_at", _("Starts")), ("ends_at", _("Ends"))):
            self.fields[name] = OfficeDateTimeField(zone=zone, label=label, help_text=_zone_help(zone))
