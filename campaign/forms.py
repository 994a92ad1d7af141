"""Forms of the campaign: validation only; the rules (places, waiting list, double opt-in) live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from network.text import strip_bidi_controls

# Event registration ------------------------------------------------------------------------------

MARKUP_CHARACTERS = set("<>")


class EventRegistrationForm(forms.Form):
    """What a visitor gives to register for an event; the consent checkbox shows the event's own text."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254,
        help_text=_("We send the confirmation and the link to cancel to this address."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    access_needs = forms.CharField(
        label=_("Access needs"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example step-free access, sign language interpretation or dietary needs."),
    )
    consent = forms.BooleanField(
        label=_("I agree"), required=True,
        error_messages={"required": _("Tick the box to agree to the text above; without it we cannot register you.")},
    )

    def __init__(self, *args, consent_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_name(self):
        name = " ".join(strip_bidi_controls(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(_("Enter your name."), code="required")
        if MARKUP_CHARACTERS & set(name):
            raise forms.ValidationError(_("Enter your name without the characters < and >."), code="markup")
        return name

    def clean_organisation(self):
        return " ".join(strip_bidi_controls(self.cleaned_data["organisation"]).split())


# Newsletter sign-up ------------------------------------------------------------------------------


class NewsletterForm(forms.Form):
    """The newsletter sign-up: an address and the consent, whose label is the site's consent text
    (`CampaignSettings.newsletter_consent_text()`)."""

    email = forms.EmailField(
        label=_("E-mail address"), max_length=254,
        help_text=_("We send a link to this address: the subscription starts when you confirm it."),
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Tick the box to agree; without it we cannot send you the newsletter.")},
    )

    def __init__(self, *args, consent_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text
        self.fields["consent"].label = consent_text
        self.fields["email"].widget.attrs["autocomplete"] = "email"
