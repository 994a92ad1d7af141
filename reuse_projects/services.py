"""Every write to properties. Keyword-only, validated, each change recorded as a PropertyEvent."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.services import ActionRefused

from .cache import bump_catalogue_version
from .models import Property, PropertyDocument, PropertyEvent, PropertyPhoto, SuitableUse
from .transitions import ARCHIVABLE_STATUSES, PROPERTY_TRANSITIONS

# Fields whose change is worth a line in the history (not the derived or bookkeeping ones).
TRACKED_FIELDS = [
    field.name for field in Property._meta.concrete_fields
    if field.name not in {"id", "search_text", "created_by", "created_at", "updated_at", "published_at",
                          "archived_at", "status", "amo"}
]


def _suitable_uses(values) -> list[SuitableUse]:
    """Tags from SuitableUse objects or their slugs (taggit would take a string for a new tag's name)."""
    values = list(values)
    slugs = {value for value in values if isinstance(value, str)}
    tags = [value for value in values if not isinstance(value, str)]
    found = list(SuitableUse.objects.filter(slug__in=slugs))
    unknown = slugs - {tag.slug for tag in found}
    if unknown:
        message = _("Unknown suitable use: %(uses)s.") % {"uses": ", ".join(sorted(unknown))}
        raise ValidationError({"suitable_uses": message})
    return tags + found


def _record(property, *, actor, action, from_status="", to_status="", reason="", changes=()):
    # Every write records an event: the one place to tell cached public answers they are stale.
    transaction.on_commit(bump_catalogue_version)
    return PropertyEvent.objects.create(
        property=property, actor=actor, action=action, from_status=from_status, to_status=to_status,
        reason=reason, changes=list(changes),
    )


@transaction.atomic
def property_create(*, property: Property, actor, suitable_uses=(), action: str = "created") -> Property:
    """A new property of the office, as a draft."""
    property.status = Property.Status.DRAFT
    property.created_by = actor
    uses = _suitable_uses(suitable_uses)
    property.full_clean()
    property.save()
    property.suitable_uses.set(uses)
    _record(property, actor=actor, action=action, to_status=property.status)
    return property


def changed_fields(property: Property) -> list[str]:
    """Names of the tracked fields whose values differ from what is stored."""
    if property.pk is None:
        return list(TRACKED_FIELDS)
    stored = Property.objects.filter(pk=property.pk).values(*TRACKED_FIELDS).first() or {}
    changed = []
    for name in TRACKED_FIELDS:
        field = Property._meta.get_field(name)
        current = getattr(property, field.attname)
        before = stored.get(name)
        if field.get_internal_type() == "DecimalField" and current is not None and before is not None:
            differs = before.compare(field.to_python(current)) != 0
        else:
            differs = before != current
        if differs:
            changed.append(name)
    return changed


@transaction.atomic
def property_update(*, property: Property, actor, suitable_uses=None, action: str = "edited") -> list[str]:
    """Save an edit; returns the changed fields (nothing is recorded when nothing changed)."""
    property.full_clean()
    changes = changed_fields(property)
    if suitable_uses is not None:
        uses = _suitable_uses(suitable_uses)
        current = set(property.suitable_uses.values_list("slug", flat=True))
        if {use.slug for use in uses} != current:
            property.suitable_uses.set(uses)
            changes.append("suitable_uses")
    if changes:
        property.save()
        _record(property, actor=actor, action=action, changes=changes)
    return changes


@transaction.atomic
def property_change_status(*, property: Property, actor, action: str, reason: str = "") -> PropertyEvent:
    """Apply one move from the transition table and record it."""
    if action not in PROPERTY_TRANSITIONS:
        raise ActionRefused(_("Unknown action."))
    sources, target, reason_required = PROPERTY_TRANSITIONS[action]
    reason = (reason or "").strip()
    locked = Property.objects.select_for_update().get(pk=property.pk)
    if locked.status not in sources:
        raise ActionRefused(
            _("The property is “%(status)s”; that is not possible now.") % {"status": locked.get_status_display()}
        )
    if reason_required and not reason:
        raise ActionRefused(_("Please give a reason: it is kept in the property's history."))
    if locked.archived_at is not None:
        raise ActionRefused(_("Restore the property from the archive first."))
    from_status = locked.status
    locked.status = target
    if target == Property.Status.AVAILABLE and locked.published_at is None:
        locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at", "updated_at"])
    property.status, property.published_at = locked.status, locked.published_at
    return _record(locked, actor=actor, action=action, from_status=from_status, to_status=target, reason=reason)


@transaction.atomic
def property_archive(*, property: Property, actor) -> None:
    if property.archived_at is not None:
        return
    if property.status not in ARCHIVABLE_STATUSES:
        raise ActionRefused(_("Only drafts and withdrawn, returned or revoked properties can be archived."))
    property.archived_at = timezone.now()
    property.save(update_fields=["archived_at", "updated_at"])
    _record(property, actor=actor, action="archive")


@transaction.atomic
def property_unarchive(*, property: Property, actor) -> None:
    if property.archived_at is None:
        return
    property.archived_at = None
    property.save(update_fields=["archived_at", "updated_at"])
    _record(property, actor=actor, action="unarchive")


@transaction.atomic
def property_photo_add(*, property: Property, actor, image, alt_text: str) -> PropertyPhoto:
    position = (property.photos.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    photo = PropertyPhoto(property=property, image=image, alt_text=alt_text.strip(), position=position)
    photo.full_clean()
    photo.save()
    _record(property, actor=actor, action="edited", changes=["photos"])
    return photo


@transaction.atomic
def property_photos_reorder(*, property: Property, actor, photo_ids: list[int]) -> None:
    photos = {photo.pk: photo for photo in property.photos.all()}
    if set(photo_ids) != set(photos):
        raise ActionRefused(_("The list of photos has changed; reload the page."))
    for position, pk in enumerate(photo_ids, start=1):
        photos[pk].position = position
    PropertyPhoto.objects.bulk_update(photos.values(), ["position"])
    _record(property, actor=actor, action="edited", changes=["photos"])


@transaction.atomic
def property_photo_remove(*, photo: PropertyPhoto, actor) -> None:
    property = photo.property
    photo.image.delete(save=False)
    photo.delete()
    _record(property, actor=actor, action="edited", changes=["photos"])


@transaction.atomic
def property_document_add(
    *, property: Property, actor, file, kind: str, title: str, visibility: str
) -> PropertyDocument:
    document = PropertyDocument(property=property, file=file, kind=kind, title=title.strip(), visibility=visibility)
    document.full_clean()
    document.save()
    _record(property, actor=actor, action="edited", changes=["documents"])
    return document


@transaction.atomic
def property_document_remove(*, document: PropertyDocument, actor) -> None:
    property = document.property
    document.file.delete(save=False)
    document.delete()
    _record(property, actor=actor, action="edited", changes=["documents"])
