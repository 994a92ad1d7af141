"""Per-client rate limit of the open data API: anonymous clients by IP address, `settings.API_RATE_LIMIT`."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class ApiRateThrottle(AnonRateThrottle):
    scope = "opendata"

    def get_rate(self):
        # Read at request time (not import time) so that the setting can change without a restart of
        # the class, e.g. in tests.
        return getattr(settings, "API_RATE_LIMIT", "120/minute")

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)
