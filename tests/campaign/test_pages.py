"""The home page (message, live figures, featured stories and project posts, next events, ways to take
part, more content), campaign pages and standard pages, as visitors read them."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from campaign.figures import HOME_FIGURES, figures_for
from campaign.models import HomeFeaturedStory
from projects.models import ProjectPost
from tests.campaign import pages
from tests.factories import OrganisationFactory, PropertyFactory, reuse_project

pytestmark = pytest.mark.django_db

HOME = "/en/"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """These tests read the pages as rendered (the cache has its own tests in test_page_cache.py)."""
    settings.CAMPAIGN_PAGE_CACHE_SECONDS = 0


def main(response) -> str:
    assert response.status_code == 200
    return re.search(r"<main.*?</main>", response.text, re.S).group(0)


def section(response, heading_id) -> str:
    """The home page's section labelled by the heading `heading_id`."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', response.text, re.S)
    return match.group(0) if match else ""


def card_titles(html) -> list[str]:
    return re.findall(r"<h3[^>]*><a [^>]*>([^<]+)</a></h3>", html)


# The message ----------------------------------------------------------------------------------------

def test_the_home_page_has_the_message_as_its_only_h1_and_the_introduction(client):
    home = pages.home()
    home.hero_title = "Assets <returned> to people"
    home.hero_text = "From crime to community."
    home.save_revision().publish()
    html = main(client.get(HOME))
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == ["Assets &lt;returned&gt; to people"]
    assert "From crime to community." in html


def test_the_hero_image_has_its_alternative_text_or_an_empty_one_when_decorative(client):
    home = pages.home()
    home.hero_image = pages.image("Villa")
    home.hero_image_alt = "A white villa with a garden, now a youth centre"
    home.save_revision().publish()
    assert 'alt="A white villa with a garden, now a youth centre"' in main(client.get(HOME))
    home.hero_image_alt = ""
    home.save_revision().publish()
    image = re.search(r"<img [^>]*campaign-hero-image[^>]*>", main(client.get(HOME))).group(0)
    assert 'alt=""' in image


# Live figures ---------------------------------------------------------------------------------------

def test_the_home_page_shows_the_live_figures_each_linking_to_what_it_counts(client):
    OrganisationFactory(verified=True)
    OrganisationFactory(verified=True)
    OrganisationFactory()  # not verified: not counted
    PropertyFactory(available=True)
    response = client.get(HOME)
    figures = response.context["figures"]
    assert [figure["key"] for figure in figures] == HOME_FIGURES
    values = {figure["key"]: figure["value"] for figure in figures}
    assert values["csos"] == 2
    assert values["properties_available"] == 1
    html = section(response, "figures-heading")
    assert '<a href="/en/properties/?status=available"><strong>1</strong>' in html
    assert '<a href="/en/projects/"><strong>0</strong>' in html
    assert '<a href="/en/organisations/"><strong>2</strong>' in html
    assert '<a href="/en/impact/"><strong>0</strong>' in html


# Featured stories ------------------------------------------------------------------------------------

def test_the_stories_the_editor_featured_come_first_in_their_order(client):
    index = pages.story_index()
    first = pages.story(index, title="Farm in Fier")
    second = pages.story(index, title="Shelter in Bar")
    pages.story(index, title="Newest but not chosen", featured=True)
    home = pages.home()
    home.featured_stories = [HomeFeaturedStory(story=second, sort_order=0),
                             HomeFeaturedStory(story=first, sort_order=1)]
    home.save_revision().publish()
    assert card_titles(section(client.get(HOME), "stories-heading")) == ["Shelter in Bar", "Farm in Fier"]


def test_without_a_choice_the_newest_featured_stories_come_first_then_the_newest_three_at_most(client):
    index = pages.story_index()
    pages.story(index, title="Old featured", featured=True)
    pages.story(index, title="Plain one")
    pages.story(index, title="Plain two")
    pages.story(index, title="New featured", featured=True)
    pages.story(index, title="Draft featured", featured=True, live=False)
    titles = card_titles(section(client.get(HOME), "stories-heading"))
    assert titles == ["New featured", "Old featured", "Plain two"]


