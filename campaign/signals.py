"""What drops the cached campaign pages: any publication, and any change to what pages show."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

from .cache import bump_content_version, bump_tree_version
from .models import CampaignDocument, EventRegistration
from .translation import LOCALE_IDS_KEY

page_published.connect(bump_tree_version, dispatch_uid="campaign-page-published")
page_unpublished.connect(bump_tree_version, dispatch_uid="campaign-page-unpublished")
post_page_move.connect(bump_tree_version, dispatch_uid="campaign-page-moved")
post_delete.connect(bump_tree_version, sender=Page, dispatch_uid="campaign-page-deleted")


def forget_locale_ids(**_kwargs):
    cache.delete(LOCALE_IDS_KEY)


post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="campaign-locale-saved")
post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="campaign-locale-deleted")
for model in (CampaignDocument, get_image_model(), EventRegistration):
    post_save.connect(bump_content_version, sender=model, dispatch_uid=f"campaign-{model.__name__}-saved")
    post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"campaign-{model.__name__}-deleted")


# wagtail-localize syncs the page trees whenever a LocaleSynchronization row is saved, even when the row
# is being loaded raw (loaddata, a test database restored from its serialized copy), when the locales it
# points to may not be loaded yet. Sync only on real saves.
post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)


def sync_trees_unless_raw(instance, raw=False, **kwargs):
    if not raw:
        sync_trees_on_locale_sync_save(instance, **kwargs)


post_save.connect(sync_trees_unless_raw, sender=LocaleSynchronization, dispatch_uid="campaign-locale-sync")
