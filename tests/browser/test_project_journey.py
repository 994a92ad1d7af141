"""End to end in a real browser: a re-use project's results report, from the CSO's draft to the public page.

The lead CSO's admin opens the workspace, fills in the first report that is due (texts, indicators,
people served in two target groups), adds two photos with their descriptions and the consent, and
submits; an officer of the property's office accepts it with a comment; a visitor then reads the
narrative, the photos and the figures on the public project page, and sees the impact page's totals
grow by exactly the report's numbers. Charts come from our own static files: the visitor's browser asks
no other host for anything.

Every distinct page the journey visits is checked with axe-core (WCAG 2.1 A and AA).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import re_path
from django.utils import timezone
from django.views.static import serve
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from config.urls import urlpatterns as site_urlpatterns
from projects.models import ResultsReport
from tests.factories import accepted_report, amo_officer, cso_member, reuse_project

from .conftest import axe_check, new_page, signed_in

# The live server answers with this module's URLs: the site's, and the uploaded photos, which the web
# server (not Django, DEBUG being off) serves in production.
urlpatterns = [
    *site_urlpatterns,
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls(__name__),
]

OFFICE = "direkcija-rs"
NARRATIVE = "The community kitchen opened in March; the homework club now meets every weekday afternoon."
LESSONS = "Ask the municipality for the permits before the renovation starts."
INDICATORS = {"Jobs created": "3", "Volunteers": "17", "Events delivered": "9", "Services delivered": "240"}
PEOPLE = {"Young people (15-29)": 85, "Women": 46}
PHOTOS = [
    ("kitchen.png", "PNG", "Volunteers cooking lunch in the community kitchen"),
    ("homework.jpg", "JPEG", "Children doing homework at a long table with two tutors"),
]
COMMENT = "Thank you: clear figures and good photos."
# Another project's accepted report, on the impact page before this one is accepted.
OTHER_PEOPLE = {"children": 30}
OTHER_JOBS = 2


# True once Chart.js is loaded and has drawn at least `count` of the page's canvases.
DRAWN = """count => typeof window.Chart !== 'undefined'
    && [...document.querySelectorAll('canvas[data-chart]')].filter(c => Chart.getChart(c)).length >= count"""


def message(page):
    return page.locator(".messages")


def write_image(path, image_format):
    """A small real picture, drawn with Pillow."""
    image = Image.new("RGB", (480, 320), (240, 230, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 180, 440, 300), fill=(150, 100, 60))
    draw.ellipse((180, 60, 300, 180), fill=(220, 120, 40))
    image.save(path, format=image_format)
    return path


def number(text):
    return int(text.strip().replace(",", "").replace("\u00a0", ""))


def impact_figure(page, label):
    """The region's figure in the row `label` of the per-country table of the impact page."""
    table = page.locator("table").filter(has=page.locator("caption", has_text="Figures per country"))
    return number(row_of(table, label).locator("td").first.inner_text())


def row_of(table, label):
    """The body row of `table` whose header cell reads exactly `label`."""
    row = table.locator("tbody tr").filter(has=table.page.locator("th", has_text=re.compile(rf"^{re.escape(label)}$")))
    expect(row).to_have_count(1)
    return row


