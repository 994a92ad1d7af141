from . import permissions


def navigation(request):
    """Whether to show the officer's dashboard in the main navigation."""
    user = getattr(request, "user", None)
    return {"nav_is_officer": bool(user and permissions.is_officer(user))}
