"""The catalogue's filter state: stable parameter names, bad values dropped and reported, never an error."""

from decimal import Decimal

import pytest
from django.http import QueryDict

from reuse_projects.selectors import CatalogueFilters, property_by_public_reference, property_list_public
from tests.factories import PropertyFactory


def parse(query):
    return CatalogueFilters.from_query(QueryDict(query))


def test_every_parameter_is_read_by_its_stable_name():
    filters, ignored = parse(
        "country=rs&municipality=novi-sad-rs&type=villa&status=under_call&min_area=50&max_area=120,5"
        "&condition=ready&use=shelter&q=Centar&sort=area&page=2"
    )
    assert ignored == []
    assert (filters.country, filters.municipality, filters.type, filters.status) == (
        "RS", "novi-sad-rs", "villa", "under_call"
    )
    assert (filters.min_area, filters.max_area) == (Decimal("50"), Decimal("120.5"))
    assert (filters.condition, filters.use, filters.q, filters.sort) == ("ready", "shelter", "Centar", "area")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("country=XX", "country"),
        ("type=castle", "type"),
        ("status=draft", "status"),
        ("status=withdrawn", "status"),
        ("condition=great", "condition"),
        ("min_area=abc", "min_area"),
        ("max_area=-5", "max_area"),
        ("min_area=NaN", "min_area"),
        ("max_area=Infinity", "max_area"),
        ("min_area=1e400", "min_area"),
        ("sort=evil", "sort"),
    ],
)
def test_a_bad_value_is_dropped_and_reported(query, name):
    filters, ignored = parse(query)
    assert ignored == [name]
    assert filters == CatalogueFilters()


@pytest.mark.django_db
def test_the_public_list_never_holds_drafts_withdrawn_or_archived_properties():
    from django.utils import timezone

    shown = PropertyFactory(available=True)
    PropertyFactory()
    PropertyFactory(withdrawn=True)
    PropertyFactory(status="returned", archived_at=timezone.now())
    assert list(property_list_public(CatalogueFilters())) == [shown]
    assert list(property_list_public(parse("status=returned")[0])) == []


@pytest.mark.django_db
def test_a_property_is_found_by_its_public_reference_and_nothing_else():
    property = PropertyFactory(available=True, reference="RS-2026-001")
    assert property.public_reference == "direkcija-rs--RS-2026-001"
    assert property_by_public_reference("direkcija-rs--RS-2026-001") == property
    assert property_by_public_reference("aapsk-al--RS-2026-001") is None
    assert property_by_public_reference("RS-2026-001") is None
    assert property_by_public_reference("--") is None


@pytest.mark.django_db
def test_titles_follow_the_readers_language_and_script():
    from django.utils import translation

    item = PropertyFactory(title="Вила на Фрушкој гори", title_en="Villa on Fruška Gora")
    with translation.override("en"):
        assert item.display_title == "Villa on Fruška Gora"
    with translation.override("sr"):
        assert item.display_title == "Вила на Фрушкој гори"
    with translation.override("sr-latn"):
        assert item.display_title == "Vila na Fruškoj gori"
    with translation.override("sq"):
        assert item.display_title == "Вила на Фрушкој гори"
