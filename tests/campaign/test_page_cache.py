"""Anonymous visitors get campaign pages from the shared cache; nobody else does, and every change that
shows on a page (publishing, unpublishing, deleting, a property's status) drops the cached answers at once."""

import pytest

from tests.campaign import pages
from tests.factories import PropertyFactory, UserFactory

pytestmark = pytest.mark.django_db

HOME = "/en/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.CAMPAIGN_PAGE_CACHE_SECONDS = 600


def cache_state(response):
    return response.headers.get("X-Campaign-Cache")


def available_properties(response) -> str:
    """The figure of available properties as the home page shows it (cached or not)."""
    text = response.content.decode()
    start = text.index('href="/en/properties/?status=available"><strong>') + len(
        'href="/en/properties/?status=available"><strong>')
    return text[start:text.index("</strong>", start)]


def test_an_anonymous_visitor_gets_the_cached_page_on_the_second_request(client):
    page = pages.campaign_page()
    first = client.get(page.url)
    assert cache_state(first) == "miss"
    second = client.get(page.url)
    assert cache_state(second) == "hit"
    assert second.content == first.content


def test_the_cached_answer_keeps_its_content_type_and_language(client):
    client.get(HOME)
    hit = client.get(HOME)
    assert cache_state(hit) == "hit"
    assert hit["Content-Type"] == "text/html; charset=utf-8"
    assert hit.status_code == 200


def test_signed_in_people_are_never_served_or_stored_from_the_cache(client):
    page = pages.campaign_page()
    client.force_login(UserFactory())
    for _ in range(2):
        assert cache_state(client.get(page.url)) is None
    client.logout()
    assert cache_state(client.get(page.url)) == "miss"  # nothing was stored for the signed-in visits


def test_a_request_with_a_session_cookie_is_never_cached(client, settings):
    page = pages.campaign_page()
    client.cookies[settings.SESSION_COOKIE_NAME] = "some-session"
    for _ in range(2):
        assert cache_state(client.get(page.url)) is None


def test_a_request_with_pending_messages_is_never_cached(client):
    page = pages.campaign_page()
    client.get(page.url)
    client.cookies["messages"] = "pending"  # Django's CookieStorage.cookie_name
    for _ in range(2):
        assert cache_state(client.get(page.url)) is None


def test_a_repeated_parameter_is_served_but_never_cached(client):
    index = pages.story_index()
    for _ in range(2):
        response = client.get(f"{index.url}?country=AL&country=RS")
        assert response.status_code == 200 and cache_state(response) is None


def test_publishing_a_new_version_drops_the_cached_page(client):
    page = pages.campaign_page(title="First title")
    client.get(page.url)
    assert cache_state(client.get(page.url)) == "hit"
    page.title = "Second title"
    page.save_revision().publish()
    response = client.get(page.url)
    assert cache_state(response) == "miss"
    assert "Second title" in response.text


def test_publishing_another_page_drops_the_home_page_that_may_list_it(client):
    index = pages.story_index()
    client.get(HOME)
    assert cache_state(client.get(HOME)) == "hit"
    pages.story(index, title="A new story")
    response = client.get(HOME)
    assert cache_state(response) == "miss" and "A new story" in response.text


def test_an_unpublished_page_is_no_longer_served_from_the_cache(client):
    page = pages.campaign_page()
    client.get(page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_deleted_page_is_no_longer_served_from_the_cache(client):
    page = pages.campaign_page()
    url = page.url
    client.get(url)
    assert cache_state(client.get(url)) == "hit"
    page.delete()
    assert client.get(url).status_code == 404


def test_a_propertys_new_status_changes_the_home_figures_at_once(client, django_capture_on_commit_callbacks):
    from reuse_projects import services

    before = available_properties(client.get(HOME))
    assert cache_state(client.get(HOME)) == "hit"
    item = PropertyFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.property_change_status(property=item, actor=None, action="publish")
    response = client.get(HOME)
    assert cache_state(response) == "miss"
    assert int(available_properties(response)) == int(before) + 1


@pytest.mark.parametrize("query", ["utm_source=mail", "q=villa", "country=AL&fbclid=1"])
def test_unknown_query_parameters_are_served_but_never_cached(client, query):
    for _ in range(2):
        response = client.get(f"{HOME}?{query}")
        assert response.status_code == 200
        assert cache_state(response) is None


def test_known_query_parameters_are_cached_per_value(client):
    index = pages.story_index()
    pages.story(index, title="Albanian story", country="AL")
    assert cache_state(client.get(f"{index.url}?country=AL")) == "miss"
    assert cache_state(client.get(f"{index.url}?country=AL")) == "hit"
    response = client.get(f"{index.url}?country=RS")
    assert cache_state(response) == "miss" and "Albanian story" not in response.text.split("results-heading")[1]


def test_a_page_that_does_not_exist_is_not_cached(client):
    for _ in range(2):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        assert cache_state(response) is None


def _campaign_page_with_blocks():
    about = pages.standard_page(title="About")
    return pages.campaign_page(title="Why re-use", image=pages.image(), image_alt="A farm", body=[
        ("heading", {"text": "Benefits", "level": "h2"}),
        ("paragraph", "<p>Places return to the community.</p>"),
        ("image", {"image": pages.image(), "alt_text": "The centre", "caption": ""}),
        ("figures", {"heading": "", "figures": ["csos", "people_served"]}),
        ("faq", {"heading": "", "items": [{"question": "Who?", "answer": "<p>CSOs.</p>"}]}),
        ("call_to_action", {"title": "Join", "text": "", "button_text": "Go", "link": {"page": about, "url": ""}}),
        ("related_pages", {"heading": "", "pages": [about]}),
        ("document", {"document": pages.document(), "title": ""}),
    ])


# Uncached (a visitor with an unknown query parameter), with eight blocks: Wagtail's routing (site,
# locale, the page's path, aliases, view restrictions: 7), the page's languages and sharing tags (3), the
# page's image, then one query each for the image block's image, the call to action's page, the related
# pages and the document: 15 at most (14 or 15 depending on the language helpers' own queries).
# Renditions come from Wagtail's renditions cache, the figures from theirs.
UNCACHED_MAX_QUERIES = 15


def test_a_campaign_page_runs_a_fixed_small_number_of_queries_and_none_when_cached(
    client, django_assert_max_num_queries, django_assert_num_queries
):
    page = _campaign_page_with_blocks()
    client.get(f"{page.url}?uncached=1")  # renditions and figures are computed once
    with django_assert_max_num_queries(UNCACHED_MAX_QUERIES):
        response = client.get(f"{page.url}?uncached=1")
    assert response.status_code == 200 and cache_state(response) is None
    assert cache_state(client.get(page.url)) == "miss"
    with django_assert_num_queries(0):
        assert cache_state(client.get(page.url)) == "hit"


def test_the_home_page_with_several_blocks_is_served_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    home = pages.home()
    home.body = [("heading", {"text": "More", "level": "h2"}), ("figures", {"heading": "", "figures": ["csos"]}),
                 ("quote", {"quote": "Words.", "attribution": ""})]
    home.save_revision().publish()
    client.get(HOME)
    with django_assert_num_queries(0):
        response = client.get(HOME)
    assert cache_state(response) == "hit" and "<h2 class=\"block-heading\">More</h2>" in response.text
