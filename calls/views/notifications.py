"""The signed-in person's on-site notifications: the list, opening one, marking all read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..context_processors import forget_unread_notifications
from ..models import Notification

PAGE_SIZE = 30


@login_required
def notification_list(request):
    """Everyone sees only their own notifications; there is nothing else to decide."""
    page = Paginator(Notification.objects.filter(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "calls/notification_list.html", {"page": page, "notifications": page.object_list})


@login_required
@require_POST
def notification_open(request, pk):
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    if notification.read_at is None:
        Notification.objects.filter(pk=pk).update(read_at=timezone.now())
        forget_unread_notifications([request.user.pk])
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = "calls:notification_list"
    return redirect(target or "calls:notification_list")


@login_required
@require_POST
def notification_read_all(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    forget_unread_notifications([request.user.pk])
    return redirect("calls:notification_list")


urlpatterns = [
    path("notifications/", notification_list, name="notification_list"),
    path("notifications/<int:pk>/open/", notification_open, name="notification_open"),
    path("notifications/read/", notification_read_all, name="notification_read_all"),
]
