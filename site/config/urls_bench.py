"""The site's URLs plus one view that does nothing, for `manage.py bench`: its rate is the ceiling
of the machine (gunicorn, middleware, the load generator) that every real page is measured against."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *site_urlpatterns]
