"""The location privacy rule on every public output of the catalogue: the list, a property's page, the
map page and the map data. Approximate: the public gets the municipality and its centre, never the
street nor the building's coordinates. Hidden: the country and the municipality's name, no point.
Verified CSOs see exact data unless the property is hidden; officers of the office see everything."""

import json
from decimal import Decimal

import pytest

from network.models import Municipality
from tests.factories import MembershipFactory, PropertyFactory, UserFactory, amo_officer, organisation_with_admin

pytestmark = pytest.mark.django_db

# Building coordinates well away from Novi Sad's centre (45.251670, 19.836940), so that the centre a
# visitor may see never contains them by accident.
LATITUDE, LONGITUDE = Decimal("45.263817"), Decimal("19.812493")
SECRETS = ("45.2638", "19.8124", "Булевар ослобођења", "Булевар ослобођења 12")
OUTPUTS = ("list", "detail", "map", "map_data")


def visitor(client):
    return client


def unverified_cso_member(client):
    organisation, _admin = organisation_with_admin()
    client.force_login(MembershipFactory(organisation=organisation).user)
    return client


def verified_cso_member(client):
    organisation, _admin = organisation_with_admin(verified=True)
    client.force_login(MembershipFactory(organisation=organisation).user)
    return client


def user_without_organisation(client):
    client.force_login(UserFactory())
    return client


def officer_of_the_office(client):
    client.force_login(amo_officer("direkcija-rs"))
    return client


def officer_of_another_office(client):
    client.force_login(amo_officer("aapsk-al"))
    return client


def outputs(client, item):
    """Every public output the catalogue builds that may carry the property's location."""
    return {
        "list": client.get("/en/properties/").content.decode(),
        "detail": client.get(item.get_absolute_url()).content.decode(),
        "map": client.get("/en/properties/map/").content.decode(),
        "map_data": client.get("/en/properties/map.geojson").content.decode(),
    }


def make(privacy):
    return PropertyFactory(
        available=True, title_en="The property", latitude=LATITUDE, longitude=LONGITUDE,
        **({privacy: True} if privacy != "exact" else {}),
    )


def features(client):
    return json.loads(client.get("/en/properties/map.geojson").content)["features"]


@pytest.mark.parametrize("who", [visitor, unverified_cso_member, user_without_organisation,
                                 officer_of_another_office])
@pytest.mark.parametrize("privacy", ["approximate", "hidden"])
def test_the_public_never_receives_the_street_or_the_building_coordinates(client, who, privacy):
    item = make(privacy)
    who(client)
    pages = outputs(client, item)
    for output in OUTPUTS:
        for secret in SECRETS:
            assert secret not in pages[output], (output, secret)
    assert "Нови Сад" in pages["detail"]


@pytest.mark.parametrize("privacy", ["approximate", "hidden"])
def test_the_detail_page_says_what_is_published(client, privacy):
    html = client.get(make(privacy).get_absolute_url()).content.decode()
    if privacy == "approximate":
        assert "Approximate location: municipality of Нови Сад" in html
        assert 'id="property-map"' in html  # the municipality's centre
    else:
        assert "does not publish where this property is" in html
        assert 'id="property-map"' not in html


def test_approximate_shows_the_municipality_centre_on_the_map_for_the_public(client):
    make("approximate")
    centre = Municipality.objects.get(slug="novi-sad-rs")
    [feature] = features(client)
    assert feature["geometry"]["coordinates"] == [float(centre.longitude), float(centre.latitude)]
    assert feature["properties"]["precision"] == "approximate"


@pytest.mark.parametrize("who", [visitor, unverified_cso_member, verified_cso_member])
def test_a_hidden_property_has_no_map_point_but_stays_in_the_list(client, who):
    item = make("hidden")
    who(client)
    assert features(client) == []
    assert item.get_absolute_url() in client.get("/en/properties/").content.decode()
    assert item.get_absolute_url() in client.get("/en/properties/map/").content.decode()  # the table


def test_a_verified_cso_member_never_receives_the_location_of_a_hidden_property(client):
    item = make("hidden")
    verified_cso_member(client)
    pages = outputs(client, item)
    for output in OUTPUTS:
        for secret in SECRETS:
            assert secret not in pages[output], (output, secret)


def test_a_verified_cso_member_sees_the_exact_data_of_an_approximate_property(client):
    item = make("approximate")
    verified_cso_member(client)
    assert "Булевар ослобођења 12" in client.get(item.get_absolute_url()).content.decode()
    assert "45.263817" in client.get(item.get_absolute_url()).content.decode()
    [feature] = features(client)
    assert feature["geometry"]["coordinates"] == [float(LONGITUDE), float(LATITUDE)]
    assert feature["properties"]["precision"] == "exact"


@pytest.mark.parametrize("privacy", ["approximate", "hidden"])
def test_officers_of_the_office_see_everything(client, privacy):
    item = make(privacy)
    officer_of_the_office(client)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Булевар ослобођења 12" in html and "45.263817" in html and "19.812493" in html
    [feature] = features(client)
    assert feature["geometry"]["coordinates"] == [float(LONGITUDE), float(LATITUDE)]


def test_an_exact_property_is_public_in_full(client):
    item = make("exact")
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Булевар ослобођења 12" in html and "45.263817" in html
    assert features(client)[0]["geometry"]["coordinates"] == [float(LONGITUDE), float(LATITUDE)]


def test_coordinates_are_not_localised_on_the_detail_page(client):
    item = make("exact")
    html = client.get(item.get_absolute_url().replace("/en/", "/sr/", 1)).content.decode()
    assert 'data-lat="45.263817"' in html and 'data-lng="19.812493"' in html


def test_the_map_data_is_never_shared_between_viewers(client):
    make("approximate")
    response = client.get("/en/properties/map.geojson")
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
