"""`manage.py bench`: production settings, made runnable on one machine without any environment.

Everything production would read from the environment is fixed here (a throw-away secret key, local
hosts, plain HTTP, no outgoing mail), so the numbers measure the production code path and nothing
leaks out of the benchmark.
"""

import os

# production.py reads these without defaults; give it harmless ones before it is imported.
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-never-used-in-production")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from .production import *  # noqa: E402, F403
from .production import BASE_DIR, env  # noqa: E402

DEBUG = False
SECRET_KEY = "bench-only-secret-key-never-used-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "config.urls_bench"

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/reuse_bench"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)

# Plain HTTP on 127.0.0.1: no redirect to HTTPS, no HSTS, cookies sent without TLS.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Static files as production serves them (whitenoise, hashed and compressed by collectstatic), in a
# folder of their own so that the development site's files are left alone.
STATIC_ROOT = BASE_DIR / "var" / "bench" / "static"
MEDIA_ROOT = BASE_DIR / "var" / "bench" / "media"

EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": []}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
}

# The open data API's per-client limit, far above what the load generator sends from one address.
API_RATE_LIMIT = "1000000/minute"
