"""Show times in the signed-in person's time zone (their profile's, else the site's)."""

import zoneinfo

from django.utils import timezone


def user_time_zone(get_response):
    def middleware(request):
        name = getattr(request.user, "time_zone", "") if request.user.is_authenticated else ""
        try:
            zone = zoneinfo.ZoneInfo(name) if name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = None
        if zone is None:
            timezone.deactivate()
        else:
            timezone.activate(zone)
        return get_response(request)

    return middleware
