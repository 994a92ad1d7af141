"""The awareness campaign: Wagtail pages edited at /cms/ in seven languages, plus the records visitors leave
(event registrations, newsletter subscriptions) and the resources library's documents.

Tree: one HomePage per locale (the English one is the site's root page; the others are its
translations or, until translated, its aliases). Under it: campaign pages, standard pages (about,
privacy, contact), and one index each for stories, events, resources and news.
"""

import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from network.thematic_areas import THEMATIC_AREAS

from .blocks import BodyBlock, SimpleBodyBlock, TakePartBlock

# The region's time zones (Moldova is one hour ahead of the rest); events keep theirs.
TIME_ZONES = [
    ("Europe/Tirane", "Europe/Tirane"),
    ("Europe/Sarajevo", "Europe/Sarajevo"),
    ("Europe/Podgorica", "Europe/Podgorica"),
    ("Europe/Skopje", "Europe/Skopje"),
    ("Europe/Belgrade", "Europe/Belgrade"),
    ("Europe/Chisinau", "Europe/Chisinau"),
    ("Europe/Vienna", "Europe/Vienna"),
    ("Europe/Brussels", "Europe/Brussels"),
    ("UTC", "UTC"),
]


class CampaignPageBase(Page):
    """What every campaign page has: a sharing image (Open Graph) beside Wagtail's SEO title and
    description, and the cache for anonymous visitors (see `campaign.cache`)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("Sharing image"),
        help_text=_("Shown when the page is shared on social media. Defaults to the page's main image."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]
    # Pages whose answer is the same for every anonymous visitor are kept in the shared cache.
    cache_for_anonymous = True

    class Meta:
        abstract = True

    def main_image(self):
        """The page's own image, if it has one (used for sharing when no sharing image is set)."""
        return None

    def sharing_image(self):
        return self.social_image or self.main_image()

    # Search engines and sharing (see `campaign.sitemaps` and `campaign/includes/seo_head.html`) ---------

    def live_translations(self) -> dict:
        """This page in each locale where it is live (translations and aliases), by language code: one
        query, read once per page object."""
        if not hasattr(self, "_live_translations"):
            from .translation import page_translations

            self._live_translations = page_translations(self)
        return self._live_translations

    def canonical_url(self, request=None) -> str | None:
        """The address to index: the page's own, or for an alias (not translated yet) its original's."""
        from .sitemaps import canonical_url

        return canonical_url(self, self.live_translations(), request)

    def seo_tags(self) -> dict:
        """Canonical address, hreflang alternates and Open Graph values for the page's head."""
        if not hasattr(self, "_seo_tags"):
            from .sitemaps import seo_tags

            self._seo_tags = seo_tags(self)
        return self._seo_tags

    def get_sitemap_urls(self, request=None):
        from .sitemaps import sitemap_entries

        return sitemap_entries(self, self.live_translations(), request)

    def get_context(self, request, *args, **kwargs):
        """Adds the page's languages (see `campaign.translation`): the switcher's links to this page in each
        language (overriding the context processor's), the language of its content and the notice
        shown while it is not translated."""
        from .translation import language_context

        context = super().get_context(request, *args, **kwargs)
        context.update(language_context(self, request, self.live_translations()))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.cache_for_anonymous:
            request.campaign_page_cacheable = True
        return response


class RoutableCampaignPage(RoutablePageMixin, CampaignPageBase):
    """A campaign page with routes below it (forms, feeds, files). Routes answer without
    `CampaignPageBase.serve()`: only the page itself (the index route) is kept for anonymous visitors."""

    class Meta:
        abstract = True

    @path("")
    def index_route(self, request, *args, **kwargs):
        request.campaign_page_cacheable = self.cache_for_anonymous
        return super().index_route(request, *args, **kwargs)


