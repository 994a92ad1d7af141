"""The campaign's starting point on every installation:

- a Wagtail locale for each of the seven languages, each kept in step with English by wagtail-localize;
- Wagtail's welcome page becomes the English campaign HomePage (the site's root page), and each other
  language gets its home page as an alias of it until an editor translates it;
- the Editors and Moderators groups may work on the campaign's documents and see event registrations;
  Moderators also see newsletter subscriptions and edit the campaign settings. Wagtail's own
  "Moderators approval" workflow on the root page makes every page an editor submits wait for a
  moderator.
"""

import uuid

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4


def _path_segment(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEP, "0")


def _segment_number(segment: str) -> int:
    return int(segment, len(ALPHABET))


def _language_codes():
    return [code for code, _name in settings.LANGUAGES]


def create_site(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    HomePage = apps.get_model("campaign", "HomePage")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")

    default_code = settings.LANGUAGE_CODE
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in _language_codes()}
    for code, locale in locales.items():
        if code != default_code:
            LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": locales[default_code]})

    root = Page.objects.filter(depth=1).first()
    if root is None or HomePage.objects.exists():
        return
    home_type, _ = ContentType.objects.get_or_create(app_label="campaign", model="homepage")
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    fields = {
        "hero_title": "Confiscated assets, returned to the community",
        "hero_text": (
            "Flats, villas, land and farms taken from organised crime and corruption can become youth "
            "centres, shelters and social farms. This network brings together the civil society "
            "organisations that re-use them and the Asset Management Offices that make them available, "
            "across six countries."
        ),
        "take_part": "[]",
        "body": "[]",
        "hero_image_alt": "",
    }
    welcome = Page.objects.filter(depth=2, slug="home", content_type=page_type).first()
    now = timezone.now()
    if welcome is not None:
        # Turn Wagtail's welcome page into the HomePage in place (same id, same place in the tree).
        home = HomePage(page_ptr_id=welcome.pk, **fields)
        home.__dict__.update({f.attname: getattr(welcome, f.attname) for f in Page._meta.concrete_fields})
        home.save_base(raw=True)
        Page.objects.filter(pk=welcome.pk).update(
            content_type=home_type, title="Re-use network", draft_title="Re-use network",
            locale=locales[default_code],
        )
        home = HomePage.objects.get(pk=welcome.pk)
    else:
        last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
        number = _segment_number(last[-STEP:]) + 1 if last else 1
        home = HomePage.objects.create(
            title="Re-use network", draft_title="Re-use network", slug="home", content_type=home_type,
            path=root.path + _path_segment(number), depth=2, numchild=0, url_path="/home/", live=True,
            locale=locales[default_code], translation_key=uuid.uuid4(), first_published_at=now,
            last_published_at=now, **fields,
        )
        Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
        root.numchild += 1
        Site.objects.update_or_create(is_default_site=True, defaults={
            "hostname": "localhost", "port": 80, "root_page_id": home.pk, "site_name": "Re-use network",
        })

    last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
    number = _segment_number(last[-STEP:])
    added = 0
    for code, locale in locales.items():
        if code == default_code:
            continue
        number += 1
        added += 1
        HomePage.objects.create(
            title=home.title, draft_title=home.title, slug=f"home-{code}", content_type=home_type,
            path=root.path + _path_segment(number), depth=2, numchild=0, url_path=f"/home-{code}/",
            live=True, locale=locale, translation_key=home.translation_key, alias_of_id=home.pk,
            first_published_at=now, last_published_at=now, **fields,
        )
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())


EDITOR_PERMISSIONS = [
    ("campaign", "view_eventregistration"),
]
MODERATOR_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    ("campaign", "change_eventregistration"),
    ("campaign", "view_newslettersubscription"),
    ("campaign", "change_campaignsettings"),
]
DOCUMENT_PERMISSIONS = ["add_campaigndocument", "change_campaigndocument", "choose_document",
                        "delete_campaigndocument"]


def grant_permissions(apps, schema_editor):
    campaign = apps.get_app_config("campaign")
    campaign.models_module = True  # create_permissions skips apps without a models module
    create_permissions(campaign, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_collection = Collection.objects.filter(depth=1).first()
    for name, extra in (("Editors", EDITOR_PERMISSIONS), ("Moderators", MODERATOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(app, codename) for app, codename in extra))
        if root_collection is not None:
            for codename in DOCUMENT_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission("campaign", codename)
                )


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_site, migrations.RunPython.noop),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
