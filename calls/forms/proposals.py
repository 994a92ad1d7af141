"""Forms of the CSO's side of proposals: validation only; the rules live in `calls.services.proposals`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import Organisation
from network.text import fold

from ..models import Proposal
from ..services.proposals import MAX_BENEFICIARY_ROWS, MAX_MESSAGE_LENGTH, MAX_PEOPLE_PER_YEAR, MAX_REASON_LENGTH

PARTNER_SEARCH_RESULTS = 20


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} ({obj.country.name})" if obj.country_id else obj.display_name


class PropertyChoiceField(forms.ModelChoiceField):
    widget = forms.RadioSelect

    def label_from_instance(self, obj):
        return f"{obj.reference}: {obj.display_title}"


class ProposalStartForm(forms.Form):
    """Which of the user's verified CSOs applies, for which of the call's properties."""

    organisation = OrganisationChoiceField(queryset=Organisation.objects.none(), label=_("Applying organisation"),
                                           empty_label=None)
    property = PropertyChoiceField(queryset=None, label=_("Property"), empty_label=None)

    def __init__(self, *args, organisations, properties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["property"].queryset = properties


class ProposalContentForm(forms.ModelForm):
    """What the CSO plans; `version` is the one the page was built on (an older one is refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Proposal
        fields = [
            "planned_use", "activities", "timeline", "renovation_cost", "running_cost_per_year",
            "funding_sources", "sustainability_plan",
        ]
        widgets = {
            "planned_use": forms.Textarea(attrs={"rows": 5}),
            "activities": forms.Textarea(attrs={"rows": 6}),
            "timeline": forms.Textarea(attrs={"rows": 4}),
            "funding_sources": forms.Textarea(attrs={"rows": 4}),
            "sustainability_plan": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "planned_use": _("What the property will be used for, and for whom."),
            "timeline": _("From handover to opening: the main steps and when."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("renovation_cost", "running_cost_per_year"):
            self.fields[name].min_value = 0
            self.fields[name].widget.attrs.update({"min": "0", "step": "0.01", "inputmode": "decimal"})
        for name, field in self.fields.items():
            if name != "version":
                field.required = False


class BeneficiaryForm(forms.Form):
    group = forms.CharField(label=_("Group"), max_length=200, required=False)
    people_per_year = forms.IntegerField(
        label=_("People per year"), min_value=0, max_value=MAX_PEOPLE_PER_YEAR, required=False,
    )

    def clean(self):
        cleaned = super().clean()
        group, people = (cleaned.get("group") or "").strip(), cleaned.get("people_per_year")
        if self.errors:
            return cleaned
        if group and people is None:
            self.add_error("people_per_year", _("How many people per year?"))
        elif people is not None and not group:
            self.add_error("group", _("Name the group."))
        return cleaned

    def row(self) -> dict | None:
        group = (self.cleaned_data.get("group") or "").strip()
        people = self.cleaned_data.get("people_per_year")
        return {"group": group, "people_per_year": people} if group else None


class BaseBeneficiaryFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        return [row for row in (form.row() for form in self.forms if form.cleaned_data) if row]


BeneficiaryFormSet = forms.formset_factory(
    BeneficiaryForm, formset=BaseBeneficiaryFormSet, extra=2, max_num=MAX_BENEFICIARY_ROWS,
    absolute_max=MAX_BENEFICIARY_ROWS, validate_max=True,
)


def beneficiary_formset(proposal, data=None) -> BaseBeneficiaryFormSet:
    return BeneficiaryFormSet(data, initial=list(proposal.beneficiaries or []), prefix="beneficiaries")


class AttachmentForm(forms.Form):
    """One document, for one line of the call's checklist (the hidden `requirement`) or as another document."""

    file = forms.FileField(label=_("File"), help_text=_("PDF, JPEG, PNG or WebP, at most 10 MB."))
    requirement = forms.ModelChoiceField(queryset=None, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requirement"].queryset = call.document_requirements.all()


class PartnerSearchForm(forms.Form):
    partner_q = forms.CharField(label=_("Find a partner organisation by name"), max_length=100, required=False)

    def results(self, *, exclude):
        if not self.is_valid() or not self.cleaned_data["partner_q"].strip():
            return []
        folded = fold(self.cleaned_data["partner_q"])
        return list(
            Organisation.objects.filter(
                kind=Organisation.Kind.CSO, status=Organisation.Status.VERIFIED, search_text__contains=folded,
            ).exclude(pk=exclude.pk).select_related("country").order_by("sort_name", "pk")[:PARTNER_SEARCH_RESULTS]
        )


class PartnerInviteForm(forms.Form):
    organisation = OrganisationChoiceField(
        queryset=Organisation.objects.none(), label=_("Organisation"), widget=forms.RadioSelect, empty_label=None,
    )
    role = forms.CharField(
        label=_("Its role in the project"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, applicant, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = Organisation.objects.filter(
            kind=Organisation.Kind.CSO, status=Organisation.Status.VERIFIED,
        ).exclude(pk=applicant.pk).select_related("country")
        if choices is not None:
            queryset = queryset.filter(pk__in=[organisation.pk for organisation in choices])
        self.fields["organisation"].queryset = queryset


class PartnershipResponseForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"), choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply to the office"), max_length=MAX_MESSAGE_LENGTH, widget=forms.Textarea(attrs={"rows": 4}),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you withdrawing? (optional; the office reads it)"), max_length=MAX_REASON_LENGTH,
        required=False, widget=forms.Textarea(attrs={"rows": 3}),
    )
