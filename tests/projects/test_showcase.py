"""The public showcase: the list of projects (filters, pagination, bad parameters), the map's points
(location privacy for each viewer), a project's page (who sees it, and nothing private on it), its
charts (accepted reports only), query budgets and every language."""

import datetime as dt
import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import override

from network.models import Municipality, Organisation, ThematicArea
from projects import services
from projects.models import ConditionPhoto, ConditionReport, Evaluation, ProjectPost, ReportPhoto, ResultsReport
from reuse_projects.models import PropertyDocument, PropertyEvent, PropertyPhoto
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PropertyFactory,
    ProposalFactory,
    UserFactory,
    accepted_report,
    amo_officer,
    coordinator,
    cso_member,
    organisation_with_admin,
    pdf_upload,
    png_upload,
    reuse_project,
)

pytestmark = pytest.mark.django_db


LIST = "/en/projects/"
LANGUAGES = ["en", "sq", "bs", "mk", "sr", "sr-latn", "ro"]
YEAR_AGO = timezone.localdate() - dt.timedelta(days=400)
CARD_TITLE = re.compile(r'<li class="card">.*?<h3><a href="[^"]+">([^<]+)</a></h3>', re.S)


def titles(response):
    assert response.status_code == 200
    return [html.unescape(title) for title in CARD_TITLE.findall(response.text)]


def json_data(response, element_id):
    match = re.search(rf'<script id="{re.escape(element_id)}" type="application/json">(.*?)</script>',
                      response.text, re.S)
    assert match, element_id
    return json.loads(match.group(1))


def map_features(response):
    """The features of the map on the list page `response`, fetched as the page's script does."""
    url = html.unescape(re.search(r'data-geojson-url="([^"]+)"', response.content.decode()).group(1))
    data = response.client.get(url)
    assert data.status_code == 200 and data["Content-Type"] == "application/geo+json"
    return {feature["properties"]["title"]: feature for feature in data.json()["features"]}


def albanian_property(**kwargs):
    return PropertyFactory(amo=Organisation.objects.get(slug="aapsk-al"),
                           municipality=Municipality.objects.get(slug="tirana-al"), status="under_call",
                           published_at=timezone.now() - dt.timedelta(days=60), **kwargs)


def test_the_url_names_resolve_to_the_documented_paths():
    with override("en"):
        assert reverse("projects:project_list") == LIST
        assert reverse("projects:project_detail", kwargs={"pk": 7}) == "/en/projects/7/"
        assert reverse("projects:impact") == "/en/impact/"


# The list -----------------------------------------------------------------------------------------

@pytest.fixture
def showcase():
    youth = reuse_project("active", title="Youth hub Novi Sad", use="youth-centre", start=YEAR_AGO)
    housing = reuse_project("completed", title="Housing Novi Sad", use="social-housing",
                            start=YEAR_AGO - dt.timedelta(days=10))
    tirana = reuse_project("active", title="Qendra rinore Tiranë", use="youth-centre",
                           property=albanian_property(reference="AL-7"), start=YEAR_AGO + dt.timedelta(days=10))
    hidden = {
        "preparing": reuse_project("preparing", title="Preparing project"),
        "suspended": reuse_project("suspended", title="Suspended project"),
        "terminated": reuse_project("terminated", title="Terminated project"),
    }
    youth.thematic_areas.add(ThematicArea.objects.get(slug="youth"))
    return {"youth": youth, "housing": housing, "tirana": tirana, **hidden}


def test_the_list_shows_active_and_completed_projects_newest_first(client, showcase):
    response = client.get(LIST)
    assert titles(response) == ["Qendra rinore Tiranë", "Youth hub Novi Sad", "Housing Novi Sad"]
    for name in ("Preparing project", "Suspended project", "Terminated project"):
        assert name not in response.text
        assert name not in map_features(response)
    assert "Youth centre" in response.text and "Completed" in response.text
    assert showcase["youth"].organisation.display_name in html.unescape(response.text)
    page = html.unescape(response.text)
    assert f"{Municipality.objects.get(slug='novi-sad-rs').name}, Serbia" in page
    assert f"{Municipality.objects.get(slug='tirana-al').name}, Albania" in page


