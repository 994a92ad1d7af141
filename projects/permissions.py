"""Who may do what with re-use projects, results reports and posts. Plain functions, each tested alone.

Roles, in the domain's words:
- officers of the property's office run the project's lifecycle (handover, suspension, renewal, end),
  record the condition reports and accept or return results reports;
- members of the lead CSO edit the project's page and draft its reports; only its admins submit them;
- members of the lead and partner CSOs read everything about their project and share posts;
- network coordinators (with multi-factor authentication) moderate posts and read what the CSOs see;
- everyone else sees active and completed projects, their accepted reports and published posts.

Every view decides access through one of these; none of them touches request state.
"""

from network.models import Membership
from network.permissions import can_review_organisations, is_admin, is_member
from reuse_projects.permissions import is_officer_of

from .models import ProjectPost, ResultsReport, ReuseProject

REPORTING_STATUSES = (ReuseProject.Status.ACTIVE, ReuseProject.Status.SUSPENDED, ReuseProject.Status.COMPLETED)


def is_project_member(user, project: ReuseProject) -> bool:
    """A member (admin or not) of the lead CSO or of a partner CSO."""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_member(user, project.organisation):
        return True
    cache = user.__dict__.setdefault("_project_partner_cache", {})
    if project.pk not in cache:
        cache[project.pk] = Membership.objects.filter(
            user=user, organisation__in=project.partners.all()
        ).exists()
    return cache[project.pk]


def can_manage_project(user, project: ReuseProject) -> bool:
    """Status moves, condition reports, reviewing reports, evaluation: officers of the property's office."""
    return is_officer_of(user, project.property.amo)


def can_view_project(user, project: ReuseProject) -> bool:
    """The public page of an active or completed project; the rest for those involved."""
    if project.is_public:
        return True
    return can_see_project_workspace(user, project)


def can_see_project_workspace(user, project: ReuseProject) -> bool:
    """The working page: reports of every status, condition reports, obligations, history."""
    return can_manage_project(user, project) or is_project_member(user, project) or can_review_organisations(user)


def can_edit_project_page(user, project: ReuseProject) -> bool:
    """Name, summary, type of use and thematic areas: members of the lead CSO while the project is live."""
    return project.status in ReuseProject.LIVE_STATUSES and is_member(user, project.organisation)


def can_view_report(user, report: ResultsReport) -> bool:
    if report.status == ResultsReport.Status.ACCEPTED and report.project.is_public:
        return True
    return can_see_project_workspace(user, report.project)


def can_edit_report(user, report: ResultsReport) -> bool:
    """Draft, or change after it was returned: members of the lead CSO, once the project has started."""
    return (
        report.is_editable
        and report.project.status in REPORTING_STATUSES
        and is_member(user, report.project.organisation)
    )


def can_submit_report(user, report: ResultsReport) -> bool:
    """Only an admin of the lead CSO speaks for it."""
    return can_edit_report(user, report) and is_admin(user, report.project.organisation)


def can_review_report(user, report: ResultsReport) -> bool:
    """Accept or return a submitted report: officers of the property's office."""
    return report.status == ResultsReport.Status.SUBMITTED and can_manage_project(user, report.project)


def can_evaluate_project(user, project: ReuseProject) -> bool:
    """Record the evaluation and renew or end: officers of the office, while the project runs."""
    return project.status in (ReuseProject.Status.ACTIVE, ReuseProject.Status.SUSPENDED) and can_manage_project(
        user, project
    )


def can_write_post(user, project: ReuseProject) -> bool:
    """Stories and lessons learned: members of the lead and partner CSOs of an active or completed project."""
    return project.is_public and is_project_member(user, project)


def can_view_post(user, post: ProjectPost) -> bool:
    if post.status == ProjectPost.Status.PUBLISHED and post.project.is_public:
        return True
    return can_moderate_posts(user) or is_project_member(user, post.project)


def can_moderate_posts(user) -> bool:
    """Publish, reject and feature posts: network coordinators with multi-factor authentication."""
    return can_review_organisations(user)
