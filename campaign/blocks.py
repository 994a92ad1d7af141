"""The StreamField blocks campaign pages are built from, one template each in templates/campaign/blocks/."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .figures import FIGURE_CHOICES, figures_for


class HeadingBlock(blocks.StructBlock):
    """A section heading. Level 2 or 3: the page title is the only level 1."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2",
        localize=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "campaign/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    """An image with the text alternative a screen reader reads and an optional visible caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"), max_length=250, required=False,
        help_text=_("What the image shows, for people who cannot see it. Leave empty only if it is decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "campaign/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "campaign/blocks/quote.html"


class FiguresBlock(blocks.StructBlock):
    """Live figures of the platform, computed from its data (never typed in)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    figures = blocks.MultipleChoiceBlock(label=_("Figures"), choices=FIGURE_CHOICES, localize=False)

    class Meta:
        icon = "table"
        label = _("Figures from the platform")
        template = "campaign/blocks/figures.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["figures"] = figures_for(value.get("figures") or [])
        return context


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an address; exactly one of the two."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or give an address, not both."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), max_length=1000, required=False)
    button_text = blocks.CharBlock(label=_("Button text"), max_length=80)
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "campaign/blocks/call_to_action.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"])


class FaqBlock(blocks.StructBlock):
    """Questions and answers as an accordion (native disclosure widgets: keyboard and screen reader ready)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "campaign/blocks/faq.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False,
                             help_text=_("Leave empty to use the document's own title."))

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "campaign/blocks/document.html"


class RelatedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"), min_num=1, max_num=12)

    class Meta:
        icon = "link"
        label = _("Related pages")
        template = "campaign/blocks/related_pages.html"


class ProjectMapBlock(blocks.StructBlock):
    """The map of public re-use projects (the showcase's own data, with its location privacy)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    country = blocks.ChoiceBlock(
        label=_("Country"), required=False, localize=False,
        choices=[(code, code) for code in settings.COUNTRIES_ONLY],
        help_text=_("Leave empty for the whole region."),
    )

    class Meta:
        icon = "site"
        label = _("Map of re-use projects")
        template = "campaign/blocks/project_map.html"

    def get_context(self, value, parent_context=None):
        """The showcase's own GeoJSON and list, filtered by the chosen country (see projects/urls.py)."""
        context = super().get_context(value, parent_context=parent_context)
        query = f"?{urlencode({'country': value['country']})}" if value.get("country") else ""
        context["geojson_url"] = reverse("projects:project_map_data") + query
        context["list_url"] = reverse("projects:project_list") + query
        context["map_tile_url"] = settings.MAP_TILE_URL
        context["map_tile_attribution"] = settings.MAP_TILE_ATTRIBUTION
        return context


def video_host_allowed(url: str) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme == "https" and (parts.hostname or "") in settings.CAMPAIGN_VIDEO_HOSTS


class VideoBlock(blocks.StructBlock):
    """A video embedded only from a configured host, always with its transcript and a plain link."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    embed_url = blocks.URLBlock(
        label=_("Embed address"), required=False,
        help_text=_("The player address from an allowed video host. Other addresses are shown as a link."),
    )
    link_url = blocks.URLBlock(label=_("Link to the video"))
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "campaign/blocks/video.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embeddable"] = video_host_allowed(value.get("embed_url"))
        return context


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul", "hr"]


class BodyBlock(blocks.StreamBlock):
    """Everything a campaign page can hold."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES,
                                     template="campaign/blocks/paragraph.html")
    image = ImageBlock()
    quote = QuoteBlock()
    figures = FiguresBlock()
    call_to_action = CallToActionBlock()
    faq = FaqBlock()
    document = DocumentBlock()
    related_pages = RelatedPagesBlock()
    project_map = ProjectMapBlock()
    video = VideoBlock()


class SimpleBodyBlock(blocks.StreamBlock):
    """The body of standard pages, stories, events and news: text, images, quotes, questions, downloads."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES,
                                     template="campaign/blocks/paragraph.html")
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FaqBlock()
    document = DocumentBlock()
    video = VideoBlock()


class TakePartBlock(blocks.StreamBlock):
    call_to_action = CallToActionBlock()