def test_people_served_so_far_and_the_thumbnail_come_from_accepted_reports(client):
    project = reuse_project("active", title="Hub", start=YEAR_AGO, reporting_every_months=3)
    first = accepted_report(project, people={"children": 30, "women": 12})
    ReportPhoto.objects.create(report=first, image=png_upload("after.png"), alt_text="Children in the new library",
                               consent_confirmed=True)
    draft = accepted_report(project, people={"children": 900}, status="submitted")
    ReportPhoto.objects.create(report=draft, image=png_upload("draft.png"), alt_text="DRAFT-PHOTO-ALT",
                               consent_confirmed=True)
    response = client.get(LIST)
    assert "<dd>42</dd>" in response.text
    assert 'alt="Children in the new library"' in response.text
    assert "DRAFT-PHOTO-ALT" not in response.text


def test_a_property_photo_is_the_thumbnail_until_a_report_has_one(client):
    project = reuse_project("active", title="Hub")
    PropertyPhoto.objects.create(property=project.property, image=png_upload("p.png"), alt_text="The empty flat")
    assert 'alt="The empty flat"' in client.get(LIST).text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=RS", ["Youth hub Novi Sad", "Housing Novi Sad"]),
        ("country=al", ["Qendra rinore Tiranë"]),
        ("use=youth-centre", ["Qendra rinore Tiranë", "Youth hub Novi Sad"]),
        ("theme=youth", ["Youth hub Novi Sad"]),
        ("status=completed", ["Housing Novi Sad"]),
        ("status=active&country=RS", ["Youth hub Novi Sad"]),
        ("country=MK", []),
    ],
)
def test_filters(client, showcase, query, expected):
    response = client.get(f"{LIST}?{query}")
    assert titles(response) == expected
    assert set(map_features(response)) == set(expected)
    assert "not recognised" not in response.text


@pytest.mark.parametrize(
    "query",
    [
        "country=XX", "use=castle", "theme=nothing", "status=suspended", "status=preparing", "status=terminated",
        "page=abc", "page=-1", "page=999", "page=0", "country=" + "Ж" * 100_000,
        "use=%3Cscript%3Ealert(1)%3C/script%3E",
        "theme=%00", "status=%00", "country[]=RS", "page=1e9", "use=Омладински-центар", "theme=rinia-ë",
    ],
)
def test_hostile_values_are_ignored_with_a_notice(client, showcase, query):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    if not query.startswith("country[]"):
        assert "not recognised and is ignored" in response.text
    assert "<script>alert(1)" not in response.text
    # Ignored values do not filter: some public projects are still listed (page 999 shows the last page).
    assert titles(response)


def test_pagination_is_24_per_page_in_a_stable_order(client):
    for index in range(26):
        reuse_project("active", title=f"Project {index:02d}", start=YEAR_AGO + dt.timedelta(days=index % 3))
    first, second = client.get(LIST), client.get(f"{LIST}?page=2")
    assert len(titles(first)) == 24 and len(titles(second)) == 2
    assert not set(titles(first)) & set(titles(second))
    assert len(map_features(first)) == 26  # the map shows every match, not one page
    assert 'href="?page=2"' in first.text
    filtered = client.get(f"{LIST}?status=active&page=2")
    assert 'href="?status=active&amp;page=1"' in filtered.text


# The map's points: location privacy ---------------------------------------------------------------

@pytest.fixture
def located():
    exact = reuse_project("active", title="Exact place", property=PropertyFactory(
        status="under_call", published_at=timezone.now(), location_privacy="exact",
        latitude="45.260000", longitude="19.830000"))
    approximate = reuse_project("active", title="Approximate place", property=PropertyFactory(
        status="under_call", published_at=timezone.now(), location_privacy="approximate",
        latitude="45.270000", longitude="19.840000", address="Secret street 1"))
    hidden = reuse_project("active", title="Hidden place", property=PropertyFactory(
        status="under_call", published_at=timezone.now(), location_privacy="hidden",
        latitude="45.280000", longitude="19.850000", address="Hidden street 2"))
    return exact, approximate, hidden


def _centre():
    novi_sad = Municipality.objects.get(slug="novi-sad-rs")
    return [float(novi_sad.longitude), float(novi_sad.latitude)]