def test_a_story_card_shows_its_image_title_summary_and_country(client):
    index = pages.story_index()
    pages.story(index, title="Villa in Durrës", summary="Now a library.", country="AL",
                after_image=pages.image(), after_image_alt="Children reading")
    html = section(client.get(HOME), "stories-heading")
    assert 'alt="Children reading"' in html and "fill-640x400" in html
    assert "Villa in Durrës" in html and "Now a library." in html and "Albania" in html


def test_the_home_page_has_no_story_section_without_stories(client):
    assert section(client.get(HOME), "stories-heading") == ""


# Project posts ----------------------------------------------------------------------------------------

def _post(project, title, **fields):
    fields = {"status": ProjectPost.Status.PUBLISHED, "featured": True, "published_at": timezone.now(), **fields}
    return ProjectPost.objects.create(project=project, title=title, body="What we learned.", language="sr-latn",
                                      **fields)


def test_only_published_featured_posts_of_public_projects_are_shown(client):
    active = reuse_project("active")
    preparing = reuse_project("preparing")
    _post(active, "Shown post")
    _post(active, "Not featured", featured=False)
    _post(active, "Pending", status=ProjectPost.Status.PENDING)
    _post(preparing, "Of a project not public")
    html = section(client.get(HOME), "posts-heading")
    assert card_titles(html) == ["Shown post"]
    assert f'href="{active.get_absolute_url()}"' in html
    assert 'lang="sr-latn"' in html


# Events -----------------------------------------------------------------------------------------------

def test_the_next_three_live_events_of_the_language_are_shown_soonest_first(client):
    index = pages.event_index()
    pages.event(index, title="In twenty days", starts_in=dt.timedelta(days=20))
    pages.event(index, title="In two days", starts_in=dt.timedelta(days=2))
    pages.event(index, title="In five days", starts_in=dt.timedelta(days=5))
    pages.event(index, title="In forty days", starts_in=dt.timedelta(days=40))
    pages.event(index, title="Past", starts_in=-dt.timedelta(days=2))
    pages.event(index, title="Draft", starts_in=dt.timedelta(days=1), live=False)
    html = section(client.get(HOME), "events-heading")
    assert card_titles(html) == ["In two days", "In five days", "In twenty days"]


def test_an_event_is_dated_in_its_own_time_zone(client):
    starts_at = dt.datetime(2031, 1, 15, 8, 0, tzinfo=dt.UTC)
    pages.event(title="Training in Chișinău", time_zone="Europe/Chisinau", starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=2), starts_in=dt.timedelta(days=1))
    html = section(client.get(HOME), "events-heading")
    assert "Jan. 15, 2031, 10 a.m." in html  # UTC+2 in winter; the site's own zone would say 9 a.m.
    assert "Europe/Chisinau" in html
    assert 'datetime="2031-01-15T08:00:00+00:00"' in html


def test_the_home_page_says_when_no_event_is_planned(client):
    assert "No event is planned at the moment." in section(client.get(HOME), "events-heading")


# Ways to take part and more content -----------------------------------------------------------------

def test_without_ways_to_take_part_the_home_page_offers_the_platforms_own(client):
    html = section(client.get(HOME), "take-part-heading")
    assert 'href="/en/organisations/register/"' in html
    assert 'href="/en/properties/"' in html
    assert 'href="/en/projects/"' in html


def test_the_editors_ways_to_take_part_replace_the_default_ones(client):
    target = pages.standard_page(title="Volunteer")
    home = pages.home()
    home.take_part = [("call_to_action", {"title": "Volunteer with a CSO", "text": "Give an afternoon.",
                                          "button_text": "How to volunteer", "link": {"page": target, "url": ""}})]
    home.save_revision().publish()
    html = section(client.get(HOME), "take-part-heading")
    assert "<h3>Volunteer with a CSO</h3>" in html
    assert f'href="{target.url}"' in html
    assert "/en/organisations/register/" not in html


