"""Every block of a campaign page renders accessibly on its own (`block.render(value)`) and inside a page,
escapes what editors type, and refuses addresses a link must never have."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from campaign.blocks import BodyBlock
from campaign.figures import FIGURE_LABELS
from tests.campaign import pages
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

BLOCKS = BodyBlock().child_blocks
HOSTILE = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.CAMPAIGN_PAGE_CACHE_SECONDS = 0


def render(name, raw):
    block = BLOCKS[name]
    return str(block.render(block.to_python(raw)))


def link(*, page=None, url=""):
    return {"page": page.pk if page else None, "url": url}


# Heading, text, image, quote ------------------------------------------------------------------------

@pytest.mark.parametrize("level", ["h2", "h3"])
def test_a_heading_has_the_chosen_level(level):
    assert render("heading", {"text": "Benefits", "level": level}).strip() == (
        f'<{level} class="block-heading">Benefits</{level}>'
    )


def test_a_heading_escapes_markup():
    html = render("heading", {"text": HOSTILE, "level": "h2"})
    assert ESCAPED in html and "<script>" not in html


def test_a_paragraph_renders_its_rich_text():
    html = render("paragraph", "<p>Re-use is <b>local</b>.</p>")
    assert '<div class="rich-text"><p>Re-use is <b>local</b>.</p></div>' in html


def test_an_image_is_a_figure_with_its_alternative_text_and_caption():
    photo = pages.image("Farm")
    html = render("image", {"image": photo.pk, "alt_text": "Olive trees on confiscated land",
                            "caption": "Social farm, Fier"})
    assert html.strip().startswith('<figure class="block-image">')
    assert re.search(r'<img [^>]*alt="Olive trees on confiscated land"', html)
    assert "width-1200" in html
    assert "<figcaption>Social farm, Fier</figcaption>" in html


def test_a_decorative_image_has_an_empty_alternative_and_no_caption():
    html = render("image", {"image": pages.image().pk, "alt_text": "", "caption": ""})
    assert re.search(r'<img [^>]*alt=""', html)
    assert "figcaption" not in html


def test_an_image_escapes_its_texts():
    html = render("image", {"image": pages.image().pk, "alt_text": '"><b>x', "caption": HOSTILE})
    assert 'alt="&quot;&gt;&lt;b&gt;x"' in html
    assert ESCAPED in html and "<script>" not in html


def test_a_quote_is_a_blockquote_with_who_said_it():
    html = render("quote", {"quote": "It changed our street.\nFor good.", "attribution": "Ana, Tirana"})
    assert "<blockquote><p>It changed our street.<br>For good.</p></blockquote>" in html
    assert "<figcaption>— <cite>Ana, Tirana</cite></figcaption>" in html


def test_a_quote_escapes_markup_and_needs_no_attribution():
    html = render("quote", {"quote": HOSTILE, "attribution": ""})
    assert ESCAPED in html and "<script>" not in html
    assert "<cite>" not in html


# Figures -------------------------------------------------------------------------------------------

def test_figures_show_the_chosen_live_figures_in_order_as_a_list():
    OrganisationFactory(verified=True)
    html = render("figures", {"heading": "The network", "figures": ["csos", "properties_available"]})
    assert "<h2>The network</h2>" in html
    items = re.findall(r"<li><strong>(\d+)</strong> <span>([^<]+)</span></li>", html)
    assert items == [("1", str(FIGURE_LABELS["csos"])), ("0", str(FIGURE_LABELS["properties_available"]))]


def test_figures_follow_the_data():
    raw = {"heading": "", "figures": ["csos"]}
    assert "<strong>0</strong>" in render("figures", raw)
    OrganisationFactory(verified=True)
    from django.core.cache import cache

    cache.clear()  # verified CSOs have no version of their own: the figure is at most five minutes old
    assert "<strong>1</strong>" in render("figures", raw)


# Call to action --------------------------------------------------------------------------------------

def test_a_call_to_action_links_to_the_chosen_page():
    target = pages.standard_page(title="Contact")
    html = render("call_to_action", {"title": "Talk to us", "text": "We answer within a week.",
                                     "button_text": "Contact the network", "link": link(page=target)})
    assert "<h2>Talk to us</h2>" in html
    assert f'<a class="button" href="{target.url}">Contact the network</a>' in html


def test_a_call_to_action_links_to_an_address():
    html = render("call_to_action", {"title": "Read the law", "text": "", "button_text": "The law",
                                     "link": link(url="https://example.org/law")})
    assert 'href="https://example.org/law"' in html


def test_a_call_to_action_to_a_page_that_is_not_live_has_no_button():
    draft = pages.standard_page(title="Draft", live=False)
    html = render("call_to_action", {"title": "Soon", "text": "", "button_text": "Go", "link": link(page=draft)})
    assert "<h2>Soon</h2>" in html and "<a " not in html


def test_a_call_to_action_escapes_its_texts():
    html = render("call_to_action", {"title": HOSTILE, "text": HOSTILE, "button_text": HOSTILE,
                                     "link": link(url="https://example.org/")})
    assert html.count(ESCAPED) == 3 and "<script>" not in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:msgbox", "not an address"])
def test_a_call_to_action_refuses_an_address_that_is_not_http(url):
    block = BLOCKS["call_to_action"]
    value = block.to_python({"title": "T", "text": "", "button_text": "Go", "link": link(url=url)})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_a_link_needs_exactly_one_of_a_page_or_an_address():
    block = BLOCKS["call_to_action"]
    target = pages.standard_page()
    for bad in (link(), link(page=target, url="https://example.org/")):
        with pytest.raises(StructBlockValidationError):
            block.clean(block.to_python({"title": "T", "text": "", "button_text": "Go", "link": bad}))
    assert block.clean(block.to_python({"title": "T", "text": "", "button_text": "Go", "link": link(page=target)}))


# FAQ -------------------------------------------------------------------------------------------------

def test_a_faq_is_a_native_accordion_with_the_question_in_the_summary():
    html = render("faq", {"heading": "Questions", "items": [
        {"question": "Who can apply?", "answer": "<p>Verified CSOs.</p>"},
        {"question": "Is it free?", "answer": "<p>Yes.</p>"},
    ]})
    assert "<h2>Questions</h2>" in html
    assert re.findall(r"<summary>([^<]+)</summary>", html) == ["Who can apply?", "Is it free?"]
    assert html.count('<details class="faq-item">') == 2
    assert "<p>Verified CSOs.</p>" in html


def test_a_faq_without_heading_has_none_and_escapes_questions():
    html = render("faq", {"heading": "", "items": [{"question": HOSTILE, "answer": "<p>A</p>"}]})
    assert "<h2>" not in html
    assert f"<summary>{ESCAPED}</summary>" in html


# Document ---------------------------------------------------------------------------------------------

def test_a_document_links_with_its_title_file_type_and_size():
    document = pages.document("Handbook for CSOs")
    html = render("document", {"document": document.pk, "title": ""})
    assert f'<a href="{document.url}">Handbook for CSOs</a>' in html
    assert "(PDF, 15\xa0bytes)" in html


def test_a_document_link_can_have_its_own_title_escaped():
    document = pages.document()
    html = render("document", {"document": document.pk, "title": HOSTILE})
    assert ESCAPED in html and "<script>" not in html


# Related pages ---------------------------------------------------------------------------------------

def test_related_pages_link_to_live_pages_only():
    about = pages.standard_page(title="About the network")
    draft = pages.standard_page(title="Draft page", live=False)
    html = render("related_pages", {"heading": "Read more", "pages": [about.pk, draft.pk]})
    assert "<h2>Read more</h2>" in html
    assert f'<a href="{about.url}">About the network</a>' in html
    assert "Draft page" not in html
    assert '<nav class="related-pages" aria-label="Read more">' in html


def test_related_pages_with_no_live_page_render_nothing():
    draft = pages.standard_page(title="Draft page", live=False)
    assert render("related_pages", {"heading": "Read more", "pages": [draft.pk]}).strip() == ""


# Map -------------------------------------------------------------------------------------------------

def test_the_project_map_uses_the_showcases_data_and_map_script_with_a_list_link():
    html = render("project_map", {"heading": "Where re-use happens", "country": "AL"})
    assert '<section class="block-project-map" id="project-map-1"' in html
    assert '<h2 id="project-map-1-heading">Where re-use happens</h2>' in html
    assert 'id="property-map"' in html
    assert 'data-geojson-url="/en/projects/map.geojson?country=AL"' in html
    assert "/static/js/property-map.js" in html and "/static/vendor/leaflet/leaflet.js" in html
    assert '<a href="/en/projects/?country=AL">See the projects as a list</a>' in html


def test_the_project_map_of_the_whole_region_has_no_country_filter():
    html = render("project_map", {"heading": "", "country": ""})
    assert 'data-geojson-url="/en/projects/map.geojson"' in html
    assert 'href="/en/projects/"' in html
    assert 'class="visually-hidden">Map of re-use projects</h2>' in html


def test_the_map_data_the_block_points_to_answers_geojson(client):
    response = client.get("/en/projects/map.geojson?country=AL")
    assert response.status_code == 200
    assert response.json()["type"] == "FeatureCollection"


# Video ------------------------------------------------------------------------------------------------

VIDEO = {"title": "A farm returned", "embed_url": "https://www.youtube-nocookie.com/embed/abc",
         "link_url": "https://www.youtube.com/watch?v=abc", "transcript": "<p>Narrator: this farm...</p>"}


def test_a_video_from_an_allowed_host_is_embedded_with_a_title_lazily_with_link_and_transcript():
    html = render("video", VIDEO)
    assert re.search(r'<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A farm returned" '
                     r'loading="lazy"', html)
    assert '<a href="https://www.youtube.com/watch?v=abc">' in html
    assert "<summary>Transcript</summary>" in html and "<p>Narrator: this farm...</p>" in html


@pytest.mark.parametrize("embed_url", ["https://evil.example/embed/abc", "http://www.youtube-nocookie.com/embed/abc",
                                       "https://www.youtube-nocookie.com.evil.example/x", ""])
def test_a_video_from_another_host_or_without_https_is_only_a_link(embed_url):
    html = render("video", {**VIDEO, "embed_url": embed_url})
    assert "<iframe" not in html
    assert '<a href="https://www.youtube.com/watch?v=abc">' in html
    assert "<summary>Transcript</summary>" in html


def test_the_video_hosts_come_from_the_settings(settings):
    settings.CAMPAIGN_VIDEO_HOSTS = ["video.example.org"]
    assert "<iframe" not in render("video", VIDEO)
    assert "<iframe" in render("video", {**VIDEO, "embed_url": "https://video.example.org/e/1"})


def test_a_video_escapes_its_title():
    html = render("video", {**VIDEO, "title": '"><script>x</script>'})
    assert 'title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html and "<script>x" not in html


@pytest.mark.parametrize("field", ["embed_url", "link_url"])
def test_a_video_refuses_a_javascript_address(field):
    block = BLOCKS["video"]
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(block.to_python({**VIDEO, field: "javascript:alert(1)"}))


# Inside a page ----------------------------------------------------------------------------------------

def test_every_block_renders_inside_a_campaign_page(client):
    about = pages.standard_page(title="About the network")
    document = pages.document("Study of re-use")
    page = pages.campaign_page(title="Every block", body=[
        ("heading", {"text": "A section", "level": "h2"}),
        ("paragraph", "<p>Some text.</p>"),
        ("image", {"image": pages.image(), "alt_text": "A photo of the centre", "caption": "The centre"}),
        ("quote", {"quote": "Words.", "attribution": "Someone"}),
        ("figures", {"heading": "Figures", "figures": ["csos"]}),
        ("call_to_action", {"title": "Act", "text": "", "button_text": "Go",
                            "link": {"page": about, "url": ""}}),
        ("faq", {"heading": "Questions", "items": [{"question": "Why?", "answer": "<p>Because.</p>"}]}),
        ("document", {"document": document, "title": ""}),
        ("related_pages", {"heading": "See also", "pages": [about]}),
        ("project_map", {"heading": "Map", "country": ""}),
        ("video", VIDEO),
        ("project_map", {"heading": "Second map", "country": "RS"}),
    ])
    html = client.get(page.url).text
    for marker in ('<h2 class="block-heading">A section</h2>', "<p>Some text.</p>", 'alt="A photo of the centre"',
                   "<cite>Someone</cite>", '<ul class="figures campaign-figures">', "<h2>Act</h2>",
                   "<summary>Why?</summary>", "Study of re-use", f'href="{about.url}">About the network</a>',
                   'id="project-map-1"', "<iframe", "<summary>Transcript</summary>", 'id="project-map-2"'):
        assert marker in html, marker
    assert len(re.findall(r"<h1[^>]*>", html)) == 1
    # The showcase's map script draws one map per page: the second map block keeps its list link only.
    assert html.count('id="property-map"') == 1
    assert html.count("/static/js/property-map.js") == 1
    assert 'href="/en/projects/?country=RS">See the projects as a list</a>' in html