def test_the_map_respects_location_privacy_for_visitors(client, located):
    response = client.get(LIST)
    features = map_features(response)
    assert features["Exact place"]["geometry"]["coordinates"] == [19.83, 45.26]
    assert features["Exact place"]["properties"]["precision"] == "exact"
    assert features["Approximate place"]["geometry"]["coordinates"] == _centre()
    assert features["Approximate place"]["properties"]["precision"] == "approximate"
    assert "Hidden place" not in features
    assert "location not shown" in response.text
    for secret in ("45.27", "19.84", "45.28", "19.85", "Secret street", "Hidden street"):
        assert secret not in response.text


def test_a_verified_cso_member_sees_approximate_properties_exactly_but_never_hidden_ones(client, located):
    organisation, admin = organisation_with_admin(verified=True)
    client.force_login(admin)
    features = map_features(client.get(LIST))
    assert features["Approximate place"]["geometry"]["coordinates"] == [19.84, 45.27]
    assert features["Approximate place"]["properties"]["precision"] == "exact"
    assert "Hidden place" not in features


def test_an_unverified_cso_member_sees_what_visitors_see(client, located):
    organisation, admin = organisation_with_admin()
    client.force_login(admin)
    features = map_features(client.get(LIST))
    assert features["Approximate place"]["geometry"]["coordinates"] == _centre()
    assert "Hidden place" not in features


def test_the_office_sees_its_hidden_property_on_the_map(client, located):
    client.force_login(amo_officer())
    assert map_features(client.get(LIST))["Hidden place"]["geometry"]["coordinates"] == [19.85, 45.28]
    client.force_login(amo_officer("auoi-mk"))
    assert "Hidden place" not in map_features(client.get(LIST))


def test_the_project_page_respects_location_privacy(client, located):
    exact, approximate, hidden = located
    page = client.get(approximate.get_absolute_url()).text
    assert "Secret street" not in page and 'data-precision="approximate"' in page and "45.27" not in page
    page = client.get(hidden.get_absolute_url()).text
    assert "Hidden street" not in page and 'id="property-map"' not in page and "location not shown" in page
    assert 'data-lat="45.260000"' in client.get(exact.get_absolute_url()).text


# Who sees a project's page ------------------------------------------------------------------------

def _roles(project):
    other_cso, _admin = organisation_with_admin(verified=True)
    partner = project.partners.first()
    return {
        "anonymous": None,
        "unrelated user": UserFactory(),
        "other CSO": cso_member(other_cso),
        "lead CSO member": cso_member(project.organisation),
        "lead CSO admin": cso_member(project.organisation, admin=True),
        "partner member": cso_member(partner),
        "officer of the office": amo_officer(),
        "officer of another office": amo_officer("auoi-mk"),
        "coordinator with TOTP": coordinator(totp=True),
    }


INVOLVED = {"lead CSO member", "lead CSO admin", "partner member", "officer of the office", "coordinator with TOTP"}


def _workspace_url(project):
    try:
        with override("en"):
            return reverse("projects:project_workspace", kwargs={"pk": project.pk})
    except NoReverseMatch:  # built by another part of the issue
        return None


@pytest.mark.parametrize("status", ["preparing", "suspended", "terminated"])
def test_a_non_public_project_is_404_for_everyone_not_involved(client, status):
    project = reuse_project(status, title="Not public", partners=[OrganisationFactory(verified=True)])
    for role, user in _roles(project).items():
        client.logout()
        if user:
            client.force_login(user)
        response = client.get(project.get_absolute_url())
        assert response.status_code == (200 if role in INVOLVED else 404), role
        assert "Not public" not in client.get(LIST).text


@pytest.mark.parametrize("status", ["active", "completed"])
def test_a_public_project_is_for_everyone_and_manage_only_for_those_involved(client, status):
    project = reuse_project(status, title="Public", partners=[OrganisationFactory(verified=True)])
    workspace = _workspace_url(project)
    for role, user in _roles(project).items():
        client.logout()
        if user:
            client.force_login(user)
        response = client.get(project.get_absolute_url())
        assert response.status_code == 200, role
        assert response.context["can_manage"] is (role in INVOLVED), role
        if workspace:
            assert (f'href="{workspace}"' in response.text) is (role in INVOLVED), role


def test_an_unknown_project_is_404(client):
    assert client.get("/en/projects/999999/").status_code == 404
    assert client.get("/en/projects/abc/").status_code == 404


