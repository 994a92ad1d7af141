from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from campaign.views.seo import robots_txt, sitemap
from network.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("django-admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("opendata.api.urls")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("network.urls")),
    path("", include("reuse_projects.urls")),
    path("", include("calls.urls")),
    path("", include("projects.urls")),
    path("open-data/", include("opendata.urls")),
    path("search/", include("search.urls")),
    path("", include("campaign.urls")),
    # Wagtail serves the campaign (the home page of each language and everything under it): last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
