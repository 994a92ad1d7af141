"""Every change that can alter what the public finds queues the keys it touches (see `search.indexing`):
saves and deletes of properties, organisations, projects and library documents, their thematic areas,
Wagtail publishing, unpublishing, moves and deletes, and view restrictions. A change of status or of
location privacy is a save like any other: the document is rebuilt from the public data, so a property
going hidden loses its point and a withdrawn one leaves the index."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .indexing import queue_keys


def _is_public(kind, instance) -> bool:
    """Whether the object, as it is now, can be in the index (a cheap look at its own fields)."""
    if kind == "organisation":
        return instance.status == instance.Status.VERIFIED
    if kind in ("property", "project"):
        return instance.status in instance.PUBLIC_STATUSES
    return True


def _key_of(kind):
    def handler(sender, instance, created=False, **kwargs):
        # What was just created and is not public cannot be in the index: nothing to do.
        if kwargs.get("raw") or (created and not _is_public(kind, instance)):
            return
        queue_keys([f"{kind}:{instance.pk}"])

    return handler


def _m2m_key_of(kind):
    """Thematic areas or suitable uses changed (taggit sends m2m_changed too). Only a public object's
    document changes: a change of status is a save, handled above."""
    def handler(sender, instance, action, reverse, pk_set, **kwargs):
        if not action.startswith("post_"):
            return
        if reverse:  # a thematic area changed its objects: those objects
            queue_keys([f"{kind}:{pk}" for pk in pk_set or ()])
        elif _is_public(kind, instance):
            queue_keys([f"{kind}:{instance.pk}"])

    return handler


def _page_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):
        queue_keys([f"page:{instance.pk}"])


def _page_moved(sender, instance, **kwargs):
    queue_keys([f"page:{pk}" for pk in Page.objects.descendant_of(instance, inclusive=True).values_list("pk",
                                                                                                        flat=True)])


def _page_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _page_moved(sender, page)


def _collection_restriction_changed(sender, instance, **kwargs):
    from campaign.models import CampaignDocument

    queue_keys([f"resource:{pk}" for pk in CampaignDocument.objects.exclude(resource_type="").values_list(
        "pk", flat=True)])


def connect() -> None:
    from campaign.models import CampaignDocument
    from network.models import Organisation, TaggedThematicArea
    from projects.models import ReuseProject
    from reuse_projects.models import Property, TaggedSuitableUse

    for model, kind in ((Property, "property"), (Organisation, "organisation"), (ReuseProject, "project"),
                        (CampaignDocument, "resource")):
        post_save.connect(_key_of(kind), sender=model, weak=False, dispatch_uid=f"search-{kind}-save")
        post_delete.connect(_key_of(kind), sender=model, weak=False, dispatch_uid=f"search-{kind}-delete")
    for through, kind in ((TaggedThematicArea, "organisation"), (TaggedSuitableUse, "property")):
        m2m_changed.connect(_m2m_key_of(kind), sender=through, weak=False, dispatch_uid=f"search-{kind}-tags")
    m2m_changed.connect(_m2m_key_of("project"), sender=ReuseProject.thematic_areas.through, weak=False,
                        dispatch_uid="search-project-themes")
    page_published.connect(_page_changed, weak=False, dispatch_uid="search-page-published")
    page_unpublished.connect(_page_changed, weak=False, dispatch_uid="search-page-unpublished")
    post_delete.connect(_page_changed, weak=False, dispatch_uid="search-page-delete")
    post_page_move.connect(_page_moved, weak=False, dispatch_uid="search-page-move")
    for signal in (post_save, post_delete):
        signal.connect(_page_restriction_changed, sender=PageViewRestriction, weak=False,
                       dispatch_uid=f"search-page-restriction-{signal is post_save}")
        signal.connect(_collection_restriction_changed, sender=CollectionViewRestriction, weak=False,
                       dispatch_uid=f"search-collection-restriction-{signal is post_save}")
