"""Forms of the network app: validation only, no business rules (those live in services)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Country, Membership, Organisation, ThematicArea
from .text import strip_bidi_controls
from .thematic_areas import thematic_area_label
from .transitions import ACTION_LABELS
from .uploads import DOCUMENT_TYPES, IMAGE_TYPES, check_upload


def describe_errors(form) -> None:
    """After validation: each field with errors points at them (and its help) with aria-describedby."""
    for name, errors in form.errors.items():
        if name not in form.fields or not errors:
            continue
        bound = form[name]
        ids = [f"{bound.auto_id}_error"]
        if form.fields[name].help_text:
            ids.append(f"{bound.auto_id}_helptext")
        form.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)

LANGUAGE_CHOICES = [
    ("sq", _("Albanian")),
    ("bs", _("Bosnian")),
    ("hr", _("Croatian")),
    ("mk", _("Macedonian")),
    ("cnr", _("Montenegrin")),
    ("sr", _("Serbian")),
    ("ro", _("Romanian")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
    ("rom", _("Romani")),
    ("en", _("English")),
]
LANGUAGE_LABELS = dict(LANGUAGE_CHOICES)

MAX_TEXT = 5000


class ThematicAreaField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return thematic_area_label(obj.slug)


class OrganisationForm(forms.ModelForm):
    """A CSO's profile. The certificate is required when registering, optional when editing."""

    thematic_areas = ThematicAreaField(
        queryset=ThematicArea.objects.order_by("name"), required=False,
        to_field_name="slug", label=_("Thematic areas"),
    )
    website = forms.URLField(label=_("website"), required=False, max_length=200, assume_scheme="https")
    languages = forms.MultipleChoiceField(
        choices=LANGUAGE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Languages worked in"),
    )

    class Meta:
        model = Organisation
        fields = [
            "name", "name_latin", "acronym", "legal_form", "registration_number", "registry",
            "country", "city", "address", "year_founded", "website", "email", "phone", "logo",
            "mission", "thematic_areas", "target_groups", "staff_count", "volunteer_count",
            "languages", "reuse_experience", "registration_certificate",
        ]
        widgets = {
            "mission": forms.Textarea(attrs={"rows": 5}),
            "target_groups": forms.Textarea(attrs={"rows": 3}),
            "reuse_experience": forms.Textarea(attrs={"rows": 4}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
            "registration_certificate": forms.ClearableFileInput(
                attrs={"accept": "application/pdf,image/png,image/jpeg,image/webp"}
            ),
        }

    def __init__(self, *args, require_certificate=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.order_by("code")
        self.fields["country"].empty_label = _("Choose a country")
        if self.instance.kind == Organisation.Kind.AMO:
            # A state office has no registration certificate to show the network.
            del self.fields["registration_certificate"]
        else:
            self.fields["registration_number"].required = True
        self.fields["thematic_areas"].help_text = ""
        if "registration_certificate" in self.fields:
            self.fields["registration_certificate"].required = require_certificate
            self.fields["registration_certificate"].help_text = _(
                "PDF or image, up to 10 MB. Only coordinators and your administrators can see it."
            )
        self.fields["logo"].help_text = _("PNG, JPEG or WebP, up to 2 MB.")
        if self.instance.pk:
            self.initial["thematic_areas"] = [t.slug for t in self.instance.thematic_areas.all()]
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["required"] = True
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = MAX_TEXT

    def clean_name(self):
        name = strip_bidi_controls(self.cleaned_data["name"]).strip()
        if not name:
            raise forms.ValidationError(_("Please enter the organisation's legal name."))
        return name

    def clean(self):
        cleaned_data = super().clean()
        for name in ("name_latin", "acronym", "registration_number", "registry", "city", "address"):
            if cleaned_data.get(name):
                cleaned_data[name] = strip_bidi_controls(cleaned_data[name]).strip()
        return cleaned_data

    def clean_registration_certificate(self):
        upload = self.cleaned_data.get("registration_certificate")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            check_upload(upload, allowed=DOCUMENT_TYPES)
        return upload

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if upload and hasattr(upload, "content_type"):
            check_upload(upload, allowed=IMAGE_TYPES, max_bytes=2 * 1024 * 1024)
        return upload


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False)
    thematic_area = forms.ChoiceField(label=_("Thematic area"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False,
        choices=[("name", _("Name (A-Z)")), ("-name", _("Name (Z-A)")),
                 ("newest", _("Newest members")), ("country", _("Country"))],
    )

    def __init__(self, *args, countries=(), thematic_areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries"))] + [
            (c.code, c.name) for c in countries
        ]
        self.fields["thematic_area"].choices = [("", _("All thematic areas"))] + [
            (slug, label) for slug, label in thematic_areas
        ]

    def clean_country(self):
        return self.cleaned_data["country"].upper()


class LookupForm(forms.Form):
    q = forms.CharField(
        label=_("Name or registration number"), max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class StatusDecisionForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the organisation's administrators. Required to reject, suspend or reinstate."),
    )

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(a, ACTION_LABELS[a]) for a in actions]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial="member")


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class AccountDeleteForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type your e-mail address to confirm"), max_length=254,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip().lower()
        if value != self.user.email.lower():
            raise forms.ValidationError(_("That is not your e-mail address."))
        return value


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(label=_("Preferred language"))
    time_zone = forms.ChoiceField(
        label=_("Time zone"), required=False,
        help_text=_("Deadlines and times are shown in it. Empty: Central European Time."),
    )

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        from .places import time_zone_choices

        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].choices = settings.LANGUAGES
        self.fields["time_zone"].choices = [("", _("Central European Time")), *time_zone_choices()]
