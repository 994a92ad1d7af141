from django.conf import settings
from django.urls import translate_url

from . import permissions


def navigation(request):
    """The language switcher's links (the same page in each language) and the coordinator link."""
    path = request.get_full_path()
    languages = [
        {"code": code, "name": name, "url": translate_url(path, code)}
        for code, name in settings.LANGUAGES
    ]
    user = getattr(request, "user", None)
    return {
        "language_links": languages,
        "nav_is_coordinator": bool(user and permissions.is_coordinator(user)),
    }
