"""The campaign's sections in the site's header and footer, on every page of the site.

Editors choose them with Wagtail's "Show in menus" on the home page's children: standard pages (about,
privacy, contact) go to the footer, everything else to the header. Read once per language and content
version from the shared cache, so a page pays for them only after a publication.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from .cache import content_version
from .models import StandardPage

MENU_CACHE_SECONDS = 3600


def _menu(language: str) -> dict:
    key = f"campaign:menu:{content_version()}:{language}"
    menu = cache.get(key)
    if menu is None:
        menu = {"header": [], "footer": []}
        pages = (
            Page.objects.filter(depth=3, live=True, show_in_menus=True, locale__language_code=language)
            .only("title", "url_path", "path", "depth", "content_type_id", "locale_id")
            .order_by("path")
        )
        standard_type = ContentType.objects.get_for_model(StandardPage).pk
        for page in pages:
            if url := page.get_url():
                menu["footer" if page.content_type_id == standard_type else "header"].append(
                    {"title": page.title, "url": url}
                )
        cache.set(key, menu, timeout=MENU_CACHE_SECONDS)
    return menu


def navigation(request):
    language = translation.get_language() or "en"
    return {"campaign_menu": SimpleLazyObject(lambda: _menu(language))}
