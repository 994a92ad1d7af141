"""Storage for private uploads: outside MEDIA_ROOT, no public URL, served by permission-checking views."""

from django.core.files.storage import storages


def private_storage():
    """A callable, so that migrations refer to it rather than to one configured location."""
    return storages["private"]