def test_the_home_pages_more_content_is_rendered_after_the_rest(client):
    home = pages.home()
    home.body = [("heading", {"text": "Why re-use matters", "level": "h2"}),
                 ("quote", {"quote": "It changed our street.", "attribution": "A neighbour"})]
    home.save_revision().publish()
    html = main(client.get(HOME))
    assert html.index("Why re-use matters") > html.index("take-part-heading")
    assert "<cite>A neighbour</cite>" in html


def test_the_albanian_home_page_answers_with_the_same_figures(client):
    assert Locale.objects.filter(language_code="sq").exists()
    response = client.get("/sq/")
    assert response.status_code == 200
    assert [figure["value"] for figure in response.context["figures"]] == [
        figure["value"] for figure in figures_for(HOME_FIGURES)
    ]


# Query budget ---------------------------------------------------------------------------------------

# Wagtail's routing (site, locale, the page's path, aliases, view restrictions), the page's languages and
# sharing tags, the featured stories (chosen ones, then the stories with their images and renditions,
# prefetched), the project posts, the events and the indexes for the "all" links: 15 at most, whatever the
# number of stories, posts and events (14 or 15 depending on the language helpers' own queries).
HOME_MAX_QUERIES = 15


def _queries_of(client, url):
    client.get(url)  # renditions are made once, on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_the_home_page_runs_the_same_number_of_queries_for_2_and_10_stories_events_and_posts(client):
    """Everything the home page shows comes in a fixed number of queries (renditions prefetched)."""
    stories, events = pages.story_index(), pages.event_index()
    for number in range(2):
        pages.story(stories, title=f"Story {number}", featured=True, after_image=pages.image(f"After {number}"))
        pages.event(events, title=f"Event {number}", starts_in=dt.timedelta(days=number + 1))
        ProjectPost.objects.create(project=reuse_project("active"), title=f"Post {number}", body="Text",
                                   language="en", status="published", featured=True, published_at=timezone.now())
    few, response = _queries_of(client, HOME)
    assert [len(card_titles(section(response, name))) for name in ("stories-heading", "events-heading",
                                                                    "posts-heading")] == [2, 2, 2]
    for number in range(2, 10):
        pages.story(stories, title=f"Story {number}", featured=True, after_image=pages.image(f"After {number}"))
        pages.event(events, title=f"Event {number}", starts_in=dt.timedelta(days=number + 1))
        ProjectPost.objects.create(project=reuse_project("active"), title=f"Post {number}", body="Text",
                                   language="en", status="published", featured=True, published_at=timezone.now())
    many, response = _queries_of(client, HOME)
    assert [len(card_titles(section(response, name))) for name in ("stories-heading", "events-heading",
                                                                    "posts-heading")] == [3, 3, 3]
    assert few == many <= HOME_MAX_QUERIES


# Campaign pages and standard pages ----------------------------------------------------------------

def test_a_campaign_page_shows_its_title_introduction_image_and_blocks(client):
    page = pages.campaign_page(title="What is social re-use?", intro="Assets <b>returned</b>.",
                               image=pages.image(), image_alt="A farm on confiscated land",
                               body=[("heading", {"text": "Benefits", "level": "h2"})])
    html = main(client.get(page.url))
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == ["What is social re-use?"]
    assert "Assets &lt;b&gt;returned&lt;/b&gt;." in html
    assert 'alt="A farm on confiscated land"' in html
    assert '<h2 class="block-heading">Benefits</h2>' in html


def test_a_standard_page_shows_its_title_introduction_and_body(client):
    page = pages.standard_page(title="Privacy", intro="What we keep and why.",
                               body=[("paragraph", "<p>We keep your e-mail address.</p>")])
    html = main(client.get(page.url))
    assert "<h1>Privacy</h1>" in html
    assert "What we keep and why." in html
    assert "<p>We keep your e-mail address.</p>" in html


def test_a_draft_campaign_page_is_not_shown(client):
    page = pages.campaign_page(title="Not yet", live=False)
    assert client.get(f"/en/{page.slug}/").status_code == 404


def test_the_campaign_stylesheet_is_linked_from_every_campaign_page(client):
    page = pages.standard_page()
    for url in (HOME, page.url):
        assert 'href="/static/css/campaign.css"' in client.get(url).text
