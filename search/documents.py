"""The public documents of the five kinds, built through each app's own public rules.

Nothing that the public may not see is ever turned into a `Document`: properties come from
`Property.objects.public()` with their point from `public_location` for an anonymous visitor (exact: the
building; approximate: the municipality's centre; hidden: none), organisations are the verified CSOs and
offices whose profiles everyone may open (never their contact data), projects come from
`ReuseProject.objects.public()`, pages are live, unrestricted and not aliases, and resources are the
library's documents outside restricted collections. A key that no longer yields a document
(`document_for_key` returns None) is one to delete from the index.

`documents_for(kind)` reads in batches of `BATCH_SIZE`, with the same number of queries per batch.
"""

import html
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils.html import strip_tags
from django.utils.translation import override
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText, get_text_for_indexing

from .contract import KINDS, Document

BATCH_SIZE = 500

# The texts of a campaign page that are shown to everyone, in the order they weigh: the title goes apart.
# Other fields (an event's meeting address, consent texts) are left out on purpose.
PAGE_TEXT_FIELDS = ("hero_title", "hero_text", "intro", "summary", "organisation_name", "venue",
                    "before_text", "after_text", "take_part", "body")


def _iso(value) -> str:
    return value.isoformat() if value else ""


def _in_batches(queryset, ids: Iterable | None) -> Iterator[list]:
    """The rows of `queryset` by primary key, BATCH_SIZE at a time (its prefetches run once per batch)."""
    if ids is not None:
        ids = sorted({int(pk) for pk in ids})
        for start in range(0, len(ids), BATCH_SIZE):
            batch = list(queryset.filter(pk__in=ids[start:start + BATCH_SIZE]).order_by("pk"))
            if batch:
                yield batch
        return
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:BATCH_SIZE])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def _join(*texts) -> str:
    return "\n".join(str(text).strip() for text in texts if text and str(text).strip())


# Properties ---------------------------------------------------------------------------------------

def _properties(ids):
    from reuse_projects.models import Property, TaggedSuitableUse
    from reuse_projects.privacy import public_location
    from reuse_projects.suitable_uses import suitable_use_label

    anonymous = AnonymousUser()
    queryset = Property.objects.public().select_related("municipality", "amo").prefetch_related(
        Prefetch("tagged_suitable_uses", queryset=TaggedSuitableUse.objects.select_related("tag"))
    )
    for batch in _in_batches(queryset, ids):
        for property in batch:
            location = public_location(property, anonymous)
            uses = [suitable_use_label(row.tag.slug) for row in property.tagged_suitable_uses.all()]
            with override(settings.LANGUAGE_CODE):
                url = property.get_absolute_url()
            yield Document(
                key=f"property:{property.pk}",
                kind="property",
                title=_join(property.title, property.title_en if property.title_en != property.title else ""),
                body=_join(property.description, property.description_en, location.municipality, *uses),
                url=url,
                country=location.country or "",
                property_type=property.property_type,
                status=property.status,
                point=(location.latitude, location.longitude) if location.has_point else None,
                updated_at=_iso(property.updated_at),
            )


# Organisations ------------------------------------------------------------------------------------

def _organisations(ids):
    from network.models import Organisation, TaggedThematicArea
    from network.thematic_areas import thematic_area_label

    # Everyone may open the profile of a verified organisation, CSO or office (network.permissions).
    queryset = Organisation.objects.verified().prefetch_related(
        Prefetch("tagged_thematic_areas", queryset=TaggedThematicArea.objects.select_related("tag"))
    )
    for batch in _in_batches(queryset, ids):
        for organisation in batch:
            slugs = [row.tag.slug for row in organisation.tagged_thematic_areas.all()]
            with override(settings.LANGUAGE_CODE):
                url = organisation.get_absolute_url()
            # What the public profile shows, without contact data (address, e-mail, phone, website).
            yield Document(
                key=f"organisation:{organisation.pk}",
                kind="organisation",
                title=_join(organisation.name, organisation.name_latin, organisation.acronym),
                body=_join(organisation.mission, organisation.target_groups, organisation.reuse_experience,
                           organisation.city, *(thematic_area_label(slug) for slug in slugs)),
                url=url,
                country=organisation.country_id,
                themes=tuple(slugs),
                updated_at=_iso(organisation.updated_at),
            )


# Re-use projects ----------------------------------------------------------------------------------

