"""The campaign's sections in the site's header and footer, on every page of the site.

Editors choose them with Wagtail's "Show in menus" on the home pages' children: standard pages (about,
privacy, contact) go to the footer, everything else to the header. The menus of all languages are read in
one query after each publication and kept in the shared cache, so a page pays nothing for them in between.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from .cache import tree_version
from .models import StandardPage

MENU_CACHE_SECONDS = 3600
NO_MENU = {"header": [], "footer": []}


def menus() -> dict[str, dict]:
    """{language code: {"header": [{"title", "url"}], "footer": [...]}} for every language with a menu."""
    key = f"campaign:menus:{tree_version()}"
    found = cache.get(key)
    if found is None:
        found = {}
        standard_type = ContentType.objects.get_for_model(StandardPage).pk
        pages = (
            Page.objects.filter(depth=3, live=True, show_in_menus=True)
            .select_related("locale")
            .only("title", "url_path", "path", "depth", "content_type_id", "locale__language_code")
            .order_by("path")
        )
        for page in pages:
            if url := page.get_url():
                menu = found.setdefault(page.locale.language_code, {"header": [], "footer": []})
                menu["footer" if page.content_type_id == standard_type else "header"].append(
                    {"title": page.title, "url": url}
                )
        cache.set(key, found, timeout=MENU_CACHE_SECONDS)
    return found


def navigation(request):
    language = translation.get_language() or "en"
    return {"campaign_menu": SimpleLazyObject(lambda: menus().get(language, NO_MENU))}
