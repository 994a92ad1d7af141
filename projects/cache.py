"""The version of everything the showcase, the impact page and the open data show of projects.

Bumped after every change the public can see (see `projects.services`); cached public answers carry it
in their keys, next to the catalogue's version, so they are dropped as soon as either changes.
"""

from reuse_projects.cache import bump, changed_at, version

VERSION_KEY = "projects:showcase-version"


def showcase_version() -> int:
    return version(VERSION_KEY)


def showcase_changed_at() -> int:
    return changed_at(VERSION_KEY)


def bump_showcase_version() -> None:
    bump(VERSION_KEY)
