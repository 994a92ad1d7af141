"""Builders for campaign pages in tests: each creates the page under its parent and publishes it (unless
live=False), as an editor would in /cms/."""

import io
from datetime import timedelta

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from campaign.models import (
    CampaignDocument,
    CampaignPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ResourceIndexPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)


def home(language="en") -> HomePage:
    """The home page of a language (created by migration 0002: English, and aliases of it elsewhere)."""
    return HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code=language))


def add(parent, page, *, live=True):
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    page.refresh_from_db()
    return page


def image(title="A photo", *, size=(64, 48), color=(30, 120, 90)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="JPEG")
    buffer.seek(0)
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="photo.jpg"))


def document(title="Handbook", *, resource_type="handbook", language="en", country="", year=2024, **fields):
    return CampaignDocument.objects.create(
        title=title, file=SimpleUploadedFile("handbook.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        resource_type=resource_type, language=language, country=country, year=year, **fields,
    )


def campaign_page(parent=None, *, title="What is social re-use?", body=(), live=True, **fields):
    return add(parent or home(), CampaignPage(title=title, intro=fields.pop("intro", "Why it matters."),
                                              body=list(body), **fields), live=live)


def standard_page(parent=None, *, title="About", live=True, **fields):
    return add(parent or home(), StandardPage(title=title, **fields), live=live)


def story_index(parent=None, **fields):
    return add(parent or home(), StoryIndexPage(title=fields.pop("title", "Stories"), **fields))


def story(index=None, *, title="From a villa to a youth centre", live=True, **fields):
    fields.setdefault("summary", "A confiscated villa now hosts a youth centre.")
    return add(index or story_index(), StoryPage(title=title, **fields), live=live)


def event_index(parent=None, **fields):
    return add(parent or home(), EventIndexPage(title=fields.pop("title", "Events"), **fields))


def event(index=None, *, title="Awareness workshop in Tirana", live=True, starts_in=timedelta(days=10), **fields):
    starts_at = timezone.now() + starts_in
    fields.setdefault("summary", "What social re-use is and how CSOs can take part.")
    fields.setdefault("starts_at", starts_at)
    fields.setdefault("ends_at", starts_at + timedelta(hours=3))
    fields.setdefault("time_zone", "Europe/Tirane")
    fields.setdefault("venue", "Community centre")
    fields.setdefault("address", "Rruga e Kavajës 1, Tirana")
    fields.setdefault("country", "AL")
    return add(index or event_index(), EventPage(title=title, **fields), live=live)


def resource_index(parent=None, **fields):
    return add(parent or home(), ResourceIndexPage(title=fields.pop("title", "Resources"), **fields))


def news_index(parent=None, **fields):
    return add(parent or home(), NewsIndexPage(title=fields.pop("title", "News"), **fields))


def news(index=None, *, title="The network meets in Skopje", live=True, **fields):
    fields.setdefault("summary", "CSOs and offices met to share what works.")
    return add(index or news_index(), NewsPage(title=title, **fields), live=live)
