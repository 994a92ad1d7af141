"""robots.txt and sitemap.xml for the whole site (outside the language prefixes)."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from network.emails import absolute_url

from ..sitemaps import CampaignSitemap, PublicPagesSitemap

# Pages reached only through a personal link (a token): never to be crawled. Token routes sit under a
# language prefix, so each is disallowed in every language.
TOKEN_ROUTES = [
    ("campaign:newsletter_confirm", {"token": "TOKEN"}),
    ("campaign:newsletter_unsubscribe", {"token": "TOKEN"}),
    ("campaign:registration_detail", {"token": "TOKEN"}),
]


def _token_prefixes() -> list[str]:
    prefixes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name, kwargs in TOKEN_ROUTES:
                prefix = reverse(name, kwargs=kwargs).split("TOKEN")[0]
                if prefix not in prefixes:
                    prefixes.append(prefix)
    return prefixes


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "Allow: /api/",
        "Disallow: /cms/",
        "Disallow: /django-admin/",
        *(f"Disallow: /{code}/accounts/" for code, _name in settings.LANGUAGES),
        *(f"Disallow: {prefix}" for prefix in _token_prefixes()),
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def sitemap(request):
    return django_sitemap(
        request, {"campaign": CampaignSitemap(request), "platform": PublicPagesSitemap()},
        content_type="application/xml; charset=utf-8",
    )
