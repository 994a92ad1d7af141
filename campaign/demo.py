"""The campaign's demo content for `manage.py seed_demo`, in all seven languages.

The English tree (under the English home page) is written from `campaign.demo_content.en`; as an editor's
pages would, every new page gets an alias in each other locale (wagtail-localize's synchronised trees).
Then each page is translated with wagtail-localize itself: its TranslationSource, a StringTranslation for
every string taken from `campaign.demo_content.<language>`, an enabled Translation per locale, and the
translated page saved and published. The aliases (the home pages' from migration 0002 included) thereby
become real translations that editors keep editing in wagtail-localize's editor.

`seed()` is idempotent: pages are found by slug under their parent, documents and images by title, and a
page already translated into a locale is left alone, so a second run writes nothing.
"""

import io
import json
import uuid
import zoneinfo
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import create_aliases_for_new_page

from . import models
from .demo_content import en, translations

# Context paths of the page choosers in the demo's blocks (call to action links, related pages).
PAGE_CHOOSER_NAMES = {"page", "pages"}


class MissingDemoTranslation(Exception):
    """A string of the English demo content has no translation in a language's module."""


def seed() -> dict:
    """Create what is missing of the demo campaign and translate it; returns counts of what was done."""
    with transaction.atomic():
        english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        home = models.HomePage.objects.get(depth=2, locale=english, alias_of__isnull=True)
        pages = {"home": home}
        done = {"documents": _seed_documents(), "pages": _seed_pages(pages)}
        done["home"] = _fill_home(home, pages)
        done["translations"] = _translate(list(pages.values()))
        return done


# English ------------------------------------------------------------------------------------------

def _resolve(value, pages):
    """The block value with `Ref`s replaced by page ids (None while the page does not exist yet)."""
    if isinstance(value, en.Ref):
        page = pages.get(value.key)
        return page.pk if page else None
    if isinstance(value, dict):
        return {name: _list_items(_resolve(item, pages)) if name in LIST_BLOCK_NAMES else _resolve(item, pages)
                for name, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item, pages) for item in value]
    return value


# The ListBlocks of the demo's blocks (FAQ questions, related pages): stored in Wagtail's block format, the
# only one wagtail-localize extracts strings from.
LIST_BLOCK_NAMES = {"items", "pages"}


def _list_items(values):
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def _refs(value) -> set[str]:
    if isinstance(value, en.Ref):
        return {value.key}
    if isinstance(value, dict):
        return set().union(*(_refs(item) for item in value.values())) if value else set()
    if isinstance(value, list | tuple):
        return set().union(*(_refs(item) for item in value)) if value else set()
    return set()


def _stream(blocks, pages):
    """The blocks in the stream field's JSON form (page choosers hold page ids)."""
    return [{"type": block_type, "value": _resolve(value, pages)} for block_type, value in blocks]


def _publish(page) -> None:
    page.save_revision().publish()


def _fill_home(home, pages) -> bool:
    """The English home's message, ways to take part and figures, once (an editor's later changes stay)."""
    if home.take_part.raw_data or home.body.raw_data:
        return False
    home.hero_title = en.HOME["hero_title"]
    home.hero_text = en.HOME["hero_text"]
    home.take_part = _stream(en.HOME["take_part"], pages)
    home.body = _stream(en.HOME["body"], pages)
    _publish(home)
    return True


def _seed_pages(pages: dict) -> int:
    """Create the missing English pages, each once its parent and the pages it links to exist."""
    created = 0
    waiting = list(en.PAGES)
    while waiting:
        ready = [entry for entry in waiting
                 if entry[2] in pages and _refs(entry[3]) <= set(pages) | {entry[0]}]
        if not ready:
            raise ValueError(f"Demo pages wait for each other: {[entry[0] for entry in waiting]}")
        key, model_name, parent_key, fields = ready[0]
        waiting.remove(ready[0])
        parent = pages[parent_key]
        model = getattr(models, model_name)
        existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
        if existing is not None:
            pages[key] = existing
            continue
        page = model(**_page_fields(key, model, fields, pages))
        parent.add_child(instance=page)
        _publish(page)
        create_aliases_for_new_page(page)
        pages[key] = page
        created += 1
    return created


def _page_fields(key, model, fields, pages) -> dict:
    values = {name: value for name, value in fields.items()
              if name not in {"starts_in_days", "hours", "days_ago", "date", "body"}}
    if "body" in fields:
        values["body"] = _stream(fields["body"], pages)
    if model is models.EventPage:
        zone = zoneinfo.ZoneInfo(fields["time_zone"])
        day = timezone.localdate() + timedelta(days=fields["starts_in_days"])
        values["starts_at"] = datetime.combine(day, time(10, 0), tzinfo=zone)
        values["ends_at"] = values["starts_at"] + timedelta(hours=fields["hours"])
    if model is models.NewsPage:
        values["date"] = (date.fromisoformat(fields["date"]) if "date" in fields
                          else timezone.localdate() - timedelta(days=fields["days_ago"]))
    if model is models.StoryPage:
        colour = STORY_COLOURS.get(key)
        if colour:
            values["before_image"] = _image(f"Demo illustration: before ({fields['title']})", False, colour)
            values["after_image"] = _image(f"Demo illustration: after ({fields['title']})", True, colour)
        if key == "story-novi-sad":
            values["project"] = _novi_sad_project()
    return values


def _novi_sad_project():
    """The youth centre that `projects.demo` runs (Serbia's Directorate's demo project), when seeded."""
    from projects.models import ReuseProject

    return (ReuseProject.objects.filter(property__amo__slug="direkcija-rs", use="youth-centre")
            .order_by("pk").first())


