"""Stories and lessons learned: the CSOs of a project write them, coordinators publish or reject them, the
author is told, and published posts appear on the public project page. Each role against each action."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from calls.models import Notification
from projects.models import ProjectPost
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    amo_officer,
    coordinator,
    cso_member,
    reuse_project,
)

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous", "unrelated", "other_cso", "lead_member", "lead_admin", "partner_member", "officer",
    "other_officer", "coordinator", "coordinator_without_totp",
)
WRITERS = {"lead_member", "lead_admin", "partner_member"}
READERS = WRITERS | {"coordinator"}
MODERATORS = {"coordinator"}

VALID = {"kind": "story", "title": "Prvi ljetni kamp", "body": "Četrdeset djece je provelo ljeto s nama.",
         "language": "bs"}


class World:
    def __init__(self, status="active"):
        self.partner = OrganisationFactory(verified=True)
        self.project = reuse_project(status, partners=[self.partner])
        self.people = {
            "anonymous": AnonymousUser(),
            "unrelated": UserFactory(),
            "other_cso": cso_member(OrganisationFactory(verified=True), admin=True),
            "lead_member": cso_member(self.project.organisation),
            "lead_admin": cso_member(self.project.organisation, admin=True),
            "partner_member": cso_member(self.partner),
            "officer": amo_officer(),
            "other_officer": amo_officer("auoi-mk"),
            "coordinator": coordinator(totp=True),
            "coordinator_without_totp": coordinator(totp=False),
        }

    def login(self, client, role):
        if role != "anonymous":
            client.force_login(self.people[role])
        return client

    def post(self, status="pending", **fields):
        data = {"title": "Ljetni kamp", "body": "Tekst.", "language": "bs", "author": self.people["lead_member"],
                **fields}
        return ProjectPost.objects.create(project=self.project, status=status, **data)


@pytest.fixture
def world():
    return World()


def _url(name, pk=None):
    with translation.override("en"):
        return reverse(f"projects:{name}", kwargs={"pk": pk} if pk is not None else None)


def _refused(response, role):
    """Anonymous visitors are sent to sign in; everyone else signed in gets 403."""
    if role == "anonymous":
        return response.status_code == 302 and "login" in response.url
    return response.status_code == 403


# Writing a post -----------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_writing_a_post_per_role(client, world, role):
    world.login(client, role)
    url = _url("post_create", world.project.pk)
    response = client.get(url)
    if role in WRITERS:
        assert response.status_code == 200
        response = client.post(url, VALID)
        assert response.status_code == 302 and response.url == _url("post_list", world.project.pk)
        post = ProjectPost.objects.get()
        assert (post.status, post.kind, post.title, post.language, post.author, post.featured) == (
            "pending", "story", VALID["title"], "bs", world.people[role], False
        )
        assert post.published_at is None
    else:
        assert _refused(response, role)
        assert _refused(client.post(url, VALID), role)
        assert not ProjectPost.objects.exists()


@pytest.mark.parametrize("status", ["preparing", "suspended", "completed", "terminated"])
def test_posts_are_written_only_about_active_and_completed_projects(client, status):
    world = World(status)
    world.login(client, "lead_admin")
    response = client.post(_url("post_create", world.project.pk), VALID)
    if status == "completed":
        assert response.status_code == 302 and ProjectPost.objects.count() == 1
    else:
        assert response.status_code == 403 and not ProjectPost.objects.exists()


@pytest.mark.parametrize("role, expected", [("unrelated", 404), ("other_cso", 404), ("other_officer", 404),
                                            ("lead_member", 403), ("officer", 403), ("coordinator", 403)])
def test_a_project_not_public_is_not_found_by_those_who_may_not_know_it(client, role, expected):
    world = World("preparing")
    world.login(client, role)
    assert client.get(_url("post_create", world.project.pk)).status_code == expected
    list_expected = 200 if role in READERS else expected
    assert client.get(_url("post_list", world.project.pk)).status_code == list_expected


def test_an_unknown_project_is_not_found(client, world):
    world.login(client, "lead_member")
    assert client.get(_url("post_create", 999_999)).status_code == 404
    assert client.get(_url("post_list", 999_999)).status_code == 404


def test_the_language_defaults_to_the_page_language(client, world):
    world.login(client, "lead_member")
    with translation.override("sq"):
        url = reverse("projects:post_create", kwargs={"pk": world.project.pk})
    body = client.get(url).content.decode()
    assert '<option value="sq" selected>' in body
    assert 'lang="sq"' in body


@pytest.mark.parametrize("changes, field", [
    ({"title": ""}, "title"),
    ({"title": "   "}, "title"),
    ({"title": "x" * 100_000}, "title"),
    ({"body": ""}, "body"),
    ({"body": "\n\n  "}, "body"),
    ({"body": "ж" * 100_000}, "body"),
    ({"kind": "novel"}, "kind"),
    ({"kind": ""}, "kind"),
    ({"language": "xx"}, "language"),
    ({"kind": ["story", "<b>"]}, "kind"),
])
def test_hostile_input_on_the_post_form_is_refused_with_a_message(client, world, changes, field):
    world.login(client, "lead_member")
    response = client.post(_url("post_create", world.project.pk), {**VALID, **changes})
    assert response.status_code == 400
    body = response.content.decode()
    assert "error-summary" in body
    if field:
        assert f'id="id_{field}_error"' in body
    assert not ProjectPost.objects.exists()


@pytest.mark.parametrize("title, body", [
    ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>"),
    ("Историја једног стана", "Ђаци су обновили кухињу."),
    ("Fëmijët dhe çerdhja", "Çdo të shtunë hapim dyert për lagjen."),
])
def test_markup_and_other_scripts_are_kept_as_text(client, world, title, body):
    world.login(client, "partner_member")
    response = client.post(_url("post_create", world.project.pk), {**VALID, "title": title, "body": body})
    assert response.status_code == 302
    post = ProjectPost.objects.get()
    assert (post.title, post.body) == (title, body)
    page = client.get(_url("post_list", world.project.pk)).content.decode()
    assert "<script>alert" not in page
    if "<" in title:
        assert "&lt;script&gt;" in page
    else:
        assert title in page


# The CSO's list of posts --------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_the_project_posts_list_per_role(client, world, role):
    world.post(status="rejected", moderation_note="Please remove the children's names.")
    world.login(client, role)
    response = client.get(_url("post_list", world.project.pk))
    if role in READERS:
        assert response.status_code == 200
        assert "Please remove the children&#x27;s names." in response.content.decode()
    else:
        assert _refused(response, role)


def test_the_list_shows_each_status_and_the_write_link_only_to_writers(client, world):
    world.post(status="pending", title="Waiting one")
    world.post(status="published", title="Published one", published_at=timezone.now())
    world.login(client, "lead_member")
    body = client.get(_url("post_list", world.project.pk)).content.decode()
    assert "Waiting one" in body and "Published one" in body
    assert _url("post_create", world.project.pk) in body
    client.force_login(world.people["coordinator"])
    body = client.get(_url("post_list", world.project.pk)).content.decode()
    assert _url("post_create", world.project.pk) not in body


def test_the_list_holds_its_query_budget(client, world):
    world.login(client, "lead_member")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url("post_list", world.project.pk)).status_code == 200
        return len(queries)

    for n in range(2):
        world.post(title=f"Post {n}", author=UserFactory())
    few = count()
    for n in range(18):
        world.post(title=f"More {n}", author=UserFactory())
    assert count() == few


# The moderation queue -----------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_the_queue_per_role(client, world, role):
    world.post(title="Waiting for you")
    world.login(client, role)
    response = client.get(_url("post_queue"))
    if role in MODERATORS:
        assert response.status_code == 200 and "Waiting for you" in response.content.decode()
    else:
        assert _refused(response, role)


def test_the_queue_shows_pending_posts_first_oldest_first_in_pages_of_25(client, world):
    now = timezone.now()
    published = world.post(status="published", title="Old published", created_at=now - timezone.timedelta(days=90))
    newer = world.post(title="Newer pending", created_at=now - timezone.timedelta(days=1))
    older = world.post(title="Older pending", created_at=now - timezone.timedelta(days=5))
    world.login(client, "coordinator")
    page = client.get(_url("post_queue")).context["posts"]
    assert list(page) == [older, newer, published]
    for n in range(25):
        world.post(title=f"Bulk {n}", created_at=now - timezone.timedelta(days=3))
    first = client.get(_url("post_queue"))
    assert len(first.context["posts"]) == 25 and first.context["posts"][0] == older
    second = client.get(_url("post_queue") + "?page=2")
    assert list(second.context["posts"])[-1] == published and len(second.context["posts"]) == 3
    assert client.get(_url("post_queue") + "?page=<script>").status_code == 200


def test_the_queue_holds_its_query_budget(client, world):
    other = reuse_project("active")
    world.login(client, "coordinator")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url("post_queue")).status_code == 200
        return len(queries)

    for n in range(2):
        ProjectPost.objects.create(project=other if n % 2 else world.project, title=f"P{n}", body="b",
                                   language="sr", author=UserFactory())
    few = count()
    for n in range(18):
        ProjectPost.objects.create(project=other if n % 2 else world.project, title=f"Q{n}", body="b",
                                   language="sq", author=UserFactory())
    assert count() == few


# Moderating one post ------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_moderating_a_post_per_role(client, world, role, django_capture_on_commit_callbacks):
    post = world.post()
    world.login(client, role)
    url = _url("post_moderate", post.pk)
    response = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(url, {"decision": "publish", "note": ""})
    post.refresh_from_db()
    if role in MODERATORS:
        assert response.status_code == 200
        assert posted.status_code == 302 and posted.url == _url("post_queue")
        assert post.status == "published" and post.moderated_by == world.people[role]
    else:
        assert _refused(response, role) and _refused(posted, role)
        assert post.status == "pending" and post.moderated_at is None
        assert not mail.outbox


def test_publishing_and_featuring_tells_the_author(client, world, django_capture_on_commit_callbacks):
    post = world.post()
    world.login(client, "coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("post_moderate", post.pk), {"decision": "publish", "featured": "on",
                                                                 "note": "Lovely story."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == "published" and post.featured and post.published_at is not None
    assert post.moderation_note == "Lovely story."
    assert [m.to for m in mail.outbox] == [[world.people["lead_member"].email]]
    assert post.title in mail.outbox[0].subject
    assert Notification.objects.get(user=world.people["lead_member"]).kind == "post_published"


def test_rejecting_needs_a_note_that_reaches_the_author(client, world, django_capture_on_commit_callbacks):
    post = world.post()
    world.login(client, "coordinator")
    response = client.post(_url("post_moderate", post.pk), {"decision": "reject", "note": "   "})
    assert response.status_code == 400 and 'id="id_note_error"' in response.content.decode()
    post.refresh_from_db()
    assert post.status == "pending" and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("post_moderate", post.pk), {"decision": "reject", "featured": "on",
                                                                 "note": "Ju lutem hiqni emrat e fëmijëve."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == "rejected" and not post.featured and post.published_at is None
    assert [m.to for m in mail.outbox] == [[world.people["lead_member"].email]]
    assert "Ju lutem hiqni emrat e fëmijëve." in mail.outbox[0].body
    # The author sees the note on the project's list of posts.
    client.force_login(world.people["lead_member"])
    assert "Ju lutem hiqni emrat" in client.get(_url("post_list", world.project.pk)).content.decode()


@pytest.mark.parametrize("data, field", [
    ({"decision": "maybe"}, "decision"),
    ({}, "decision"),
    ({"decision": "publish", "note": "x" * 100_000}, "note"),
    ({"decision": "reject", "note": ""}, "note"),
    ({"decision": ["publish", "reject"], "note": ""}, None),
])
def test_hostile_input_on_the_moderation_form_changes_nothing(client, world, data, field):
    post = world.post()
    world.login(client, "coordinator")
    response = client.post(_url("post_moderate", post.pk), data)
    assert response.status_code == 400 and "error-summary" in response.content.decode()
    if field:
        assert f'id="id_{field}_error"' in response.content.decode()
    post.refresh_from_db()
    assert post.status == "pending" and post.moderated_at is None and not post.featured


def test_the_moderation_page_shows_the_post_as_text(client, world):
    post = world.post(title="<b>Bold</b>", body="Line one\n<script>alert(1)</script>")
    world.login(client, "coordinator")
    body = client.get(_url("post_moderate", post.pk)).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt;" in body and "<script>alert(1)" not in body
    assert 'lang="bs"' in body


def test_an_unknown_post_is_not_found_for_a_coordinator(client, world):
    world.login(client, "coordinator")
    assert client.get(_url("post_moderate", 999_999)).status_code == 404


def test_a_post_of_a_deleted_author_is_still_moderated(client, world, django_capture_on_commit_callbacks):
    post = world.post(author=None)
    world.login(client, "coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("post_moderate", post.pk), {"decision": "publish"})
    assert response.status_code == 302 and not mail.outbox


# On the public project page -----------------------------------------------------------------------

def test_only_published_posts_appear_on_the_public_project_page(client, world, django_capture_on_commit_callbacks):
    shown = world.post(title="Published story")
    world.post(title="Pending story")
    rejected = world.post(title="Rejected story")
    client.force_login(world.people["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("post_moderate", shown.pk), {"decision": "publish"})
        client.post(_url("post_moderate", rejected.pk), {"decision": "reject", "note": "Off topic."})
    client.logout()
    body = client.get(_url("project_detail", world.project.pk)).content.decode()
    assert "Published story" in body
    assert "Pending story" not in body and "Rejected story" not in body


# The services behind the forms --------------------------------------------------------------------

@pytest.mark.parametrize("changes", [{"kind": "novel"}, {"language": "xx"}, {"title": "   "}, {"body": ""},
                                     {"title": "x" * 201}, {"body": "x" * 20_001}])
def test_post_submit_refuses_what_the_form_would(world, changes):
    from network.services import ActionRefused
    from projects import services

    with pytest.raises(ActionRefused):
        services.post_submit(project=world.project, actor=world.people["lead_member"], **{**VALID, **changes})
    assert not ProjectPost.objects.exists()


def test_post_moderate_refuses_a_rejection_without_a_note_or_with_a_huge_one(world):
    from network.services import ActionRefused
    from projects import services

    post = world.post()
    for note in ("", "  ", "x" * 2001):
        with pytest.raises(ActionRefused):
            services.post_moderate(post=post, actor=world.people["coordinator"], publish=False, note=note)
    post.refresh_from_db()
    assert post.status == "pending" and post.moderated_at is None


def test_publishing_again_keeps_the_first_publication_time(world):
    from projects import services

    post = world.post()
    first = services.post_moderate(post=post, actor=world.people["coordinator"], publish=True).published_at
    again = services.post_moderate(post=post, actor=world.people["coordinator"], publish=True, featured=True)
    assert again.published_at == first and again.featured
