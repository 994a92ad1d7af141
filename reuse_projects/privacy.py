"""Location privacy, enforced on the server: the one place that decides what location a viewer gets.

Every output that carries a location (HTML, map data, exports, the API, search results) takes it
from `public_location()`, never from the model's fields directly.
"""

from dataclasses import dataclass
from decimal import Decimal

from .models import Property
from .permissions import can_see_exact_location


@dataclass(frozen=True)
class Location:
    precision: str  # "exact", "approximate" (municipality centre) or "none"
    municipality: str
    country: str
    address: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def public_location(property: Property, user) -> Location:
    """What `user` may know of where `property` is.

    - exact privacy, or a viewer allowed the exact data: address and the building's coordinates;
    - approximate: the municipality and its centre, no street, no building coordinates;
    - hidden: the country and municipality name, no point at all.
    """
    municipality = property.municipality
    base = {"municipality": municipality.name, "country": municipality.country_id}
    if can_see_exact_location(user, property):
        if property.latitude is not None and property.longitude is not None:
            return Location("exact", address=property.address, latitude=property.latitude,
                            longitude=property.longitude, **base)
        return Location("approximate", address=property.address, latitude=municipality.latitude,
                        longitude=municipality.longitude, **base)
    if property.location_privacy == Property.LocationPrivacy.APPROXIMATE:
        return Location("approximate", latitude=municipality.latitude, longitude=municipality.longitude, **base)
    return Location("none", **base)
