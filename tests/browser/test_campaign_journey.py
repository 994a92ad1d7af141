"""End to end in a real browser: the awareness campaign, from the editor's draft to a visitor's registration.

An editor builds a campaign page in Wagtail's admin from several blocks (heading, quote, questions and
answers, live figures) and submits it; it is not public yet. A moderator approves it from the dashboard
and it goes live. Its Albanian translation is stored as a translator would in wagtail-localize; a visitor
whose browser speaks Albanian reads it at /sq/, opens an event, registers, and gets the confirmation page
and e-mail in Albanian. Then every campaign page type of the demo content is checked with axe-core
(WCAG 2.1 A and AA) in English, Albanian and Serbian Cyrillic. No request leaves the test server.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import re_path
from django.views.static import serve
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from campaign.models import CampaignPage, EventRegistration
from config.urls import urlpatterns as site_urlpatterns
from tests.campaign import pages
from tests.factories import UserFactory

from .conftest import axe_check, new_page

urlpatterns = [
    *site_urlpatterns,
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls(__name__),
]

PASSWORD = "correct horse battery"
TITLE = "Why social re-use matters"
QUOTE = "The villa is a youth centre now."
QUESTION = "Who can apply for a property?"
ANSWER = "Verified civil society organisations of the six countries."

ALBANIAN = {
    TITLE: "Pse ka rëndësi ripërdorimi social",
    "why-social-re-use-matters": "why-social-re-use-matters",
    "Confiscated property can serve the community.": "Pasuria e konfiskuar mund t'i shërbejë komunitetit.",
    "From crime to community": "Nga krimi te komuniteti",
    QUOTE: "Vila tani është një qendër rinore.",
    QUESTION: "Kush mund të aplikojë për një pronë?",
    ANSWER: "Organizatat e verifikuara të shoqërisë civile të gjashtë vendeve.",
    "The network in figures": "Rrjeti në shifra",
    "Awareness workshop in Tirana": "Punëtori ndërgjegjësimi në Tiranë",
    "What social re-use is and how CSOs can take part.": "Çfarë është ripërdorimi social dhe si mund të marrin "
                                                         "pjesë OSHC-të.",
    "Community centre": "Qendra komunitare",
    "Rruga e Kavajës 1, Tirana": "Rruga e Kavajës 1, Tiranë",
    "Events": "Aktivitete",
}


def translate(page, language):
    """Store the Albanian strings for every segment of the page (as a translator does in wagtail-localize's
    editor) and publish the translation."""
    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=locale, context=segment.context,
            defaults={"data": ALBANIAN.get(text, text)},
        )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(publish=True)
    return page.get_translation(locale)


def admin_sign_in(browser, url, user):
    _context, page = new_page(browser)
    page.goto(f"{url}/cms/login/")
    page.fill("input[name=username]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{url}/cms/")
    return page


def add_block(page, label):
    page.locator("#panel-child-content-body-content .c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def only_this_host(page, url):
    """Fail the test if the page asks any other host for anything."""
    outside = []
    host = urlsplit(url).netloc
    page.on("request", lambda request: outside.append(request.url)
            if urlsplit(request.url).netloc not in (host, "") and not request.url.startswith("data:") else None)
    return outside


def test_an_editor_builds_a_page_a_moderator_approves_it_and_a_visitor_reads_it_in_albanian_and_registers(
        live_server, browser):
    url = live_server.url
    editor, moderator = UserFactory(), UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator.groups.add(Group.objects.get(name="Moderators"))
    home = pages.home()
    event = pages.event(pages.event_index(title="Events"), capacity=20)

    # The editor builds the page from blocks and submits it for moderation.
    admin = admin_sign_in(browser, url, editor)
    admin.goto(f"{url}/cms/pages/add/campaign/campaignpage/{home.pk}/")
    admin.fill("#id_title", TITLE)
    admin.fill("#id_intro", "Confiscated property can serve the community.")
    add_block(admin, "Heading")
    admin.fill("#body-0-value-text", "From crime to community")
    add_block(admin, "Quote")
    admin.fill("#body-1-value-quote", QUOTE)
    add_block(admin, "Frequently asked questions")
    admin.fill("#body-2-value-items-0-value-question", QUESTION)
    answer = admin.locator("[data-contentpath='body'] [contenteditable=true]").last
    answer.click()
    answer.press_sequentially(ANSWER)
    expect(answer).to_contain_text(ANSWER)
    add_block(admin, "Figures from the platform")
    admin.fill("#body-3-value-heading", "The network in figures")
    admin.select_option("#body-3-value-figures", ["properties_available", "people_served"])
    admin.locator("[data-w-dropdown-target=toggle]").last.click()
    admin.locator("button[name=action-submit]").click()
    expect(admin.locator(".messages")).to_contain_text("submitted for moderation")
    created = CampaignPage.objects.get(title=TITLE, locale__language_code="en")
    assert not created.live
    visitor_context, visitor = new_page(browser)
    assert visitor.goto(f"{url}/en/why-social-re-use-matters/").status == 404
    admin.context.close()

    # The moderator approves it from the dashboard: it goes live.
    admin = admin_sign_in(browser, url, moderator)
    row = admin.locator("tr", has_text=TITLE)
    row.locator("[data-w-dropdown-target=toggle]").click()
    admin.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").first.click()
    expect(admin.locator("tr", has_text=TITLE)).to_have_count(0)
    created.refresh_from_db()
    assert created.live
    admin.context.close()

    # The translator's work, then a visitor reading Albanian.
    albanian = translate(created, "sq")
    translate(event.get_parent().specific, "sq")
    albanian_event = translate(event, "sq")
    visitor_context.close()
    visitor_context = browser.new_context(locale="sq-AL", viewport={"width": 1280, "height": 900})
    visitor = visitor_context.new_page()
    outside = only_this_host(visitor, url)
    visitor.goto(f"{url}{albanian.url}")
    expect(visitor.locator("html")).to_have_attribute("lang", "sq")
    expect(visitor.locator("h1")).to_have_text(ALBANIAN[TITLE])
    expect(visitor.locator("blockquote")).to_contain_text(ALBANIAN[QUOTE])
    visitor.locator("summary", has_text=ALBANIAN[QUESTION]).click()
    expect(visitor.get_by_text(ALBANIAN[ANSWER])).to_be_visible()
    expect(visitor.get_by_text("Rrjeti në shifra")).to_be_visible()
    axe_check(visitor)

    # ...who registers for the event in Albanian.
    visitor.goto(f"{url}{albanian_event.url}")
    expect(visitor.locator("h1")).to_have_text(ALBANIAN["Awareness workshop in Tirana"])
    axe_check(visitor)
    visitor.locator(f"a[href='{albanian_event.url}register/']").first.click()
    visitor.fill("input[name=name]", "Arta Hoxha")
    visitor.fill("input[name=email]", "arta@example.org")
    visitor.fill("input[name=organisation]", "Qendra Rinore")
    axe_check(visitor)
    visitor.locator("input[name=consent]").check()
    visitor.locator("form.registration-form [type=submit]").click()
    visitor.wait_for_url(re.compile(r"/sq/events/registration/[\w-]+/$"))
    expect(visitor.locator("html")).to_have_attribute("lang", "sq")
    axe_check(visitor)
    registration = EventRegistration.objects.get(email="arta@example.org")
    assert (registration.status, registration.language) == ("confirmed", "sq")
    assert registration.event_key == event.translation_key
    [message] = [m for m in mail.outbox if "arta@example.org" in m.to]
    assert "/sq/events/registration/" in message.body
    assert any(name.endswith(".ics") for name, _content, _type in message.attachments)
    assert outside == []
    visitor_context.close()


def test_every_campaign_page_type_passes_axe_in_three_languages(live_server, browser):
    from campaign.demo import seed

    seed()
    url = live_server.url
    # One page of each type: home, campaign page, standard page, story index and story, event index and
    # event, resources library, news index and news item.
    paths = ["", "what-is-social-re-use/", "about/", "stories/", "stories/youth-centre-novi-sad/", "events/",
             "events/workshop-tirana/", "resources/", "news/", "news/programme-starts/"]
    context, page = new_page(browser)
    outside = only_this_host(page, url)
    for language in ("en", "sq", "sr"):
        for path in paths:
            response = page.goto(f"{url}/{language}/{path}")
            assert response.status == 200, f"/{language}/{path}"
            expect(page.locator("html")).to_have_attribute("lang", language)
            axe_check(page)
    for path in ("/en/events/workshop-tirana/register/", "/en/newsletter/?email=someone%40example.org"):
        page.goto(f"{url}{path}")
        axe_check(page)
    assert outside == []
    context.close()
