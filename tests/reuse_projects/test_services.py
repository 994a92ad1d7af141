"""reuse_projects.services and the transition table: every allowed and refused move, each recorded."""

from decimal import Decimal

import pytest

from network.services import ActionRefused
from reuse_projects import services
from reuse_projects.models import Property, PropertyEvent
from reuse_projects.transitions import ARCHIVABLE_STATUSES, PROPERTY_TRANSITIONS, allowed_actions
from tests.factories import PropertyFactory, UserFactory

pytestmark = pytest.mark.django_db

ALL_MOVES = [
    (action, status)
    for action in PROPERTY_TRANSITIONS
    for status in Property.Status.values
]


@pytest.mark.parametrize(("action", "status"), ALL_MOVES)
def test_every_move_of_the_table_is_allowed_exactly_from_its_sources(action, status):
    """For every action and every status: allowed moves change the status and write one event;
    refused ones change nothing and write nothing."""
    officer = UserFactory()
    property = PropertyFactory(status=status)
    sources, target, _reason_required = PROPERTY_TRANSITIONS[action]
    if status in sources:
        event = services.property_change_status(property=property, actor=officer, action=action, reason="Because.")
        property.refresh_from_db()
        assert property.status == target
        assert (event.action, event.from_status, event.to_status, event.actor) == (action, status, target, officer)
        assert event.reason == "Because."
    else:
        with pytest.raises(ActionRefused):
            services.property_change_status(property=property, actor=officer, action=action, reason="Because.")
        property.refresh_from_db()
        assert property.status == status
        assert not PropertyEvent.objects.filter(property=property).exists()


@pytest.mark.parametrize("action", [a for a, (_s, _t, required) in PROPERTY_TRANSITIONS.items() if required])
def test_moves_that_need_a_reason_are_refused_without_one(action):
    sources = PROPERTY_TRANSITIONS[action][0]
    property = PropertyFactory(status=sorted(sources)[0])
    with pytest.raises(ActionRefused, match="reason"):
        services.property_change_status(property=property, actor=None, action=action, reason="   ")
    assert not PropertyEvent.objects.filter(property=property).exists()


def test_an_unknown_action_is_refused():
    property = PropertyFactory()
    with pytest.raises(ActionRefused):
        services.property_change_status(property=property, actor=None, action="sell")


def test_publishing_stamps_the_first_publication_only():
    property = PropertyFactory()
    services.property_change_status(property=property, actor=None, action="publish")
    first = property.published_at
    assert first is not None
    services.property_change_status(property=property, actor=None, action="withdraw", reason="Sold at auction.")
    services.property_change_status(property=property, actor=None, action="republish", reason="Sale annulled.")
    property.refresh_from_db()
    assert property.published_at == first


def test_allowed_actions_follow_the_table():
    assert allowed_actions("draft") == ["publish", "withdraw"]
    assert allowed_actions("in_reuse") == ["return", "revoke"]
    assert allowed_actions("available", actions=("publish", "withdraw", "republish")) == ["withdraw"]


def test_create_makes_a_draft_and_records_it():
    officer = UserFactory()
    property = PropertyFactory.build(status="available")
    services.property_create(property=property, actor=officer, suitable_uses=["youth-centre", "shelter"])
    assert property.status == "draft"
    assert sorted(property.suitable_uses.values_list("slug", flat=True)) == ["shelter", "youth-centre"]
    [event] = property.events.all()
    assert (event.action, event.to_status, event.actor) == ("created", "draft", officer)


def test_create_refuses_a_municipality_of_another_country_and_saves_nothing():
    from network.models import Municipality

    property = PropertyFactory.build(municipality=Municipality.objects.get(slug="tirana-al"))
    with pytest.raises(Exception, match="country"):
        services.property_create(property=property, actor=None)
    assert not Property.objects.exists()


def test_update_records_exactly_the_changed_fields_and_nothing_when_nothing_changed():
    property = PropertyFactory(floor_area=Decimal("84.50"))
    property.floor_area = Decimal("84.5")  # the same number, written differently
    assert services.property_update(property=property, actor=None) == []
    assert not property.events.exists()
    property.floor_area = Decimal("90")
    property.title = "Нови наслов"
    changes = services.property_update(property=property, actor=None, suitable_uses=["culture"])
    assert sorted(changes) == ["floor_area", "suitable_uses", "title"]
    assert property.events.get().changes == changes


def test_archiving_is_only_for_properties_with_nothing_left_to_do():
    for status in Property.Status.values:
        property = PropertyFactory(status=status)
        if status in ARCHIVABLE_STATUSES:
            services.property_archive(property=property, actor=None)
            assert property.archived_at is not None
            assert property.events.get().action == "archive"
            services.property_unarchive(property=property, actor=None)
            assert property.archived_at is None
        else:
            with pytest.raises(ActionRefused):
                services.property_archive(property=property, actor=None)
            property.refresh_from_db()
            assert property.archived_at is None


def test_an_archived_property_must_be_restored_before_it_moves():
    property = PropertyFactory(status="withdrawn")
    services.property_archive(property=property, actor=None)
    with pytest.raises(ActionRefused, match="archive"):
        services.property_change_status(property=property, actor=None, action="republish", reason="Back.")


def test_suitable_uses_are_taken_by_slug_and_unknown_ones_refused():
    property = PropertyFactory()
    services.property_update(property=property, actor=None, suitable_uses=["social-farm"])
    assert list(property.suitable_uses.values_list("slug", flat=True)) == ["social-farm"]
    with pytest.raises(Exception, match="Unknown suitable use"):
        services.property_update(property=property, actor=None, suitable_uses=["casino"])
    assert list(property.suitable_uses.values_list("slug", flat=True)) == ["social-farm"]