def test_results_report_from_draft_to_the_public_page(live_server, browser, tmp_path):
    url = live_server.url
    today = timezone.localdate()
    project = reuse_project("active", start=today - timezone.timedelta(days=200))
    admin = cso_member(project.organisation, admin=True)
    officer_user = amo_officer(OFFICE)
    assert project.property.amo.slug == OFFICE
    other = reuse_project("active", start=today - timezone.timedelta(days=200))
    accepted_report(other, people=OTHER_PEOPLE, jobs_created=OTHER_JOBS)
    report = project.reports.order_by("due_date", "pk").first()
    assert report.status == ResultsReport.Status.DRAFT and report.period_end < today
    images = [write_image(tmp_path / name, image_format) for name, image_format, _alt in PHOTOS]

    # The visitor's browser records every request it makes, from the first page on.
    _context, visitor = new_page(browser)
    requests = []
    visitor.on("request", lambda request: requests.append(request.url))
    visitor.goto(f"{url}/en/impact/")
    people_before = impact_figure(visitor, "People served")
    jobs_before = impact_figure(visitor, "Jobs created")
    assert (people_before, jobs_before) == (sum(OTHER_PEOPLE.values()), OTHER_JOBS)

    # 1. The CSO's admin opens the workspace from "My projects" and the first report that is due.
    cso = signed_in(browser, url, admin)
    cso.get_by_role("navigation", name="Main").get_by_role("link", name="My projects").click()
    cso.get_by_role("link", name=project.title).click()
    cso.wait_for_url(f"{url}/en/projects/{project.pk}/manage/")
    expect(cso.get_by_role("heading", level=1)).to_have_text(project.title)
    axe_check(cso)
    schedule = cso.locator("table.reports-schedule")
    schedule.get_by_role("link", name=re.compile(r"^Open the report from")).first.click()
    cso.wait_for_url(f"{url}/en/projects/reports/{report.pk}/")
    expect(cso.locator(".badge-report-draft")).to_have_text("Not yet submitted")
    axe_check(cso)
    cso.get_by_role("link", name="Edit the report").click()
    cso.wait_for_url(f"{url}/en/projects/reports/{report.pk}/edit/")
    expect(cso.get_by_role("heading", level=1)).to_have_text("Edit the results report")
    axe_check(cso)
    cso.get_by_label("What happened in the period").fill(NARRATIVE)
    cso.get_by_label("Lessons learned").fill(LESSONS)
    for label, value in INDICATORS.items():
        cso.get_by_label(label, exact=True).fill(value)
    for label, people in PEOPLE.items():
        cso.get_by_label(label, exact=True).fill(str(people))
    cso.get_by_role("button", name="Save the draft").click()
    cso.wait_for_url(f"{url}/en/projects/reports/{report.pk}/")
    expect(message(cso)).to_contain_text("The report is saved.")
    expect(cso.get_by_text(NARRATIVE)).to_be_visible()
    people_table = cso.locator("table.people-served")
    expect(people_table.locator("caption")).to_contain_text(f"(total {sum(PEOPLE.values())})")
    for label, people in PEOPLE.items():
        expect(people_table.get_by_role("row").filter(has_text=label)).to_contain_text(str(people))

    photo_form = cso.get_by_role("form", name="Add a photo")
    for path, (_name, _format, alt) in zip(images, PHOTOS, strict=True):
        photo_form.get_by_label(re.compile(r"^Photo")).set_input_files(str(path))
        photo_form.get_by_label("Description of the photo").fill(alt)
        photo_form.get_by_label("Everyone recognisable in the photo agreed to its publication").check()
        photo_form.get_by_role("button", name="Add the photo").click()
        expect(message(cso)).to_contain_text("The photo is added.")
        expect(cso.get_by_role("img", name=alt)).to_be_visible()
    assert [photo.alt_text for photo in report.photos.order_by("position")] == [alt for *_rest, alt in PHOTOS]
    axe_check(cso)

    cso.get_by_role("button", name="Submit to the office").click()
    cso.wait_for_url(f"{url}/en/projects/reports/{report.pk}/")
    expect(message(cso)).to_contain_text("The report is submitted to the office.")
    expect(cso.locator(".badge-report-submitted")).to_be_visible()
    expect(cso.get_by_role("link", name="Edit the report")).to_have_count(0)
    axe_check(cso)
    report.refresh_from_db()
    assert report.status == ResultsReport.Status.SUBMITTED and report.submitted_by == admin
    assert report.people_served == sum(PEOPLE.values()) and report.jobs_created == int(INDICATORS["Jobs created"])
    # Not public yet: the visitor does not find it.
    visitor.goto(f"{url}/en/projects/{project.pk}/")
    expect(visitor.get_by_text("No results report has been accepted yet.")).to_be_visible()
    assert NARRATIVE not in visitor.content()

    # 2. The officer of the property's office opens the report and accepts it with a comment.
    officer = signed_in(browser, url, officer_user)
    officer.goto(f"{url}/en/projects/{project.pk}/manage/")
    officer.locator("table.reports-schedule").get_by_role("row").filter(
        has=officer.locator(".badge-report-submitted")
    ).get_by_role("link").click()
    officer.wait_for_url(f"{url}/en/projects/reports/{report.pk}/")
    expect(officer.get_by_text(NARRATIVE)).to_be_visible()
    axe_check(officer)
    accept = officer.get_by_role("form", name="Accept the report")
    accept.get_by_label("Comments to the organisation").fill(COMMENT)
    accept.get_by_role("button", name="Accept", exact=True).click()
    officer.wait_for_url(f"{url}/en/projects/reports/{report.pk}/")
    expect(message(officer)).to_contain_text("The report is accepted: it is now public.")
    expect(officer.locator(".badge-report-accepted")).to_have_text("Accepted")
    expect(officer.locator(".review-comments")).to_have_text(COMMENT)
    expect(officer.get_by_role("button", name="Accept", exact=True)).to_have_count(0)
    axe_check(officer)
    report.refresh_from_db()
    assert report.status == ResultsReport.Status.ACCEPTED and report.reviewed_by == officer_user

    # 3. A visitor reads the story, the photos and the figures on the public project page.
    visitor.goto(f"{url}/en/projects/{project.pk}/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(project.title)
    expect(visitor.get_by_text(NARRATIVE)).to_be_visible()
    gallery = visitor.get_by_role("region", name="Before and after")
    for _name, _format, alt in PHOTOS:
        photo = gallery.get_by_role("img", name=alt)
        expect(photo).to_have_attribute("alt", alt)
        photo.scroll_into_view_if_needed()
        expect(photo).to_be_visible()
        assert photo.evaluate("img => img.complete && img.naturalWidth") == 480
    results = visitor.locator("table").filter(
        has=visitor.locator("caption", has_text="Results per reporting period (accepted reports)")
    )
    headers = [text.strip() for text in results.locator("thead th").all_inner_texts()]
    cells = [text.strip() for text in results.locator("tbody tr").first.locator("td").all_inner_texts()]
    expect(results.locator("tbody tr")).to_have_count(1)
    assert dict(zip(headers[1:], cells, strict=True)) == {
        "People served": str(sum(PEOPLE.values())), **INDICATORS,
    }
    canvases = visitor.locator("canvas[data-chart]")
    expect(canvases).to_have_count(len(headers) - 1)
    visitor.wait_for_function(DRAWN, arg=len(headers) - 1)
    axe_check(visitor)
    story = visitor.get_by_role("region", name="What happened")
    story.get_by_role("link", name=re.compile(r"^The full results report")).click()
    visitor.wait_for_url(f"{url}/en/projects/reports/{report.pk}/")
    expect(visitor.get_by_text(LESSONS)).to_be_visible()
    expect(visitor.get_by_role("img", name=PHOTOS[0][2])).to_have_count(1)
    expect(visitor.get_by_role("link", name="Edit the report")).to_have_count(0)
    expect(visitor.get_by_role("button", name="Accept", exact=True)).to_have_count(0)
    assert COMMENT not in visitor.content(), "the office's comments are for the organisation"
    axe_check(visitor)

    # ... and the impact page counts the report's numbers.
    visitor.goto(f"{url}/en/impact/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Impact of social re-use")
    assert impact_figure(visitor, "People served") == people_before + sum(PEOPLE.values())
    assert impact_figure(visitor, "Jobs created") == jobs_before + int(INDICATORS["Jobs created"])
    groups = visitor.locator("table").filter(has=visitor.locator("caption", has_text="per target group"))
    for label, people in PEOPLE.items():
        assert number(row_of(groups, label).locator("td").inner_text()) == people
    for chart in ("chart-properties", "chart-results", "chart-groups"):
        expect(visitor.locator(f"canvas[data-chart='{chart}']")).to_have_count(1)
    visitor.wait_for_function(DRAWN, arg=3)
    axe_check(visitor)

    # Chart.js came from our static files, and nothing was asked of another host.
    host = urlsplit(url).netloc
    assert f"{url}/static/vendor/chart.js/chart.umd.min.js" in requests
    assert any(urlsplit(request).path.startswith("/media/") for request in requests)
    foreign = [request for request in requests if urlsplit(request).netloc != host]
    assert foreign == [], foreign
