"""Stories: the index (newest first, filtered by country and theme, paginated, counted, in a fixed number of
queries) and a story's page with what the platform knows of its re-use project, without leaking a project
that is not public."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.selectors import STORIES_PER_PAGE
from network.models import Organisation
from tests.campaign import pages
from tests.factories import accepted_report, reuse_project

pytestmark = pytest.mark.django_db

YEAR_AGO = timezone.localdate() - dt.timedelta(days=365)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.CAMPAIGN_PAGE_CACHE_SECONDS = 0


def titles(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r'<li class="card story-card">.*?<h3><a href="[^"]+">([^<]+)</a></h3>', response.text, re.S)


@pytest.fixture
def index():
    return pages.story_index(title="Stories")


# The index --------------------------------------------------------------------------------------------

def test_the_index_lists_its_live_stories_newest_first(client, index):
    pages.story(index, title="Oldest")
    pages.story(index, title="Middle")
    pages.story(index, title="Not published", live=False)
    pages.story(index, title="Newest")
    assert titles(client.get(index.url)) == ["Newest", "Middle", "Oldest"]


def test_the_index_shows_the_number_of_stories(client, index):
    pages.story(index, title="One")
    pages.story(index, title="Two")
    assert '<h2 class="meta" id="results-heading">2 stories</h2>' in client.get(index.url).text


@pytest.mark.parametrize(("query", "expected"), [
    ("country=AL", ["Tirana youth centre", "Fier farm"]),
    ("country=al", ["Tirana youth centre", "Fier farm"]),
    ("theme=agriculture", ["Fier farm", "Belgrade farm"]),
    ("country=AL&theme=agriculture", ["Fier farm"]),
])
def test_the_index_filters_by_country_and_theme(client, index, query, expected):
    pages.story(index, title="Belgrade farm", country="RS", theme="agriculture")
    pages.story(index, title="Fier farm", country="AL", theme="agriculture")
    pages.story(index, title="Tirana youth centre", country="AL", theme="youth")
    assert titles(client.get(f"{index.url}?{query}")) == expected


@pytest.mark.parametrize("query", ["country=IT", "theme=<script>", "country=%D0%A1%D0%A0%D0%91",
                                   "theme=" + "x" * 5000, "country=&theme="])
def test_unknown_filter_values_are_ignored_with_a_notice(client, index, query):
    pages.story(index, title="Shown anyway", country="AL")
    response = client.get(f"{index.url}?{query}")
    assert titles(response) == ["Shown anyway"]
    if query == "country=&theme=":
        assert "not recognised" not in response.text
    else:
        assert "This value was not recognised and is ignored" in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_the_filter_form_is_a_labelled_get_form_without_csrf_token(client, index):
    html = client.get(index.url).text
    form = re.search(r'<form method="get".*?</form>', html.split('<main', 1)[1], re.S).group(0)
    assert '<label for="id_story_country">' in form and 'id="id_story_country"' in form
    assert '<label for="id_story_theme">' in form and 'id="id_story_theme"' in form
    assert '<button type="submit"' in form
    assert "csrfmiddlewaretoken" not in html


def test_the_filter_choices_show_how_many_stories_each_would_show(client, index):
    pages.story(index, title="A", country="AL", theme="youth")
    pages.story(index, title="B", country="AL", theme="agriculture")
    pages.story(index, title="C", country="RS", theme="youth")
    html = client.get(f"{index.url}?theme=youth").text
    assert '<option value="AL">Albania (1)</option>' in html
    assert '<option value="RS">Serbia (1)</option>' in html
    assert '<option value="youth" selected>Youth (2)</option>' in html
    assert '<option value="agriculture">Agriculture (1)</option>' in html


def test_the_index_is_paginated_and_a_page_that_does_not_exist_is_noted(client, index):
    for number in range(STORIES_PER_PAGE + 1):
        pages.story(index, title=f"Story {number:02d}")
    assert len(titles(client.get(index.url))) == STORIES_PER_PAGE
    second = client.get(f"{index.url}?page=2")
    assert titles(second) == ["Story 00"]
    assert 'rel="prev"' in second.text
    beyond = client.get(f"{index.url}?page=99")
    assert titles(beyond) == ["Story 00"]
    assert "This value was not recognised and is ignored: page." in beyond.text


def test_the_index_lists_only_its_own_language_and_its_own_children(client, index):
    pages.story(index, title="English story")
    assert all(story.locale.language_code == "en" for story in index.get_children().specific())
    assert titles(client.get(index.url)) == ["English story"]


def _queries(client, url):
    client.get(url)  # renditions are made once, on the first view
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _add_stories(index, first, count):
    for number in range(first, first + count):
        pages.story(index, title=f"Story {number}", country="AL", theme="youth",
                    after_image=pages.image(f"After {number}"), before_image=pages.image(f"Before {number}"))


def test_the_index_runs_the_same_queries_for_2_and_12_stories_with_renditions_prefetched(client, index):
    url = f"{index.url}?country=AL"
    _add_stories(index, 0, 2)
    few = _queries(client, url)
    _add_stories(index, 2, 10)
    many = _queries(client, url)
    assert len(titles(client.get(url))) == 12
    assert few == many <= STORY_INDEX_MAX_QUERIES


# Wagtail's routing, the page's languages and sharing tags, the count, the page of stories, their two
# images with renditions (prefetched: four queries for any number of stories), the two facet counts.
STORY_INDEX_MAX_QUERIES = 18


# A story's page -----------------------------------------------------------------------------------

def test_a_story_shows_its_summary_country_theme_and_before_and_after(client, index):
    story = pages.story(index, title="From a villa to a youth centre", summary="A villa became a centre.",
                        country="AL", theme="youth",
                        before_image=pages.image("Before"), before_image_alt="The empty villa",
                        before_text="<p>Empty for ten years.</p>",
                        after_image=pages.image("After"), after_image_alt="Children in the garden",
                        after_text="<p>Open every day.</p>")
    html = client.get(story.url).text
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == ["From a villa to a youth centre"]
    assert "A villa became a centre." in html and "Albania" in html and "Youth" in html
    assert 'alt="The empty villa"' in html and 'alt="Children in the garden"' in html
    assert "<p>Empty for ten years.</p>" in html and "<p>Open every day.</p>" in html
    content = html.split("<main", 1)[1]
    assert content.index("The empty villa") < content.index("Children in the garden")


def test_a_story_without_a_project_names_the_organisation_the_editor_typed(client, index):
    story = pages.story(index, organisation_name="Youth for <Change>")
    html = client.get(story.url).text
    assert "Youth for &lt;Change&gt;" in html
    assert "People served" not in html


def test_a_story_of_a_public_project_shows_its_cso_property_people_served_and_project(client, index):
    project = reuse_project("active", start=YEAR_AGO, reporting_every_months=3)
    accepted_report(project, people={"young_people": 120, "children": 40})
    accepted_report(project, people={"women": 15}, status="submitted")  # not accepted: not counted
    story = pages.story(index, project=project, organisation_name="Typed name, not shown")
    html = client.get(story.url).text
    assert f'<a href="{project.organisation.get_absolute_url()}">{project.organisation.display_name}</a>' in html
    assert f'<a href="{project.property.get_absolute_url()}">' in html
    assert re.search(r"<dt>People served</dt>\s*<dd>160 ", html)
    assert f'href="{project.get_absolute_url()}"' in html
    assert "Typed name, not shown" not in html


def test_a_story_does_not_link_a_property_or_organisation_the_visitor_may_not_open(client, index):
    project = reuse_project("active")
    type(project.property).objects.filter(pk=project.property_id).update(archived_at=timezone.now())
    Organisation.objects.filter(pk=project.organisation_id).update(status=Organisation.Status.SUSPENDED)
    story = pages.story(index, project=project)
    html = client.get(story.url).text
    assert project.property.get_absolute_url() not in html
    assert project.organisation.get_absolute_url() not in html
    assert project.organisation.name in html
    assert f'href="{project.get_absolute_url()}"' in html


@pytest.mark.parametrize("status", ["preparing", "suspended", "terminated"])
def test_a_story_shows_nothing_of_a_project_that_is_not_public(client, index, status):
    project = reuse_project(status)
    story = pages.story(index, project=project, organisation_name="The typed organisation")
    html = client.get(story.url).text
    for leak in (project.title, project.organisation.name, project.property.get_absolute_url(),
                 project.get_absolute_url(), "People served"):
        assert leak not in html
    assert "The typed organisation" in html


def test_a_story_page_runs_the_same_queries_whatever_the_number_of_reports(client, index):
    project = reuse_project("active", start=YEAR_AGO, reporting_every_months=3)
    accepted_report(project)
    story = pages.story(index, project=project, before_image=pages.image(), after_image=pages.image())
    few = _queries(client, story.url)
    for _ in range(2):
        accepted_report(project)
    many = _queries(client, story.url)
    assert few == many <= STORY_MAX_QUERIES


# Wagtail's routing (site, locale, the page's path, its view restrictions), the page's languages and
# sharing tags, the project with its CSO, property and office (one query), the people served (one sum),
# the two images (their renditions come from Wagtail's renditions cache).
STORY_MAX_QUERIES = 16