class HomePage(CampaignPageBase):
    """The campaign's front page in one language: its message, the platform's live figures, featured
    stories and project posts, the next events and the ways to take part. Edited at /cms/ (the root of
    each language's tree)."""

    hero_title = models.CharField(_("Message"), max_length=200)
    hero_text = models.TextField(_("Introduction"), max_length=1500, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("Image"),
    )
    hero_image_alt = models.CharField(_("Alternative text of the image"), max_length=250, blank=True)
    take_part = StreamField(TakePartBlock(), blank=True, verbose_name=_("Ways to take part"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("More content"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image"),
                         FieldPanel("hero_image_alt")], heading=_("Message")),
        InlinePanel("featured_stories", label=_("Featured stories"), max_num=6),
        FieldPanel("take_part"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campaign.CampaignPage", "campaign.StandardPage", "campaign.StoryIndexPage",
        "campaign.EventIndexPage", "campaign.ResourceIndexPage", "campaign.NewsIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def main_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["figures"] = selectors.home_figures()
        context["stories"] = selectors.featured_stories(self)
        context["posts"] = selectors.featured_project_posts()
        context["events"] = selectors.upcoming_events(self.locale_id)
        context["indexes"] = selectors.home_indexes(self)
        return context


class HomeFeaturedStory(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey("campaign.StoryPage", on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("Story"))

    panels = [FieldPanel("story")]


class CampaignPage(CampaignPageBase):
    """A campaign page built from blocks (what re-use is, its benefits, how to take part...)."""

    intro = models.TextField(_("Introduction"), max_length=1500, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("Image"),
    )
    image_alt = models.CharField(_("Alternative text of the image"), max_length=250, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Content"))

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("image"), FieldPanel("image_alt"),
                      FieldPanel("body")]
    parent_page_types = ["campaign.HomePage", "campaign.CampaignPage"]
    subpage_types = ["campaign.CampaignPage", "campaign.StandardPage"]

    class Meta:
        verbose_name = _("campaign page")

    def main_image(self):
        return self.image


class StandardPage(CampaignPageBase):
    """A plain page: about, privacy, contact."""

    intro = models.TextField(_("Introduction"), max_length=1500, blank=True)
    body = StreamField(SimpleBodyBlock(), blank=True, verbose_name=_("Content"))

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["campaign.HomePage", "campaign.CampaignPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")


class StoryIndexPage(CampaignPageBase):
    """The list of stories, filtered by country and theme."""

    intro = models.TextField(_("Introduction"), max_length=1500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["campaign.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.story_index_context(self, request.GET))
        return context


class StoryPage(CampaignPageBase):
    """A case study of re-use: the place before and after, the CSO, the people it serves, linked to the
    re-use project and its property when the platform has them."""

    summary = models.TextField(_("Summary"), max_length=600)
    country = CountryField(_("Country"), blank=True)
    theme = models.CharField(_("Theme"), max_length=40, choices=THEMATIC_AREAS, blank=True)
    organisation_name = models.CharField(
        _("Organisation"), max_length=200, blank=True,
        help_text=_("The CSO that runs it, if it is not linked to a re-use project below."),
    )
    project = models.ForeignKey(
        "projects.ReuseProject", null=True, blank=True, on_delete=models.SET_NULL, related_name="stories",
        verbose_name=_("Re-use project"),
        help_text=_("The project's CSO, property and people served are then shown from the platform."),
    )
    before_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("Before: image"),
    )
    before_image_alt = models.CharField(_("Before: alternative text"), max_length=250, blank=True)
    before_text = RichTextField(_("Before"), features=["bold", "italic", "link"], blank=True)
    after_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("After: image"),
    )
    after_image_alt = models.CharField(_("After: alternative text"), max_length=250, blank=True)
    after_text = RichTextField(_("After"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(SimpleBodyBlock(), blank=True, verbose_name=_("The story"))
    featured = models.BooleanField(_("Featured"), default=False,
                                   help_text=_("Featured stories are shown first on the home page."))

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("before_text"),
                     index.SearchField("after_text"), index.SearchField("body"),
                     index.FilterField("country"), index.FilterField("theme")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("theme")]),
        FieldPanel("project"),
        FieldPanel("organisation_name"),
        MultiFieldPanel([FieldPanel("before_image"), FieldPanel("before_image_alt"), FieldPanel("before_text")],
                        heading=_("Before")),
        MultiFieldPanel([FieldPanel("after_image"), FieldPanel("after_image_alt"), FieldPanel("after_text")],
                        heading=_("After")),
        FieldPanel("body"),
        FieldPanel("featured"),
    ]
    parent_page_types = ["campaign.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def main_image(self):
        return self.after_image or self.before_image

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.story_context(self, request.user))
        return context


class EventIndexPage(CampaignPageBase):
    """Upcoming and past events and trainings."""

    intro = models.TextField(_("Introduction"), max_length=1500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["campaign.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        from .views.events import event_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_list_context(request, self))
        return context


class EventPage(RoutableCampaignPage):
    """An awareness workshop or a training, with registration, a waiting list when it is full and an
    .ics file. Registrations are shared by the event's translations (counted by translation key)."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Awareness workshop")
        TRAINING = "training", _("Training")
        CONFERENCE = "conference", _("Conference")
        WEBINAR = "webinar", _("Webinar")
        OTHER = "other", _("Other event")

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        PUBLIC = "public", _("The public")
        CSOS = "csos", _("Civil society organisations")
        AMOS = "amos", _("Asset Management Offices")
        MUNICIPALITIES = "municipalities", _("Municipalities")
        MEDIA = "media", _("Media")
        PROSECUTORS = "prosecutors", _("Prosecutors and judges")

    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices, default=Kind.WORKSHOP)
    summary = models.TextField(_("Summary"), max_length=600)
    starts_at = models.DateTimeField(_("Starts"))
    ends_at = models.DateTimeField(_("Ends"))
    time_zone = models.CharField(_("Time zone"), max_length=40, choices=TIME_ZONES, default="Europe/Belgrade",
                                 help_text=_("The times are entered and shown in this time zone."))
    is_online = models.BooleanField(_("Online"), default=False)
    venue = models.CharField(_("Venue"), max_length=200, blank=True)
    address = models.CharField(_("Address"), max_length=300, blank=True)
    country = CountryField(_("Country"), blank=True)
    online_url = models.URLField(_("Online meeting address"), blank=True,
                                 help_text=_("Sent only to confirmed participants, never shown on the page."))
    event_language = models.CharField(_("Language of the event"), max_length=10, choices=settings.LANGUAGES,
                                      default="en")
    audience = models.CharField(_("Audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    capacity = models.PositiveIntegerField(
        _("Places"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100_000)],
        help_text=_("Leave empty for no limit. When every place is taken, visitors join the waiting list."),
    )
    registration_open = models.BooleanField(_("Registration open"), default=True)
    registration_closes_at = models.DateTimeField(_("Registration closes"), null=True, blank=True)
    consent_text = models.TextField(
        _("Consent text"), max_length=2000,
        default=_("I agree that the organisers keep my name, e-mail address and organisation to run this "
                  "event and to contact me about it. They are deleted six months after the event."),
    )
    body = StreamField(SimpleBodyBlock(), blank=True, verbose_name=_("Details"))

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body"),
                     index.FilterField("starts_at")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("time_zone")],
                        heading=_("When")),
        MultiFieldPanel([FieldPanel("is_online"), FieldPanel("venue"), FieldPanel("address"), FieldPanel("country"),
                         FieldPanel("online_url")], heading=_("Where")),
        FieldRowPanel([FieldPanel("event_language"), FieldPanel("audience")]),
        MultiFieldPanel([FieldPanel("capacity"), FieldPanel("registration_open"),
                         FieldPanel("registration_closes_at"), FieldPanel("consent_text")],
                        heading=_("Registration")),
        FieldPanel("body"),
    ]
    parent_page_types = ["campaign.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})
        if not self.is_online and not self.venue:
            raise ValidationError({"venue": _("Give the venue, or mark the event as online.")})

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def is_past(self):
        return self.ends_at <= timezone.now()

    @property
    def zone_label(self) -> str:
        """The time zone named with its offset at the start: "Europe/Tirane, UTC+01:00"."""
        offset = self.local_start.strftime("%z")
        return f"{self.time_zone}, UTC{offset[:3]}:{offset[3:]}"

    def get_context(self, request, *args, **kwargs):
        from .views.events import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(request, self))
        return context

    @path("register/")
    def register(self, request):
        from .views.events import event_register

        return event_register(request, self)

    # Wagtail serves only paths of letters, digits, "-" and "_" ending in "/": "calendar.ics" would never
    # reach the page, so the file is at calendar/ (named event.ics by its Content-Disposition).
    @path("calendar/")
    def calendar(self, request):
        from .views.events import event_calendar

        return event_calendar(request, self)


class ResourceIndexPage(CampaignPageBase):
    """The resources library: the documents marked as resources, filtered by type, language, country
    and year."""

    intro = models.TextField(_("Introduction"), max_length=1500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resources library")

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.resource_index_context(request.GET))
        return context


class CampaignDocument(AbstractDocument):
    """A Wagtail document; with a resource type it is listed in the resources library."""

    class ResourceType(models.TextChoices):
        HANDBOOK = "handbook", _("Handbook")
        STUDY = "study", _("Study")
        GUIDELINES = "guidelines", _("Guidelines")
        TOOLKIT = "toolkit", _("Toolkit")
        REPORT = "report", _("Report")
        LEGISLATION = "legislation", _("Legislation")

    resource_type = models.CharField(
        _("Resource type"), max_length=20, choices=ResourceType.choices, blank=True,
        help_text=_("Give a type to list the document in the resources library."),
    )
    description = models.TextField(_("Description"), max_length=2000, blank=True)
    language = models.CharField(_("Language"), max_length=10, choices=settings.LANGUAGES, blank=True)
    country = CountryField(_("Country"), blank=True, help_text=_("Leave empty for the whole region."))
    year = models.PositiveSmallIntegerField(
        _("Year"), null=True, blank=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )

    admin_form_fields = (*Document.admin_form_fields, "resource_type", "description", "language", "country",
                         "year")

    class Meta(AbstractDocument.Meta):
        permissions = [("choose_document", "Can choose document")]
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class NewsIndexPage(RoutableCampaignPage):
    """News, newest first, with an RSS feed at `feed/`."""

    intro = models.TextField(_("Introduction"), max_length=1500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["campaign.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        """The live news items of this index (so of its locale), newest first."""
        return (
            NewsPage.objects.child_of(self).live().filter(locale_id=self.locale_id)
            .order_by("-date", "-first_published_at", "-pk")
        )

    def feed_url(self) -> str | None:
        url = self.url
        return url + self.reverse_subpage("feed") if url else None

    def get_context(self, request, *args, **kwargs):
        from .views.news import news_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(news_list_context(request, self))
        return context

    @path("feed/")
    def feed(self, request):
        from .views.news import news_feed

        return news_feed(request, self)


class NewsPage(CampaignPageBase):
    """A news item."""

    date = models.DateField(_("Date"), default=timezone.localdate)
    summary = models.TextField(_("Summary"), max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("Image"),
    )
    image_alt = models.CharField(_("Alternative text of the image"), max_length=250, blank=True)
    body = StreamField(SimpleBodyBlock(), blank=True, verbose_name=_("Content"))

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body"),
                     index.FilterField("date")]
    content_panels = [*Page.content_panels, FieldPanel("date"), FieldPanel("summary"), FieldPanel("image"),
                      FieldPanel("image_alt"), FieldPanel("body")]
    parent_page_types = ["campaign.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def main_image(self):
        return self.image

    def feed_url(self) -> str:
        """The RSS feed of the news index this item is in."""
        return self.get_parent().specific_deferred.feed_url()


# What visitors leave behind ----------------------------------------------------------------------

def _token() -> str:
    return secrets.token_urlsafe(32)


class EventRegistration(models.Model):
    """One person's place (or place on the waiting list) at an event. `event_key` is the event's
    translation key, so the English and the Albanian page of one event share their places."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations",
                              verbose_name=_("Event"))
    event_key = models.UUIDField(db_index=True, editable=False)
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-mail address"), max_length=254)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    language = models.CharField(_("Language"), max_length=10, choices=settings.LANGUAGES, default="en")
    access_needs = models.TextField(_("Access needs"), max_length=1000, blank=True)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices)
    consent_text = models.TextField(_("Consent given to"), max_length=2000)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(_("Registered"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("Cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event_key", Lower("email"), condition=~models.Q(status="cancelled"),
                name="one_live_registration_per_email_per_event",
            ),
        ]
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")

    def __str__(self):
        return f"{self.name} <{self.email}>"


class NewsletterSubscription(models.Model):
    """An address that asked for the newsletter: pending until the link in the e-mail is followed
    (double opt-in); unsubscribing is one click from every newsletter e-mail."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("E-mail address"), max_length=254)
    language = models.CharField(_("Language"), max_length=10, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    consent_text = models.TextField(_("Consent given to"), max_length=2000)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(_("Signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("Confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("Unsubscribed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="one_subscription_per_email")]
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")

    def __str__(self):
        return self.email


STANDARD_NEWSLETTER_CONSENT = _(
    "I want to receive the network's newsletter (about once a month). I can unsubscribe with one click from any "
    "issue."
)


@register_setting(icon="site")
class CampaignSettings(BaseSiteSetting):
    """Site-wide campaign texts, edited under Settings in /cms/."""

    newsletter_consent = models.TextField(
        _("Newsletter consent text"), max_length=2000, blank=True,
        help_text=_("Leave empty for the standard text, which is shown in the visitor's language."),
    )
    contact_email = models.EmailField(_("Contact e-mail address"), blank=True)

    panels = [FieldPanel("newsletter_consent"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("campaign settings")

    def newsletter_consent_text(self) -> str:
        """The editors' text, or the standard one in the current language."""
        return self.newsletter_consent or str(STANDARD_NEWSLETTER_CONSENT)
