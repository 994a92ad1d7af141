"""Editors and moderators: the groups and permissions migration 0002 sets up, the moderation workflow (an
editor submits, a moderator approves), previews, and scheduled publishing by the worker."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from campaign.models import CampaignPage, HomePage
from campaign.tasks import publish_scheduled_pages, schedule_next_run
from tests.campaign import pages
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def member_of(group_name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor():
    return member_of("Editors")


@pytest.fixture
def moderator():
    return member_of("Moderators")


def page_form(title, **fields):
    return nested_form_data({
        "title": title,
        "slug": fields.pop("slug", "why-it-matters"),
        "intro": "Confiscated property can serve the community.",
        "image_alt": "",
        "body": streamfield([
            ("heading", {"text": "Why it matters", "level": "h2"}),
            ("paragraph", rich_text("<p>Assets taken from crime return to the people.</p>")),
            ("quote", {"quote": "The villa is a youth centre now.", "attribution": "A CSO in Novi Sad"}),
        ]),
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        **fields,
    })


# The groups --------------------------------------------------------------------------------------

def test_every_language_has_a_locale_and_a_home_page():
    homes = HomePage.objects.filter(depth=2).select_related("locale")
    languages = sorted(home.locale.language_code for home in homes)
    assert languages == sorted(["en", "sq", "bs", "mk", "sr", "sr-latn", "ro"])
    english = homes.get(locale__language_code="en")
    assert all(home.alias_of_id == english.pk for home in homes if home.pk != english.pk)


def test_editors_may_add_and_edit_pages_but_not_publish(editor):
    permissions = pages.home().permissions_for_user(editor)
    assert permissions.can_add_subpage() and permissions.can_edit()
    assert not permissions.can_publish()


def test_moderators_may_publish(moderator):
    assert pages.home().permissions_for_user(moderator).can_publish()


def test_both_groups_may_use_documents_and_see_registrations_only_moderators_see_subscribers(editor, moderator):
    for user in (editor, moderator):
        assert user.has_perm("wagtailadmin.access_admin")
        assert user.has_perm("campaign.view_eventregistration")
    assert moderator.has_perm("campaign.view_newslettersubscription")
    assert not editor.has_perm("campaign.view_newslettersubscription")
    from wagtail.documents import get_document_model
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_document_model())
    assert permission_policy.user_has_permission(editor, "add")
    assert permission_policy.user_has_permission(moderator, "choose")


def test_a_plain_user_has_no_admin(client):
    client.force_login(UserFactory())
    assert client.get("/cms/").status_code == 302


def test_every_campaign_page_is_under_the_moderation_workflow():
    page = pages.campaign_page()
    workflow = page.get_workflow()
    assert isinstance(workflow, Workflow) and workflow.active
    assert [task.name for task in workflow.tasks.all()] == ["Moderators approval"]


# The moderation workflow through the admin ---------------------------------------------------------

def test_an_editor_submits_a_page_and_a_moderator_approves_it(client, editor, moderator):
    home = pages.home()
    client.force_login(editor)
    response = client.post(f"/cms/pages/add/campaign/campaignpage/{home.pk}/",
                           page_form("Why social re-use matters", **{"action-submit": "Submit"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CampaignPage.objects.get(slug="why-it-matters", locale__language_code="en")
    assert not page.live
    # wagtail-localize keeps the other languages' trees in step: an alias in each, until translated.
    aliases = CampaignPage.objects.filter(translation_key=page.translation_key, alias_of=page)
    assert aliases.count() == 6
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert client.get(page.url or "/en/why-it-matters/").status_code == 404

    # The editor cannot publish it.
    response = client.post(f"/cms/pages/{page.pk}/edit/", page_form("Why social re-use matters",
                                                                    **{"action-publish": "Publish"}))
    page.refresh_from_db()
    assert not page.live

    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    response = client.post(
        f"/cms/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": "Good."}
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    client.logout()
    html = client.get(page.url).content.decode()
    assert "The villa is a youth centre now." in html


def test_a_moderator_may_request_changes_and_nothing_is_published(client, editor, moderator):
    page = pages.campaign_page(live=False, slug="draft-page")
    page.get_workflow().start(page, editor)
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    client.post(f"/cms/pages/workflow/action/{page.pk}/reject/{task_state.pk}/", {"comment": "Add a source."})
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"


def test_the_preview_renders_the_unsaved_page(client, moderator):
    client.force_login(moderator)
    home = pages.home()
    url = f"/cms/pages/add/campaign/campaignpage/{home.pk}/preview/"
    response = client.post(url, page_form("A preview only", slug="preview-only"))
    assert response.json()["is_valid"] is True
    html = client.get(url).content.decode()
    assert "A preview only" in html and "The villa is a youth centre now." in html
    assert not Page.objects.filter(slug="preview-only").exists()


# Scheduled publishing --------------------------------------------------------------------------------

def test_a_page_scheduled_to_go_live_is_published_by_the_worker_and_the_cache_drops(client):
    page = pages.campaign_page(live=False, title="Launch day", slug="launch-day")
    revision = page.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    page.go_live_at = timezone.now() - timedelta(minutes=1)
    page.save(update_fields=["go_live_at"])
    revision.approved_go_live_at = page.go_live_at
    revision.save(update_fields=["approved_go_live_at"])
    assert client.get("/en/launch-day/").status_code == 404
    home_before = client.get("/en/")
    assert client.get("/en/")["X-Campaign-Cache"] == "hit"
    publish_scheduled_pages.enqueue()
    page.refresh_from_db()
    assert page.live
    assert client.get("/en/launch-day/").status_code == 200
    assert client.get("/en/")["X-Campaign-Cache"] == "miss"
    assert home_before.status_code == 200


def test_a_page_past_its_expiry_is_unpublished_by_the_worker(client):
    page = pages.campaign_page(title="Old call", slug="old-call")
    page.expire_at = timezone.now() - timedelta(minutes=1)
    page.save(update_fields=["expire_at"])
    publish_scheduled_pages.enqueue()
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/en/old-call/").status_code == 404


def test_the_publishing_chain_queues_itself_once_and_only_on_a_queue_that_can_wait(settings):
    """With the database queue a run queues the next one a minute later; --schedule adds none while one
    waits. The tests' immediate backend would run it again and again: nothing is queued there."""
    from django_tasks_db.models import DBTaskResult

    assert schedule_next_run() is None
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}
    publish_scheduled_pages.call()
    queued = list(DBTaskResult.objects.filter(task_path=publish_scheduled_pages.module_path, status="READY"))
    assert len(queued) == 1
    assert timezone.now() < queued[0].run_after <= timezone.now() + timedelta(minutes=1)
    out = io.StringIO()
    call_command("schedule_publishing", stdout=out)
    assert "already queued" in out.getvalue()
    assert DBTaskResult.objects.filter(task_path=publish_scheduled_pages.module_path).count() == 1
