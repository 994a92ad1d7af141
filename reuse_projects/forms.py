"""Forms of the property catalogue: validation only, no business rules (those live in services).

The choice lists are shared with the spreadsheet import.
"""


from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import Municipality
from network.places import coordinates_in_country
from network.text import strip_bidi_controls
from network.uploads import DOCUMENT_TYPES, IMAGE_TYPES, check_upload

from .models import Property, PropertyDocument, SuitableUse
from .suitable_uses import suitable_use_label

UTILITY_CHOICES = [
    ("electricity", _("Electricity")),
    ("water", _("Water")),
    ("sewage", _("Sewage")),
    ("heating", _("Heating")),
    ("gas", _("Gas")),
    ("internet", _("Internet")),
]
UTILITY_LABELS = dict(UTILITY_CHOICES)

# Free-text fields where invisible direction controls could disguise what is shown.
STRIPPED_FIELDS = (
    "reference", "title", "title_en", "address", "contact_name", "contact_phone",
)


class SuitableUseField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return suitable_use_label(obj.slug)


class MunicipalityField(forms.ModelChoiceField):
    """A plain select of the office's country's municipalities: no JavaScript needed, and a native
    select lets keyboard users jump by typing the first letters."""

    def label_from_instance(self, obj):
        return obj.name


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PropertyForm(forms.ModelForm):
    """What an officer fills in about a property of their office. The office is the instance's `amo`."""

    municipality = MunicipalityField(queryset=Municipality.objects.none(), label=_("Municipality"))
    utilities = forms.MultipleChoiceField(
        label=_("Utilities connected"), choices=UTILITY_CHOICES, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    suitable_uses = SuitableUseField(
        label=_("Suitable uses"), queryset=SuitableUse.objects.order_by("name"), required=False,
        to_field_name="slug",
    )

    class Meta:
        model = Property
        fields = [
            "reference", "title", "title_en", "description", "description_en", "property_type",
            "legal_status", "municipality", "address", "latitude", "longitude", "location_privacy",
            "floor_area", "land_area", "rooms", "floors", "year_built", "condition", "utilities",
            "accessibility", "renovation_cost_min", "renovation_cost_max", "term_years", "renewable",
            "utilities_paid_by", "maintenance_paid_by", "restrictions", "available_from", "available_until",
            "contact_name", "contact_email", "contact_phone",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
            "restrictions": forms.Textarea(attrs={"rows": 3}),
            "location_privacy": forms.RadioSelect,
            "latitude": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "longitude": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "floor_area": forms.NumberInput(attrs={"min": "0", "step": "0.01"}),
            "land_area": forms.NumberInput(attrs={"min": "0", "step": "0.01"}),
            "available_from": _date_input(),
            "available_until": _date_input(),
        }

    FIELDSETS = [
        (_("Description"), ["reference", "title", "title_en", "description", "description_en", "property_type",
                            "legal_status"]),
        (_("Location"), ["municipality", "address", "latitude", "longitude", "location_privacy"]),
        (_("The building and the land"), ["floor_area", "land_area", "rooms", "floors", "year_built", "condition",
                                          "utilities", "accessibility", "renovation_cost_min",
                                          "renovation_cost_max"]),
        (_("Terms of use"), ["suitable_uses", "term_years", "renewable", "utilities_paid_by", "maintenance_paid_by",
                             "restrictions", "available_from", "available_until"]),
        (_("Contact"), ["contact_name", "contact_email", "contact_phone"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.amo = self.instance.amo
        self.fields["municipality"].queryset = Municipality.objects.filter(
            country_id=self.amo.country_id
        ).order_by("name", "pk")
        self.fields["municipality"].empty_label = _("Choose a municipality")
        self.fields["municipality"].error_messages["invalid_choice"] = _(
            "Choose a municipality in %(country)s."
        ) % {"country": self.amo.country.name}
        self.fields["suitable_uses"].help_text = ""
        self.fields["latitude"].help_text = _("Decimal degrees, for example 44.8125.")
        self.fields["longitude"].help_text = _("Decimal degrees, for example 20.4612.")
        for name in ("floor_area", "land_area"):
            self.fields[name].min_value = 0
        if self.instance.pk and not self.is_bound:
            self.initial["suitable_uses"] = [use.slug for use in self.instance.suitable_uses.all()]
        for field in self.fields.values():
            if field.required and not isinstance(field.widget, forms.RadioSelect):
                field.widget.attrs["required"] = True

    def fieldsets(self):
        """The fields in groups, for one fieldset each on the page."""
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def clean(self):
        cleaned_data = super().clean()
        for name in STRIPPED_FIELDS:
            if cleaned_data.get(name):
                cleaned_data[name] = strip_bidi_controls(cleaned_data[name]).strip()
        return cleaned_data

    def clean_reference(self):
        reference = strip_bidi_controls(self.cleaned_data["reference"]).strip()
        taken = Property.objects.filter(amo=self.amo, reference=reference).exclude(pk=self.instance.pk)
        if reference and taken.exists():
            raise forms.ValidationError(
                _("Your office already has a property with the reference %(reference)s."),
                params={"reference": reference}, code="duplicate",
            )
        return reference

    def clean_title(self):
        title = strip_bidi_controls(self.cleaned_data["title"]).strip()
        if not title:
            raise forms.ValidationError(_("Please give the property a title."))
        return title

    def _post_clean(self):
        super()._post_clean()
        # After the model's own checks, so that a point outside the country is one clear error.
        latitude, longitude = self.cleaned_data.get("latitude"), self.cleaned_data.get("longitude")
        if latitude is not None and longitude is not None:
            if not coordinates_in_country(self.amo.country_id, latitude, longitude):
                self.add_error("latitude", _(
                    "These coordinates are outside %(country)s. Check that latitude and longitude are "
                    "not swapped."
                ) % {"country": self.amo.country.name})


class PhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"), help_text=_("PNG, JPEG or WebP, up to 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("Description of the photo"), max_length=250,
        error_messages={"required": _("Please describe the photo.")},
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    def clean_image(self):
        upload = self.cleaned_data["image"]
        check_upload(upload, allowed=IMAGE_TYPES)
        # The first bytes say it is an image; make sure its header can be read as one too. (No full
        # verify(): it rejects files with a bad chunk checksum that browsers still show.)
        from PIL import Image

        try:
            with Image.open(upload) as image:
                image.size  # noqa: B018 (reading the size parses the header)
        except Exception as error:  # Pillow raises many kinds of errors for a broken file
            raise forms.ValidationError(_("This image cannot be read; it may be damaged.")) from error
        finally:
            upload.seek(0)
        return upload

    def clean_alt_text(self):
        alt_text = strip_bidi_controls(self.cleaned_data["alt_text"]).strip()
        if not alt_text:
            raise forms.ValidationError(_("Please describe the photo."))
        return alt_text


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("PDF or image, up to 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg,image/webp"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=PropertyDocument.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    visibility = forms.ChoiceField(
        label=_("Visible to"), choices=PropertyDocument.Visibility.choices,
        initial=PropertyDocument.Visibility.VERIFIED_CSOS, widget=forms.RadioSelect,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, allowed=DOCUMENT_TYPES)
        return upload

    def clean_title(self):
        title = strip_bidi_controls(self.cleaned_data["title"]).strip()
        if not title:
            raise forms.ValidationError(_("Please give the document a title."))
        return title


class StatusChangeForm(forms.Form):
    """One lifecycle move; the reason is required where the transition table says so (checked by the service)."""

    action = forms.CharField(widget=forms.HiddenInput, max_length=20)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the property's history."),
    )


class PhotoMoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Move up")), ("down", _("Move down"))])