def test_only_get_is_allowed(client):
    project = reuse_project("active")
    assert client.post(project.get_absolute_url()).status_code == 405
    assert client.post(LIST).status_code == 405


# The story, and nothing private --------------------------------------------------------------------

@pytest.fixture
def story():
    partner = OrganisationFactory(verified=True, name="Partner Udruženje", email="partner-secret@example.org",
                                  phone="+381 11 999 0001")
    lead, admin = organisation_with_admin(verified=True, name="Lead Udruženje", email="lead-secret@example.org",
                                          phone="+381 11 999 0002")
    admin.email = "admin-person@example.org"
    admin.save()
    property = PropertyFactory(status="under_call", published_at=timezone.now() - dt.timedelta(days=200),
                               contact_email="office-contact@example.org", contact_phone="+381 21 555 0003",
                               contact_name="Contact Personname")
    project = reuse_project("active", title="Омладински центар Ђурђевак", organisation=lead, property=property,
                            partners=[partner], start=YEAR_AGO, reporting_every_months=3,
                            summary="A homework club\nand a community kitchen.")
    project.thematic_areas.add(ThematicArea.objects.get(slug="youth"))
    PropertyEvent.objects.create(property=property, action="publish", to_status="available",
                                 created_at=timezone.now() - dt.timedelta(days=200), reason="PUBLISH-REASON-SECRET")
    PropertyEvent.objects.create(property=property, action="open_call", from_status="available",
                                 to_status="under_call", created_at=timezone.now() - dt.timedelta(days=150))
    PropertyEvent.objects.create(property=property, action="edited", changes=["EDITED-FIELD-SECRET"])
    # Condition report notes and photos.
    handover = project.condition_reports.get(kind=ConditionReport.Kind.HANDOVER)
    ConditionReport.objects.filter(pk=handover.pk).update(notes="CONDITION-NOTE-SECRET")
    ConditionPhoto.objects.create(report=handover, image=png_upload("c1.png"), alt_text="PRIVATE-CONDITION-PHOTO")
    ConditionPhoto.objects.create(report=handover, image=png_upload("c2.png"), alt_text="Public before photo",
                                  public=True)
    PropertyPhoto.objects.create(property=property, image=png_upload("p.png"), alt_text="The flat in 2020")
    PropertyDocument.objects.create(property=property, kind="other", title="PRIVATE-DOCUMENT-TITLE",
                                    file=pdf_upload(), visibility="verified_csos")
    # Reports: two accepted, one returned with comments, one submitted, one draft.
    accepted_report(project, people={"children": 11, "women": 4}, jobs_created=3, volunteers=21,
                            events_delivered=5, services_delivered=None)
    second = accepted_report(project, people={"children": 13}, jobs_created=1, volunteers=22,
                             events_delivered=6, services_delivered=9)
    ReportPhoto.objects.create(report=second, image=png_upload("a.png"), alt_text="The kitchen at work",
                               consent_confirmed=True)
    returned = accepted_report(project, people={"children": 7001}, jobs_created=7002, status="returned")
    ResultsReport.objects.filter(pk=returned.pk).update(review_comments="REVIEW-COMMENT-SECRET",
                                                        narrative="RETURNED-NARRATIVE-SECRET")
    ReportPhoto.objects.create(report=returned, image=png_upload("r.png"), alt_text="RETURNED-PHOTO",
                               consent_confirmed=True)
    submitted = accepted_report(project, people={"children": 7003}, jobs_created=7004, status="submitted")
    ResultsReport.objects.filter(pk=submitted.pk).update(narrative="SUBMITTED-NARRATIVE-SECRET")
    draft = accepted_report(project, people={"children": 7005}, jobs_created=7006, status="draft")
    ResultsReport.objects.filter(pk=draft.pk).update(narrative="DRAFT-NARRATIVE-SECRET",
                                                     lessons_learned="DRAFT-LESSON-SECRET")
    # Events with reasons.
    services.project_suspend(project=project, actor=amo_officer(), reason="SUSPEND-REASON-SECRET")
    project = services.project_resume(project=type(project).objects.get(pk=project.pk), actor=None)
    Evaluation.objects.create(project=project, obligations_met="met", assessment="EVALUATION-SECRET",
                              outcome="renew", renewed_months=12, previous_end_date=project.end_date)
    # Posts.
    ProjectPost.objects.create(project=project, title="Our first summer", body="Forty children came.\nEvery day.",
                               language="en", status="published", published_at=timezone.now())
    ProjectPost.objects.create(project=project, title="PENDING-POST-TITLE", body="PENDING-POST-BODY", language="en")
    ProjectPost.objects.create(project=project, title="REJECTED-POST-TITLE", body="x", language="en",
                               status="rejected", moderation_note="MODERATION-NOTE-SECRET")
    # A draft proposal of another CSO for the same call.
    ProposalFactory(call=project.agreement.proposal.call, property=property,
                    planned_use="DRAFT-PROPOSAL-SECRET", activities="DRAFT-ACTIVITIES-SECRET")
    return project


