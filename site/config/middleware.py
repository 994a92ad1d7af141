"""Site-wide middleware that belongs to the URL layout rather than to an app."""

from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Paths outside the language prefixes (see config/urls.py): a 404 there is final.
UNLOCALISED_PREFIXES = ("/api/", "/cms/", "/documents/", "/django-admin/", "/i18n/", "/static/", "/media/")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware answers a 404 without a language prefix by redirecting to the prefixed
    path when that path resolves. Wagtail's page pattern, last in the language prefixes, resolves every
    path, so an unknown API id or document would be redirected to /en/api/... instead of staying a 404."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNLOCALISED_PREFIXES):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