# Illustrations and documents ----------------------------------------------------------------------

# The colour the building is painted "after", per story with pictures.
STORY_COLOURS = {"story-novi-sad": (226, 176, 74), "story-albania": (120, 170, 120)}


def _image(title: str, after: bool, colour):
    """A flat drawing of a house: grey with boarded-up windows and a closed door (before), or painted with
    open windows, a tree and a bench (after). The alt texts in `en.PAGES` describe exactly this."""
    existing = get_image_model().objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = Image.new("RGB", (800, 500), (200, 225, 240) if after else (200, 200, 205))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 420, 800, 500), fill=(110, 170, 90) if after else (150, 140, 125))
    draw.rectangle((250, 180, 550, 420), fill=colour if after else (140, 140, 145))
    draw.polygon([(230, 180), (400, 80), (570, 180)], fill=(170, 70, 50) if after else (95, 95, 100))
    for left in (280, 460):
        draw.rectangle((left, 220, left + 60, 290), fill=(250, 245, 210) if after else (90, 70, 50))
        if after:  # open shutters on both sides
            draw.rectangle((left - 22, 220, left - 4, 290), fill=(60, 110, 80))
            draw.rectangle((left + 64, 220, left + 82, 290), fill=(60, 110, 80))
        else:
            draw.line((left, 220, left + 60, 290), fill=(60, 45, 30), width=6)
            draw.line((left, 290, left + 60, 220), fill=(60, 45, 30), width=6)
    draw.rectangle((375, 320, 425, 420), fill=(120, 80, 50) if after else (70, 70, 75))
    if after:
        draw.rectangle((640, 300, 660, 420), fill=(110, 75, 40))
        draw.ellipse((590, 210, 710, 330), fill=(60, 140, 70))
        draw.rectangle((120, 380, 200, 392), fill=(120, 80, 50))
        draw.rectangle((125, 392, 133, 420), fill=(120, 80, 50))
        draw.rectangle((187, 392, 195, 420), fill=(120, 80, 50))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    name = "demo-after.png" if after else "demo-before.png"
    image = get_image_model()(title=title, file=ImageFile(buffer, name=name))
    image._set_image_file_metadata()  # size and hash, as the admin's upload form sets them
    image.save()
    return image


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with the lines in Helvetica (Latin-1 text), written by hand: small and valid."""
    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 14 Tf 72 770 Td 18 TL\n" + "".join(f"({escape(line)}) '\n" for line in lines) + "ET"
    stream_bytes = stream.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream_bytes) + stream_bytes + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(output)


def _seed_documents() -> int:
    created = 0
    year = timezone.localdate().year
    for title, file_name, resource_type, language, country, years_ago, description, lines in en.DOCUMENTS:
        if models.CampaignDocument.objects.filter(title=title).exists():
            continue
        document = models.CampaignDocument(
            title=title, description=description, resource_type=resource_type, language=language,
            country=country, year=year - years_ago,
            file=SimpleUploadedFile(file_name, _pdf(lines), content_type="application/pdf"),
        )
        # Size and hash as the admin's upload form sets them (else the first page showing them saves them).
        document._set_document_file_metadata()
        document.save()
        created += 1
    return created


# Translations -------------------------------------------------------------------------------------

def _translate(pages: list[Page]) -> int:
    """Translate every demo page into each other locale that has only its alias (or nothing) so far."""
    locales = list(Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("pk"))
    done = set(
        Page.objects.filter(translation_key__in=[page.translation_key for page in pages], alias_of__isnull=True,
                            locale__in=locales)
        .values_list("translation_key", "locale_id")
    )
    count = 0
    for page in pages:
        missing = [locale for locale in locales if (page.translation_key, locale.pk) not in done]
        if not missing:
            continue
        source, _created = TranslationSource.update_or_create_from_instance(page)
        for locale in missing:
            _store_strings(source, locale)
            _point_page_choosers(source, locale)
            Translation.objects.update_or_create(source=source, target_locale=locale, defaults={"enabled": True})
            translated, _created = source.create_or_update_translation(locale, publish=False, copy_parent_pages=True)
            translated.get_latest_revision().publish()
            count += 1
    return count


def _store_strings(source, locale) -> None:
    """A StringTranslation for every string segment of the source, from the language's module (slugs stay
    English). An existing translation (an editor's) is kept."""
    strings = translations(locale.language_code)
    rows, missing = [], []
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        translated = text if segment.context.path == "slug" else strings.get(text)
        if translated is None:
            missing.append(text)
            continue
        rows.append(StringTranslation(translation_of=segment.string, locale=locale, context=segment.context,
                                      data=translated, translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL))
    if missing:
        raise MissingDemoTranslation(f"{locale.language_code}: no translation for {missing!r}")
    StringTranslation.objects.bulk_create(rows, ignore_conflicts=True)


def _point_page_choosers(source, locale) -> None:
    """Links to demo pages (calls to action, related pages) lead to the page in the same language: an override
    of the page chooser segment with the page's id in that locale (its alias now, its translation soon)."""
    from wagtail_localize.models import SegmentOverride

    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        components = segment.context.path.split(".")
        if not PAGE_CHOOSER_NAMES & set(components[-2:]):
            continue
        english_page = Page.objects.filter(pk=json.loads(segment.data_json)).first()
        if english_page is None:
            continue
        target = Page.objects.filter(translation_key=english_page.translation_key, locale=locale).first()
        if target is not None:
            SegmentOverride.objects.get_or_create(locale=locale, context=segment.context,
                                                  defaults={"data_json": json.dumps(target.pk)})
