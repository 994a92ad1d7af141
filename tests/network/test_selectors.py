"""network.selectors: what each read returns, and the query budget of the pages built on them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import selectors
from network.models import Organisation, TaggedThematicArea, ThematicArea, User
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    coordinator,
    organisation_with_admin,
    set_thematic_areas,
)

pytestmark = pytest.mark.django_db

# Queries one page may run, whatever the number of rows.
# Directory: countries for the filter form, the count, the page, the thematic areas of the page.
DIRECTORY_BUDGET = 4
# Queue: session, user, coordinator group and MFA (once each: the answers are cached on the user),
# the navigation's look-up of the user's organisations, the count and the page.
QUEUE_BUDGET = 8


def _bulk_organisations(count, *, status, with_people=False, prefix="bulk"):
    """`count` CSOs in one go, each with two thematic areas (and a registering user and members)."""
    users = []
    if with_people:
        users = User.objects.bulk_create(
            User(email=f"{prefix}{n}-{status}@example.org", full_name=f"Person {n}", password="!") for n in range(count)
        )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bulk {status} {n:04d}",
            slug=f"{prefix}-{status}-{n}",
            status=status,
            country_id=["RS", "MK", "AL", "BA", "ME", "MD"][n % 6],
            city="Grad",
            registration_number=f"B{n}",
            search_text=f"bulk {status} {n:04d}",
            registered_by=users[n] if users else None,
            verified_at=None,
            registration_certificate=f"certificates/2025/01/b{n}.pdf" if n % 2 else "",
        )
        for n in range(count)
    )
    areas = list(ThematicArea.objects.order_by("slug"))
    TaggedThematicArea.objects.bulk_create(
        TaggedThematicArea(content_object=organisation, tag=areas[(i + k) % len(areas)])
        for i, organisation in enumerate(organisations)
        for k in (0, 1)
    )
    if users:
        from network.models import Membership

        Membership.objects.bulk_create(
            Membership(user=user, organisation=organisation, role="admin")
            for user, organisation in zip(users, organisations, strict=True)
        )
    return organisations


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


# Query budgets -----------------------------------------------------------------------------------


def test_the_directory_runs_the_same_queries_for_5_and_200_organisations(client):
    _bulk_organisations(5, status="verified")
    few, response = _queries(client, "/en/organisations/")
    assert response.context["page"].paginator.count == 5
    assert "Bulk verified 0004" in response.text

    _bulk_organisations(200, status="suspended")  # noise: never listed
    Organisation.objects.filter(status="suspended").update(status="verified")
    many, response = _queries(client, "/en/organisations/")
    assert response.context["page"].paginator.count == 205
    assert response.text.count('class="card"') == 24

    assert few == many <= DIRECTORY_BUDGET


def test_the_filtered_directory_keeps_its_budget(client):
    _bulk_organisations(5, status="verified")
    url = "/en/organisations/?country=RS&thematic_area=agriculture&q=bulk&sort=newest"
    few, response = _queries(client, url)
    assert response.context["page"].paginator.count == 1
    _bulk_organisations(200, status="pending")
    Organisation.objects.filter(status="pending").update(status="verified")
    many, response = _queries(client, url)
    assert response.context["page"].paginator.count > 0
    assert few == many <= DIRECTORY_BUDGET


def test_the_verification_queue_runs_the_same_queries_for_5_and_200_organisations(client):
    user = coordinator(totp=True)
    client.force_login(user)
    _bulk_organisations(5, status="pending", with_people=True)
    few, response = _queries(client, "/en/coordination/")
    assert response.context["page"].paginator.count == 5
    assert "Person 4" in response.text

    Organisation.objects.filter(status="pending").update(status="rejected")
    _bulk_organisations(200, status="pending", with_people=True, prefix="more")
    many, response = _queries(client, "/en/coordination/")
    assert response.context["page"].paginator.count == 200
    assert response.text.count('<a href="/en/coordination/more-pending-') == 50

    assert few == many <= QUEUE_BUDGET


# Public directory --------------------------------------------------------------------------------


def _names(queryset):
    return [organisation.name for organisation in queryset]


def test_the_directory_lists_only_verified_csos():
    OrganisationFactory(name="Verified", verified=True)
    for status in ("pending", "rejected", "suspended"):
        OrganisationFactory(name=status, status=status)
    assert _names(selectors.organisation_list_public()) == ["Verified"]


def test_the_directory_filters_by_country_code_in_any_case():
    OrganisationFactory(name="Serbian", verified=True)
    OrganisationFactory(name="Macedonian", verified=True, country_id="MK")
    assert _names(selectors.organisation_list_public(country="mk")) == ["Macedonian"]
    assert _names(selectors.organisation_list_public(country="XX")) == []


def test_the_directory_filters_by_thematic_area_without_duplicates():
    youth = set_thematic_areas(OrganisationFactory(name="Youth", verified=True), "youth", "health")
    set_thematic_areas(OrganisationFactory(name="Farm", verified=True), "agriculture")
    assert list(selectors.organisation_list_public(thematic_area="youth")) == [youth]


@pytest.mark.parametrize("query", ["kuca", "KUĆA", "кућа", "Зелена", "zelena kuca"])
def test_the_directory_search_ignores_script_and_diacritics(query):
    OrganisationFactory(name="Зелена кућа", verified=True)
    OrganisationFactory(name="Zelena Kuća Skopje", verified=True)
    OrganisationFactory(name="Drugo", verified=True)
    assert len(selectors.organisation_list_public(q=query)) == 2


def test_the_directory_search_finds_latin_names_from_cyrillic_queries():
    OrganisationFactory(name="Omladinski centar Đorđe", verified=True)
    assert _names(selectors.organisation_list_public(q="Ђорђе")) == ["Omladinski centar Đorđe"]


def test_the_directory_search_matches_acronym_latin_name_and_registration_number():
    OrganisationFactory(
        name="Удружење",
        name_latin="Udruzenje Sunce",
        acronym="УС",
        registration_number="777",
        verified=True,
    )
    for query in ("sunce", "us", "777"):
        assert len(selectors.organisation_list_public(q=query)) == 1


def test_the_directory_search_treats_like_wildcards_literally():
    OrganisationFactory(name="Centar", verified=True)
    assert _names(selectors.organisation_list_public(q="%")) == []
    assert _names(selectors.organisation_list_public(q="_")) == []


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Alfa", "Beta", "Gama"]),
        ("-name", ["Gama", "Beta", "Alfa"]),
        ("country", ["Gama", "Alfa", "Beta"]),
        ("newest", ["Beta", "Gama", "Alfa"]),
        ("evil", ["Alfa", "Beta", "Gama"]),
    ],
)
def test_the_directory_sorts(sort, expected):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    OrganisationFactory(name="Alfa", verified=True, country_id="RS", verified_at=now - timedelta(3))
    OrganisationFactory(name="Beta", verified=True, country_id="RS", verified_at=now)
    OrganisationFactory(name="Gama", verified=True, country_id="MK", verified_at=now - timedelta(1))
    assert _names(selectors.organisation_list_public(sort=sort)) == expected


def test_the_directory_prefetches_thematic_areas(django_assert_num_queries):
    for n in range(3):
        set_thematic_areas(OrganisationFactory(name=f"O{n}", verified=True), "youth", "health")
    with django_assert_num_queries(2):
        rows = [
            sorted(item.tag.slug for item in o.tagged_thematic_areas.all())
            for o in selectors.organisation_list_public()
        ]
    assert rows == [["health", "youth"]] * 3


# Verification look-up ----------------------------------------------------------------------------


def test_the_lookup_finds_by_registration_number_and_by_name_in_either_script():
    verified = OrganisationFactory(name="Зелена кућа", registration_number="RS-42", verified=True)
    pending = OrganisationFactory(name="Zelena kuća Niš")
    assert list(selectors.organisation_verification_lookup(q="rs-42")) == [verified]
    assert set(selectors.organisation_verification_lookup(q="zelena kuca")) == {verified, pending}


def test_the_lookup_never_lists_amos_and_is_empty_for_an_empty_query():
    assert list(selectors.organisation_verification_lookup(q="agencija")) == []
    assert list(selectors.organisation_verification_lookup(q="   ")) == []


def test_the_lookup_returns_at_most_20():
    for n in range(25):
        OrganisationFactory(name=f"Centar {n}")
    assert len(selectors.organisation_verification_lookup(q="centar")) == 20


# Verification queue ------------------------------------------------------------------------------


def test_the_review_queue_lists_pending_csos_oldest_first_with_their_member_count():
    from datetime import timedelta

    from django.utils import timezone

    newer, _admin = organisation_with_admin(created_at=timezone.now())
    older, _admin = organisation_with_admin(created_at=timezone.now() - timedelta(days=2))
    MembershipFactory(organisation=older)
    OrganisationFactory(verified=True)
    queue = list(selectors.organisation_review_queue())
    assert queue == [older, newer]
    assert [o.member_count for o in queue] == [2, 1]
    assert list(selectors.organisation_review_queue(status="verified")) != queue


def test_status_history_is_newest_first_with_the_actor():
    from network import services

    organisation, _admin = organisation_with_admin()
    actor = coordinator(totp=True)
    services.organisation_reject(organisation=organisation, actor=actor, reason="Unclear")
    services.organisation_change_status(organisation=organisation, actor=None, action="resubmit")
    history = list(selectors.organisation_status_history(organisation=organisation))
    assert [(c.to_status, c.actor) for c in history] == [("pending", None), ("rejected", actor)]


def test_members_are_admins_first_then_by_email():
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, user__email="b@example.org")
    MembershipFactory(organisation=organisation, user__email="z@example.org", admin=True)
    MembershipFactory(organisation=organisation, user__email="a@example.org")
    assert [m.user.email for m in selectors.organisation_members(organisation=organisation)] == [
        "z@example.org",
        "a@example.org",
        "b@example.org",
    ]


def test_user_memberships_are_the_users_own_by_organisation_name():
    user = UserFactory()
    MembershipFactory(user=user, organisation__name="Zeta")
    MembershipFactory(user=user, organisation__name="Alfa")
    MembershipFactory(organisation__name="Someone else's")
    assert [m.organisation.name for m in selectors.user_memberships(user=user)] == ["Alfa", "Zeta"]


def test_the_directory_sorts_cyrillic_and_latin_names_together():
    """Names are sorted by their folded Latin form, so the two scripts interleave alphabetically."""
    OrganisationFactory(name="Centar Zora", verified=True)
    OrganisationFactory(name="Удружење Бели", verified=True)
    OrganisationFactory(name="Asocijacija", verified=True)
    assert _names(selectors.organisation_list_public(sort="name")) == [
        "Asocijacija", "Centar Zora", "Удружење Бели"
    ]
    OrganisationFactory(name="Бања", verified=True)
    assert _names(selectors.organisation_list_public(sort="name"))[:2] == ["Asocijacija", "Бања"]
