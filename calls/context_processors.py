"""The reviewer's link in the main navigation, from a cached flag so that pages cost no extra query.

The flag is computed when the person signs in (`remember_has_reviews`, connected in `CallsConfig.ready`),
and dropped by the services whenever reviews are assigned or removed; a missing flag (a cold or
evicted cache) costs one EXISTS query and is stored again.
"""

from django.core.cache import cache
from django.db import transaction

from .models import Notification, Review

FLAG_KEY = "calls:has-reviews:%s"
FLAG_SECONDS = 24 * 3600


def has_reviews(user) -> bool:
    value = cache.get(FLAG_KEY % user.pk)
    if value is None:
        value = Review.objects.filter(reviewer_id=user.pk).exists()
        cache.set(FLAG_KEY % user.pk, value, FLAG_SECONDS)
    return value


def forget_has_reviews(user_ids) -> None:
    """Drop the flags now and again once the transaction commits (a page rendered in between may have
    stored the old answer)."""
    keys = [FLAG_KEY % pk for pk in set(user_ids)]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def remember_has_reviews(sender, request, user, **kwargs):
    """On sign-in: compute the flag, so that the pages that follow find it in the cache."""
    cache.set(FLAG_KEY % user.pk, Review.objects.filter(reviewer_id=user.pk).exists(), FLAG_SECONDS)


def navigation(request):
    """Whether to show "Reviews" in the main navigation: only for a signed-in user who has a review."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_has_reviews": False}
    return {"nav_has_reviews": has_reviews(user)}


# The unread notifications count beside "Notifications", cached like the flag above. Short-lived: with a
# per-process cache (no CACHE_URL) another process's notice shows here within a minute.
UNREAD_KEY = "calls:unread:%s"
UNREAD_SECONDS = 60


def unread_notifications(user) -> int:
    value = cache.get(UNREAD_KEY % user.pk)
    if value is None:
        value = Notification.objects.filter(user_id=user.pk, read_at__isnull=True).count()
        cache.set(UNREAD_KEY % user.pk, value, UNREAD_SECONDS)
    return value


def forget_unread_notifications(user_ids) -> None:
    keys = [UNREAD_KEY % pk for pk in set(user_ids)]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def remember_unread_notifications(sender, request, user, **kwargs):
    cache.delete(UNREAD_KEY % user.pk)
    unread_notifications(user)


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_unread_notifications": 0}
    return {"nav_unread_notifications": unread_notifications(user)}
