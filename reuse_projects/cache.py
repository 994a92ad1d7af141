"""A version number for everything the public catalogue shows, in the shared cache.

Every recorded change of a property bumps it (see services._record), so cached public answers keyed
by it are dropped at once on every app server that shares the cache (Redis in production). With the
default per-process memory cache, other processes notice within the answers' time to live.
"""

from django.core.cache import cache

VERSION_KEY = "reuse_projects:catalogue-version"


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_catalogue_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): start a new series
        cache.set(VERSION_KEY, 2, timeout=None)