SECRETS = [
    "CONDITION-NOTE-SECRET", "PRIVATE-CONDITION-PHOTO", "PRIVATE-DOCUMENT-TITLE", "REVIEW-COMMENT-SECRET",
    "RETURNED-NARRATIVE-SECRET", "RETURNED-PHOTO", "SUBMITTED-NARRATIVE-SECRET", "DRAFT-NARRATIVE-SECRET",
    "DRAFT-LESSON-SECRET", "SUSPEND-REASON-SECRET", "EVALUATION-SECRET", "PENDING-POST-TITLE", "PENDING-POST-BODY",
    "REJECTED-POST-TITLE", "MODERATION-NOTE-SECRET", "DRAFT-PROPOSAL-SECRET", "DRAFT-ACTIVITIES-SECRET",
    "partner-secret@example.org", "lead-secret@example.org", "admin-person@example.org",
    "office-contact@example.org", "Contact Personname", "999 0001", "999 0002", "555 0003",
    "7001", "7002", "7003", "7004", "7005", "7006", "Roof leaks", "Add the figures for May",
    "Start the renovation permits early",  # lessons learned (not on the public page)
    "PUBLISH-REASON-SECRET", "EDITED-FIELD-SECRET",
]


@pytest.mark.parametrize("viewer", ["anonymous", "verified CSO member", "officer of the office"])
def test_nothing_private_appears_on_the_project_page(client, story, viewer):
    if viewer == "verified CSO member":
        client.force_login(cso_member(OrganisationFactory(verified=True)))
    elif viewer == "officer of the office":
        client.force_login(amo_officer())
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    page = html.unescape(response.text)
    for secret in SECRETS:
        assert secret not in page, secret
    amo_email = story.property.amo.email
    if amo_email:
        assert amo_email not in page


def test_the_story_shows_what_the_public_may_know(client, story):
    page = html.unescape(client.get(story.get_absolute_url()).text)
    assert "<h1>Омладински центар Ђурђевак</h1>" in page
    assert "<p>A homework club<br>and a community kitchen.</p>" in page
    assert str(story.use_label) in page and "<li>Youth</li>" in page
    assert story.organisation.get_absolute_url() in page and "Partner Udruženje" in page
    assert story.property.get_absolute_url() in page
    assert "Open to the public at least 20 hours a week." in page  # the agreement's obligations
    for alt in ('alt="The flat in 2020"', 'alt="Public before photo"', 'alt="The kitchen at work"'):
        assert alt in page
    assert "Our first summer" in page and "<p>Forty children came.<br>Every day.</p>" in page
    assert "<caption>Results per reporting period (accepted reports)</caption>" in page
    assert '<th scope="col">People served</th>' in page
    # The timeline: labels and dates, from publication to re-use.
    timeline = page[page.index('id="timeline-heading"'):]
    for label in ("Published", "Call for proposals published",
                  "Proposal approved by the office", "Handed over: the re-use began", "Suspended", "Resumed"):
        assert label in timeline, label
    # Nothing twice: the property's handover and assignment are the project's start and the decision.
    assert "Edited" not in timeline and "Handed over for re-use" not in timeline and "Assigned" not in timeline
    assert "Call for proposals opened" not in timeline