def _projects(ids):
    from projects.models import ReuseProject

    queryset = ReuseProject.objects.public().select_related("organisation", "property__municipality")
    queryset = queryset.prefetch_related("thematic_areas")
    for batch in _in_batches(queryset, ids):
        for project in batch:
            themes = [area.slug for area in project.thematic_areas.all()]
            with override(settings.LANGUAGE_CODE):
                url = project.get_absolute_url()
                use = str(project.use_label)
            yield Document(
                key=f"project:{project.pk}",
                kind="project",
                title=project.title,
                body=_join(project.summary, use, project.organisation.name, project.property.municipality.name),
                url=url,
                country=project.country_id,
                status=project.status,
                themes=tuple(themes),
                updated_at=_iso(project.updated_at),
            )


# Campaign pages -----------------------------------------------------------------------------------

def _text_of(value) -> str:
    if isinstance(value, StreamValue):
        return " ".join(str(text) for text in value.stream_block.get_searchable_content(value))
    if isinstance(value, RichText):
        return get_text_for_indexing(value.source)
    if isinstance(value, str):
        return get_text_for_indexing(value) if "<" in value else value
    return ""


def public_pages():
    """Live pages everyone may see, in every language, that are not aliases (an alias shows its original,
    which is indexed itself), below the root."""
    return Page.objects.live().public().filter(alias_of__isnull=True, depth__gt=1)


def _pages(ids):
    from campaign.models import StoryPage

    queryset = public_pages().select_related("locale")
    for batch in _in_batches(queryset, ids):
        locales = {page.pk: page.locale.language_code for page in batch}
        specific = Page.objects.filter(pk__in=[page.pk for page in batch]).specific()
        for page in sorted(specific, key=lambda page: page.pk):
            texts = [page.search_description, *(_text_of(getattr(page, name, None)) for name in PAGE_TEXT_FIELDS)]
            country = getattr(page, "country", "") or ""
            theme = getattr(page, "theme", "") if isinstance(page, StoryPage) else ""
            yield Document(
                key=f"page:{page.pk}",
                kind="page",
                title=page.title,
                body=_join(*texts),
                url=page.get_url() or "",
                language=locales.get(page.pk, ""),
                country=str(getattr(country, "code", country) or ""),
                themes=(theme,) if theme else (),
                updated_at=_iso(page.last_published_at),
            )


# Resources ----------------------------------------------------------------------------------------

def _resources(ids):
    from campaign.selectors import resources

    for batch in _in_batches(resources(), ids):
        for document in batch:
            yield Document(
                key=f"resource:{document.pk}",
                kind="resource",
                title=document.title,
                body=html.unescape(strip_tags(document.description)),
                url=document.url,
                language=document.language,
                country=str(getattr(document.country, "code", document.country) or ""),
                updated_at=_iso(document.created_at),
            )


_BUILDERS = {
    "property": _properties,
    "organisation": _organisations,
    "project": _projects,
    "page": _pages,
    "resource": _resources,
}


def documents_for(kind: str, ids: Iterable | None = None) -> Iterator[Document]:
    """The public documents of a kind (all, or those of `ids` that are public), by primary key."""
    if kind not in _BUILDERS:
        raise ValueError(f"Unknown kind of document: {kind}")
    return _BUILDERS[kind](ids)


def all_documents(kinds: Iterable[str] = KINDS) -> Iterator[Document]:
    for kind in kinds:
        yield from documents_for(kind)


def count_for(kind: str) -> int:
    """How many documents `documents_for(kind)` will yield (for progress bars)."""
    from campaign.selectors import resources
    from network.models import Organisation
    from projects.models import ReuseProject
    from reuse_projects.models import Property

    return {
        "property": Property.objects.public,
        "organisation": Organisation.objects.verified,
        "project": ReuseProject.objects.public,
        "page": public_pages,
        "resource": resources,
    }[kind]().count()


def parse_key(key: str) -> tuple[str, int] | None:
    kind, _, pk = str(key).partition(":")
    if kind not in _BUILDERS or not pk.isdigit():
        return None
    return kind, int(pk)


def document_for_key(key: str) -> Document | None:
    """The public document of a key, or None when it is not public (any more) or never existed."""
    parsed = parse_key(key)
    if parsed is None:
        return None
    kind, pk = parsed
    return next(iter(documents_for(kind, [pk])), None)


def documents_for_keys(keys: Iterable[str]) -> tuple[list[Document], list[str]]:
    """The documents of `keys` that are public, and the keys that are not (to delete): one batch per kind."""
    by_kind: dict[str, set[int]] = {}
    for key in keys:
        parsed = parse_key(key)
        if parsed is not None:
            by_kind.setdefault(parsed[0], set()).add(parsed[1])
    documents = [document for kind, ids in by_kind.items() for document in documents_for(kind, ids)]
    found = {document.key for document in documents}
    gone = [key for key in dict.fromkeys(keys) if key not in found]
    return documents, gone
