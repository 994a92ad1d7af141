"""Version numbers for what the public sees, in the shared cache.

Every recorded change bumps the version of its dataset (see `reuse_projects.services._record` for the
catalogue), so cached public answers keyed by it are dropped at once on every app server that shares
the cache (Redis in production). With the default per-process memory cache, other processes notice
within the answers' time to live. The time of the last bump is kept beside it, for `Last-Modified`.
"""

import time

from django.core.cache import cache

VERSION_KEY = "reuse_projects:catalogue-version"


def version(key: str) -> int:
    value = cache.get(key)
    if value is None:
        cache.add(key, 1, timeout=None)
        value = cache.get(key, 1)
    return value


def changed_at(key: str) -> int:
    """When the dataset last changed, as a POSIX timestamp (the first time it is asked, if never)."""
    cache.add(f"{key}:at", int(time.time()), timeout=None)
    return cache.get(f"{key}:at") or int(time.time())


def bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not set yet (or evicted): start a new series
        cache.set(key, 2, timeout=None)
    cache.set(f"{key}:at", int(time.time()), timeout=None)


def catalogue_version() -> int:
    return version(VERSION_KEY)


def bump_catalogue_version() -> None:
    bump(VERSION_KEY)