def test_the_charts_hold_accepted_reports_only(client, story):
    response = client.get(story.get_absolute_url())
    people = json_data(response, "chart-people_served")
    assert people["datasets"][0]["data"] == [15, 13]
    assert len(people["labels"]) == 2
    assert json_data(response, "chart-jobs_created")["datasets"][0]["data"] == [3, 1]
    assert json_data(response, "chart-volunteers")["datasets"][0]["data"] == [21, 22]
    assert json_data(response, "chart-events_delivered")["datasets"][0]["data"] == [5, 6]
    assert json_data(response, "chart-services_delivered")["datasets"][0]["data"] == [None, 9]
    assert 'role="img"' in response.text and "vendor/chart.js/chart.umd.min.js" in response.text


def test_a_project_without_accepted_reports_says_so_and_loads_no_chart(client):
    project = reuse_project("active")
    accepted_report(project, status="submitted")
    response = client.get(project.get_absolute_url())
    assert "No results report has been accepted yet." in response.text
    assert "chart.umd" not in response.text and "data-chart" not in response.text


def test_pages_carry_no_inline_script_and_no_external_host(client, story):
    for url in (LIST, story.get_absolute_url(), "/en/impact/"):
        text = client.get(url).text
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in tag or 'type="application/json"' in tag, tag
        assert "onclick=" not in text and "://unpkg" not in text and "cdn." not in text


# Query budgets ------------------------------------------------------------------------------------

def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_query_count_does_not_grow_with_the_projects(client):
    projects = [reuse_project("active", title=f"P{i}", start=YEAR_AGO) for i in range(2)]
    for project in projects:
        accepted_report(project)
    few = _count(client, LIST)
    for index in range(18):
        project = reuse_project("completed" if index % 2 else "active", title=f"Q{index}", start=YEAR_AGO)
        accepted_report(project)
        PropertyPhoto.objects.create(property=project.property, image=png_upload("p.png"), alt_text="x")
    assert _count(client, LIST) == few
    assert few <= 8


def test_the_list_query_count_is_fixed_for_a_signed_in_member_too(client):
    member = MembershipFactory(organisation=OrganisationFactory(verified=True)).user
    client.force_login(member)
    reuse_project("active", property=PropertyFactory(status="under_call", published_at=timezone.now(),
                                                     location_privacy="approximate"))
    few = _count(client, f"{LIST}?country=RS")
    for _index in range(19):
        reuse_project("active", property=PropertyFactory(status="under_call", published_at=timezone.now(),
                                                         location_privacy="approximate"))
    assert _count(client, f"{LIST}?country=RS") == few


def test_the_detail_query_count_does_not_grow_with_the_reports(client):
    def project_with(count):
        project = reuse_project("active", start=timezone.localdate() - dt.timedelta(days=300),
                                reporting_every_months=1, partners=[OrganisationFactory(verified=True)])
        project.thematic_areas.add(*ThematicArea.objects.filter(slug__in=["youth", "culture"]))
        for index in range(count):
            report = accepted_report(project, people={"children": index + 1})
            ReportPhoto.objects.create(report=report, image=png_upload("a.png"), alt_text=f"photo {index}",
                                       consent_confirmed=True)
        ProjectPost.objects.create(project=project, title="Post", body="b", language="en", status="published",
                                   published_at=timezone.now())
        return project

    few, many = project_with(2), project_with(8)
    assert _count(client, few.get_absolute_url()) == _count(client, many.get_absolute_url())
    client.force_login(amo_officer())
    assert _count(client, few.get_absolute_url()) == _count(client, many.get_absolute_url())


# Every language -----------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_answers_in_every_language(client, story, language):
    for url in (f"/{language}/projects/", f"/{language}/projects/{story.pk}/", f"/{language}/impact/",
                f"/{language}/projects/?country=RS&use=youth-centre&theme=youth&status=active&page=1"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'lang="{language}"' in response.text or language in response.text


def test_the_property_page_leads_to_what_the_property_became_once_the_project_is_public(client):
    active = reuse_project("active", title="Youth centre <b>Most</b>")
    preparing = reuse_project("preparing", title="A project not handed over yet")
    page = client.get(active.property.get_absolute_url()).content.decode()
    assert f'href="{active.get_absolute_url()}"' in page
    assert "Youth centre &lt;b&gt;Most&lt;/b&gt;" in page
    type(preparing.property).objects.filter(pk=preparing.property_id).update(status="assigned")
    page = client.get(preparing.property.get_absolute_url()).content.decode()
    assert "A project not handed over yet" not in page and "What it became" not in page
