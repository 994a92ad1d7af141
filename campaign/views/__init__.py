"""The campaign's views outside Wagtail's pages: event registration, the newsletter, feeds and SEO files."""

from django.utils.cache import add_never_cache_headers


def private(response):
    """Pages of one visitor or one token (forms, registrations, subscriptions): never stored, never indexed,
    and their address never sent to another site. `same-origin`, not `no-referrer`: with no referrer at all
    browsers send `Origin: null` on the page's own form posts, which the CSRF check rightly refuses."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response
