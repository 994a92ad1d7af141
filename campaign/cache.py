"""Campaign pages for anonymous visitors, answered from the shared cache.

A page opts in by setting `request.campaign_page_cacheable` while it is served (see
`CampaignPageBase.serve`; forms live on routes that do not). The answer is stored only when it is a 200
that sets no cookie, and only for visitors who carry neither a session nor pending messages: such a
request is answered from the cache before the session, the user or the database are touched.

The key holds the content version (bumped whenever a page is published, unpublished, moved or
deleted, or a document, image or registration changes what a page shows) and the figures' version
(`campaign.figures`), so every app server sharing the cache drops stale pages at once.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation

from reuse_projects.cache import bump, version

from .figures import figures_version

CONTENT_VERSION_KEY = "campaign:content-version"
# Query parameters the campaign's pages read; any other one makes the request uncacheable (so that
# random query strings cannot fill the cache).
CACHEABLE_PARAMETERS = {"country", "theme", "type", "language", "year", "page", "when"}
MAX_QUERY_LENGTH = 200
HEADERS_KEPT = ("Content-Type", "Content-Language", "Link", "X-Robots-Tag")


def content_version() -> int:
    return version(CONTENT_VERSION_KEY)


def bump_content_version(**_kwargs) -> None:
    bump(CONTENT_VERSION_KEY)


# The page tree alone (what the menus show): bumped on publications, moves and deletions only.
TREE_VERSION_KEY = "campaign:tree-version"


def tree_version() -> int:
    return version(TREE_VERSION_KEY)


def bump_tree_version(**_kwargs) -> None:
    bump(CONTENT_VERSION_KEY)
    bump(TREE_VERSION_KEY)


def _cache_key(request) -> str | None:
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_LENGTH or set(request.GET) - CACHEABLE_PARAMETERS:
        return None
    if any(len(values) > 1 for _name, values in request.GET.lists()):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:  # answered with a 400 further on, never cached
        return None
    canonical = "&".join(f"{name}={request.GET[name]}" for name in sorted(request.GET))
    digest = hashlib.sha256(f"{host}{request.path}?{canonical}".encode()).hexdigest()
    return f"campaign:page:{content_version()}:{figures_version()}:{digest}"


def _is_anonymous_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _is_page_path(path: str) -> bool:
    """Whether Wagtail serves this path (resolved in the path's own language, as LocaleMiddleware will)."""
    language = translation.get_language_from_path(path)
    if not language:
        return False
    with translation.override(language):
        try:
            return resolve(path).url_name == "wagtail_serve"
        except Resolver404:
            return False


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.CAMPAIGN_PAGE_CACHE_SECONDS
        if not seconds or not _is_anonymous_request(request) or not _is_page_path(request.path_info):
            return self.get_response(request)
        key = _cache_key(request)
        if key is None:
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response[name] = value
            response["X-Campaign-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            getattr(request, "campaign_page_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
        ):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: response[name] for name in HEADERS_KEPT if name in response}
            cache.set(key, (response.status_code, headers, response.content), timeout=seconds)
            response["X-Campaign-Cache"] = "miss"
        return response
