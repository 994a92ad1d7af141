"""Storage for private uploads: outside MEDIA_ROOT, no public URL, served by permission-checking views."""

from django.core.files.storage import storages


def private_storage():
    """A callable, so that migrations refer to it rather than to one configured location."""
    return storages["private"]


def private_file_response(field_file, *, download: bool = False):
    """Stream a private file to someone a view has already allowed to see it.

    Never cached by shared caches, never sniffed into another type, and rendered inert if a browser
    opens it inline. A file missing from storage is a 404, not a 500.
    """
    from django.http import FileResponse, Http404

    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=download, filename=field_file.name.rsplit("/", 1)[-1])
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'"
    return response
