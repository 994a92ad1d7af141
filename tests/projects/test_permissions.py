"""Who may do what with re-use projects, results reports and posts: each permission function × each role ×
the project (and report, post) statuses where it matters."""

import pytest
from django.contrib.auth.models import AnonymousUser

from projects import permissions
from projects.models import ProjectPost, ResultsReport, ReuseProject
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
STATUSES = ("preparing", "active", "suspended", "completed", "terminated")
PUBLIC = {"active", "completed"}
LIVE = {"preparing", "active", "suspended"}
REPORTING = {"active", "suspended", "completed"}
RUNNING = {"active", "suspended"}

EVERYONE = set(ROLES)
MEMBERS = {"lead_member", "lead_admin", "partner_member"}
LEAD = {"lead_member", "lead_admin"}
WORKSPACE = MEMBERS | {"officer", "coordinator"}


def _world(status):
    partner = OrganisationFactory(verified=True)
    project = reuse_project(status, partners=[partner])
    people = {
        "anonymous": AnonymousUser(),
        "unrelated": UserFactory(),
        "other_cso": cso_member(OrganisationFactory(verified=True), admin=True),
        "lead_member": cso_member(project.organisation),
        "lead_admin": cso_member(project.organisation, admin=True),
        "partner_member": cso_member(partner, admin=True),
        "officer": amo_officer(),
        "other_officer": amo_officer("auoi-mk"),
        "coordinator": coordinator(totp=True),
        "coordinator_without_totp": coordinator(totp=False),
    }
    return project, people


def _allowed(people, check):
    return {role for role, user in people.items() if check(user)}


@pytest.mark.parametrize("status", STATUSES)
def test_project_level_permissions_per_role_and_status(status):
    project, people = _world(status)
    expected = {
        permissions.is_project_member: MEMBERS,
        permissions.can_manage_project: {"officer"},
        permissions.can_see_project_workspace: WORKSPACE,
        permissions.can_view_project: EVERYONE if status in PUBLIC else WORKSPACE,
        permissions.can_edit_project_page: LEAD if status in LIVE else set(),
        permissions.can_evaluate_project: {"officer"} if status in RUNNING else set(),
        permissions.can_write_post: MEMBERS if status in PUBLIC else set(),
    }
    for check, roles in expected.items():
        assert _allowed(people, lambda user, check=check: check(user, project)) == roles, check.__name__


def test_only_coordinators_with_an_authenticator_moderate_posts():
    _project, people = _world("active")
    assert _allowed(people, permissions.can_moderate_posts) == {"coordinator"}


@pytest.mark.parametrize("status", ["active", "suspended", "completed", "terminated"])
@pytest.mark.parametrize("report_status", ["draft", "submitted", "returned", "accepted"])
def test_report_permissions_per_role_report_status_and_project_status(status, report_status):
    project, people = _world(status)
    report = project.reports.order_by("due_date").first()
    report.status = report_status
    open_ = report_status in ResultsReport.OPEN_STATUSES
    expected = {
        permissions.can_view_report: EVERYONE if report_status == "accepted" and status in PUBLIC else WORKSPACE,
        permissions.can_edit_report: LEAD if open_ and status in REPORTING else set(),
        permissions.can_submit_report: {"lead_admin"} if open_ and status in REPORTING else set(),
        permissions.can_review_report: {"officer"} if report_status == "submitted" else set(),
    }
    for check, roles in expected.items():
        assert _allowed(people, lambda user, check=check: check(user, report)) == roles, check.__name__


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("post_status", ["pending", "published", "rejected"])
def test_post_visibility_per_role_post_status_and_project_status(status, post_status):
    project, people = _world(status)
    post = ProjectPost.objects.create(project=project, title="Ljetni kamp", body="Tekst.", language="bs",
                                      status=post_status)
    visible = EVERYONE if post_status == "published" and status in PUBLIC else MEMBERS | {"coordinator"}
    assert _allowed(people, lambda user: permissions.can_view_post(user, post)) == visible


def test_a_deactivated_member_is_no_longer_a_member():
    project, people = _world("active")
    member = people["lead_member"]
    member.is_active = False
    member.save()
    member = type(member).objects.get(pk=member.pk)
    assert not permissions.is_project_member(member, project)
    assert not permissions.can_write_post(member, project)


def test_a_member_of_a_partner_of_another_project_is_not_a_member_of_this_one():
    project, _people = _world("active")
    elsewhere_partner = OrganisationFactory(verified=True)
    reuse_project("active", partners=[elsewhere_partner])
    user = cso_member(elsewhere_partner)
    assert not permissions.is_project_member(user, project)
    assert not permissions.can_see_project_workspace(user, project)


def test_the_partner_answer_is_kept_per_project_on_the_user_object(django_assert_num_queries):
    project, people = _world("active")
    user = type(people["partner_member"]).objects.get(pk=people["partner_member"].pk)
    assert permissions.is_project_member(user, project)
    with django_assert_num_queries(0):
        assert permissions.is_project_member(user, project)
    assert ReuseProject.objects.filter(pk=project.pk).exists()
