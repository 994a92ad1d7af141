"""The campaign's demo content (`campaign.demo.seed`): the English tree translated into the six other
languages with wagtail-localize, every page answering in every language, and a second run that changes
nothing.

The seed takes about 15 seconds on PostgreSQL, so it runs once for the module, in a transaction rolled back
at the end; each test runs in a savepoint inside it.
"""

import re

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from campaign import demo
from campaign.cache import content_version
from campaign.demo_content import translations
from campaign.models import CampaignDocument, EventPage, HomePage, StoryPage

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OTHER_LANGUAGES = [code for code in LANGUAGES if code != settings.LANGUAGE_CODE]
CYRILLIC = re.compile("[\u0400-\u04ff]")


def _media_settings(media) -> dict:
    return {"MEDIA_ROOT": media, "STORAGES": {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(media)}},
    }}


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(**_media_settings(media)):
        with transaction.atomic():
            first_run = demo.seed()
            yield first_run, media
            transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db, settings):
    """What the first run did; the demo's images and documents stay readable (each test would otherwise
    get its own empty media folder)."""
    first_run, media = seeded_once
    for name, value in _media_settings(media).items():
        setattr(settings, name, value)
    return first_run


@pytest.fixture
def demo_pages(seeded):
    """Every demo page in every language, with its locale."""
    english_home = HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)
    keys = Page.objects.descendant_of(english_home, inclusive=True).values_list("translation_key", flat=True)
    return list(Page.objects.filter(translation_key__in=keys).select_related("locale").order_by("path"))


def test_the_first_run_creates_the_tree_documents_and_translations(seeded):
    assert seeded == {"documents": 4, "pages": 18, "home": True, "translations": 19 * len(OTHER_LANGUAGES)}


def test_every_demo_page_is_a_live_translation_in_all_seven_languages(demo_pages):
    by_key = {}
    for page in demo_pages:
        by_key.setdefault(page.translation_key, []).append(page)

    assert len(by_key) == 19
    for versions in by_key.values():
        assert sorted(page.locale.language_code for page in versions) == sorted(LANGUAGES)
        assert all(page.live and page.alias_of_id is None for page in versions)
    assert not Page.objects.filter(alias_of__isnull=False).exists()


def test_editors_can_keep_translating_in_wagtail_localize(demo_pages):
    sources = TranslationSource.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    assert sources.count() == 19
    translations_made = Translation.objects.filter(source__in=sources)
    assert translations_made.count() == 19 * len(OTHER_LANGUAGES)
    assert all(translations_made.values_list("enabled", flat=True))
    for translation in translations_made.select_related("source", "target_locale"):
        assert translation.get_target_instance().locale == translation.target_locale
        total, translated = translation.get_progress()
        assert total == translated > 0  # every string translated, slugs included


def test_each_language_module_translates_exactly_the_strings_of_the_source(seeded):
    strings = set(
        StringSegment.objects.filter(source__locale__language_code=settings.LANGUAGE_CODE)
        .exclude(context__path="slug").values_list("string__data", flat=True)
    )
    for language in OTHER_LANGUAGES:
        module = translations(language)
        assert set(module) == strings, language
        assert all(text.strip() for text in module.values()), language
        # Only a few short strings read the same in both languages ("Media", "Contact", "Tirana, Albania").
        assert sum(text == source for source, text in module.items()) <= 3, language
        if language in {"sr", "mk"}:
            assert all(CYRILLIC.search(text) for text in module.values()), language
        else:
            assert not any(CYRILLIC.search(text) for text in module.values()), language


def test_translated_pages_carry_the_translation(demo_pages):
    home_sr = HomePage.objects.get(depth=2, locale__language_code="sr")
    assert home_sr.hero_title == translations("sr")["Confiscated assets, returned to the community"]
    assert CYRILLIC.search(home_sr.hero_text)
    story = StoryPage.objects.get(locale__language_code="sq", slug="albanian-pilot")
    assert story.title == "Projekti i parë pilot: ripërdorimi social në Shqipëri"
    assert story.after_image_alt.startswith("Ilustrim:")
    assert story.after_image.width == 800  # the illustration is shared with the English story


def test_links_between_demo_pages_stay_in_the_same_language(demo_pages):
    for language in LANGUAGES:
        home = HomePage.objects.get(depth=2, locale__language_code=language)
        targets = [block.value["link"]["page"] for block in home.take_part]
        assert len(targets) == 3
        assert {page.locale.language_code for page in targets} == {language}


def test_every_demo_page_answers_in_every_language_without_placeholder_text(client, demo_pages):
    assert len(demo_pages) == 19 * len(LANGUAGES)
    version = content_version()
    for page in demo_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        content = response.content.decode()
        assert f'<html lang="{page.locale.language_code}"' in content, page.url
        assert "lorem" not in content.lower(), page.url
        assert "not translated yet" not in content, page.url
    assert content_version() == version  # reading saved nothing (no lazily computed file size or hash)


def test_the_events_lie_ahead_with_their_places(demo_pages):
    events = EventPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    assert events.count() == 3
    assert all(event.starts_at > timezone.now() for event in events)
    assert {event.event_language for event in events} == {"sq", "en"}
    assert all(event.capacity for event in events)
    assert events.filter(is_online=True).count() == 1


def test_the_resources_are_small_real_pdf_files_with_their_facts(seeded):
    documents = CampaignDocument.objects.exclude(resource_type="")
    assert documents.count() == 4
    for document in documents:
        with document.file.open("rb") as handle:
            content = handle.read()
        assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
        assert document.language and document.year and document.description
        assert document.file_size == len(content) and document.file_hash  # nothing left to save on a GET
    assert documents.filter(language="sq", country="AL").count() == 1


def test_a_second_run_changes_nothing(seeded):
    def counts():
        return {
            "pages": Page.objects.count(), "revisions": Revision.objects.count(),
            "strings": StringTranslation.objects.count(), "translations": Translation.objects.count(),
            "documents": CampaignDocument.objects.count(), "images": get_image_model().objects.count(),
            "locales": Locale.objects.count(),
        }
    before = counts()
    latest = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()

    assert demo.seed() == {"documents": 0, "pages": 0, "home": False, "translations": 0}
    assert counts() == before
    assert Revision.objects.order_by("-pk").values_list("pk", flat=True).first() == latest
