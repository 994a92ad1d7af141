"""Where search engines and social networks find the campaign: each page's canonical address, its versions
in the other languages (hreflang), its sharing tags (Open Graph), and `sitemap.xml` with every public
campaign page of every language beside the platform's main public pages.

Addresses are absolute on the site's public address (SITE_URL, as in e-mails: `network.emails.absolute_url`),
so that a page kept in the shared cache never carries the Host header of the request that filled it.
A page that is not translated yet is an alias of the English original: it is never indexed on its own, and
its canonical address is the original's.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

from network.emails import absolute_url

# hreflang takes BCP 47 tags: the script of Serbian in Latin letters is a subtag.
HREFLANG = {"sr-latn": "sr-Latn"}
# Open Graph wants language_TERRITORY; Romanian is here Moldova's, Serbian Latin has no locale of its own.
OG_LOCALES = {
    "en": "en_GB", "sq": "sq_AL", "bs": "bs_BA", "mk": "mk_MK", "sr": "sr_RS", "sr-latn": "sr_RS", "ro": "ro_MD",
}
SHARING_IMAGE_SPEC = "fill-1200x630"
# The platform's public lists, in every language, beside the campaign's pages.
PUBLIC_PAGES = [
    "reuse_projects:property_list",
    "reuse_projects:property_map",
    "calls:call_list",
    "projects:project_list",
    "projects:impact",
    "network:organisation_directory",
    "opendata:index",
]


def hreflang(language_code: str) -> str:
    return HREFLANG.get(language_code, language_code)


def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code.replace("-", "_"))


def page_full_url(page, request=None) -> str | None:
    """The page's absolute address, or None when no site serves it."""
    parts = page.get_url_parts(request)
    if not parts or parts[2] is None:
        return None
    return absolute_url(parts[2])


def alternates(translations: dict, request=None) -> list[dict]:
    """`{"lang_code", "location"}` for each translation that is not an alias, in the order of LANGUAGES,
    then `x-default`: the English page."""
    links = []
    for code, _name in settings.LANGUAGES:
        sibling = translations.get(code)
        if sibling is None or sibling.alias_of_id:
            continue
        location = page_full_url(sibling, request)
        if location:
            links.append({"lang_code": hreflang(code), "location": location})
    default = next((link for link in links if link["lang_code"] == hreflang(settings.LANGUAGE_CODE)), None)
    if default:
        links.append({"lang_code": "x-default", "location": default["location"]})
    return links


def _original(page, translations: dict):
    """For an alias, the page it mirrors (among the live translations when it is there)."""
    original = next((sibling for sibling in translations.values() if sibling.pk == page.alias_of_id), None)
    return original or Page.objects.get(pk=page.alias_of_id)


def canonical_url(page, translations: dict, request=None) -> str | None:
    return page_full_url(_original(page, translations) if page.alias_of_id else page, request)


def _language_of(page, translations: dict) -> str:
    code = next((code for code, sibling in translations.items() if sibling.pk == page.pk), None)
    return code or page.locale.language_code


def _description(page) -> str:
    """The search description, else the page's own summary or introduction."""
    for field in ("search_description", "summary", "intro", "hero_text"):
        text = " ".join(str(getattr(page, field, "") or "").split())
        if text:
            return text if len(text) <= 300 else text[:299].rstrip() + "…"
    return ""


def _image_alt(page, image) -> str:
    """The alternative text the page gives its image: pages keep it beside the image as `<field>_alt`
    (`image_alt`, `hero_image_alt`, `after_image_alt`...); a sharing image of its own uses the image's."""
    if image.pk != page.social_image_id:
        for field in ("image", "hero_image", "after_image", "before_image"):
            if getattr(page, f"{field}_id", None) == image.pk and getattr(page, f"{field}_alt", ""):
                return getattr(page, f"{field}_alt")
    return image.default_alt_text or ""


def sharing_image(page) -> dict | None:
    image = page.sharing_image()
    if image is None:
        return None
    rendition = image.get_rendition(SHARING_IMAGE_SPEC)
    return {"url": absolute_url(rendition.url), "width": rendition.width, "height": rendition.height,
            "alt": _image_alt(page, image)}


def sharing_type(page) -> str:
    """Open Graph type: stories and news are articles, the rest of the campaign is the website."""
    from .models import NewsPage, StoryPage

    return "article" if isinstance(page, (NewsPage, StoryPage)) else "website"


def seo_tags(page) -> dict:
    """Everything the head of a campaign page says to search engines and social networks: the canonical
    address, the alternates in other languages and the Open Graph values. One query for the
    translations, one for the image's rendition."""
    translations = page.live_translations()
    canonical = canonical_url(page, translations)
    language = _language_of(_original(page, translations) if page.alias_of_id else page, translations)
    image = sharing_image(page)
    links = alternates(translations)
    return {
        "canonical": canonical,
        "alternates": links,
        "title": page.seo_title or page.title,
        "description": _description(page),
        "type": sharing_type(page),
        "locale": og_locale(language),
        "locale_alternates": list(dict.fromkeys(
            og_locale(code) for code, sibling in translations.items()
            if not sibling.alias_of_id and og_locale(code) != og_locale(language)
        )),
        "image": image,
        "twitter_card": "summary_large_image" if image else "summary",
    }


def sitemap_entries(page, translations: dict, request=None) -> list[dict]:
    """The page's entry in sitemap.xml (none for an alias), with its alternates."""
    if page.alias_of_id:
        return []
    location = page_full_url(page, request)
    if not location:
        return []
    return [{"location": location, "lastmod": page.last_published_at or page.latest_revision_created_at,
             "alternates": alternates(translations, request)}]


class CampaignSitemap(Sitemap):
    """Every live, public campaign page of every language that is not an alias. Pages and their
    translations are read together (the translations of a page are the other pages of the list with its
    translation key), so the number of queries does not grow with the pages."""

    limit = 10_000

    def __init__(self, request=None):
        self.request = request

    def _roots(self):
        site = Site.find_for_request(self.request) if self.request else None
        site = site or Site.objects.select_related("root_page").get(is_default_site=True)
        root = site.root_page
        return Page.objects.filter(translation_key=root.translation_key, depth=root.depth).only("path")

    def items(self):
        within_site = Q()
        for root in self._roots():
            within_site |= Q(path__startswith=root.path)
        return (
            Page.objects.live().public().filter(within_site, alias_of__isnull=True)
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "translation_key", "alias_of_id", "last_published_at",
                  "latest_revision_created_at", "locale__language_code")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key = defaultdict(dict)
        for item in pages:
            by_key[item.translation_key][item.locale.language_code] = item
        urls = [entry for item in pages for entry in sitemap_entries(item, by_key[item.translation_key],
                                                                      self.request)]
        dates = [url["lastmod"] for url in urls]
        if dates and None not in dates:
            self.latest_lastmod = max(dates)
        return urls


class PublicPagesSitemap(Sitemap):
    """The platform's public lists (properties, map, calls, projects, impact, organisations, open data)
    in each of the seven languages, each with its alternates."""

    def items(self):
        return PUBLIC_PAGES

    def _urls(self, page, protocol, domain):
        urls = []
        for name in self.paginator.page(page).object_list:
            locations = {}
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    locations[code] = absolute_url(reverse(name))
            links = [{"lang_code": hreflang(code), "location": location} for code, location in locations.items()]
            links.append({"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]})
            urls.extend({"location": location, "alternates": links} for location in locations.values())
        return urls
