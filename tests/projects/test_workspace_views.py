"""The project workspace and the results reports through their pages: each role × each page and action
(refusals change nothing), the full report cycle, hostile input on every form, uploads, query budgets."""

import datetime as dt

import pytest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from projects.models import (
    ConditionPhoto,
    ConditionReport,
    Evaluation,
    ProjectEvent,
    ReportPeopleServed,
    ReportPhoto,
    ResultsReport,
    ReuseProject,
)
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    accepted_report,
    amo_officer,
    coordinator,
    cso_member,
    pdf_upload,
    png_upload,
    reuse_project,
)

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous", "unrelated", "other_cso", "lead_member", "lead_admin", "partner_member", "officer",
    "other_officer", "coordinator",
)
INVOLVED = {"lead_member", "lead_admin", "partner_member", "officer", "coordinator"}
MEMBERS_AND_OFFICE = {"lead_member", "lead_admin", "partner_member", "officer"}
LEAD = {"lead_member", "lead_admin"}
HUGE = "x" * 100_000
CYRILLIC = "Омладински центар „Нада” — Qendra rinore në Shkodër ë ç"
MARKUP = '<script>alert("x")</script><b>bold</b>'


def _world(status="active", **kwargs):
    partner = OrganisationFactory(verified=True)
    lead = OrganisationFactory(verified=True)
    project = reuse_project(status, organisation=lead, partners=[partner], **kwargs)
    users = {
        "unrelated": UserFactory(),
        "other_cso": cso_member(OrganisationFactory(verified=True), admin=True),
        "lead_member": cso_member(lead),
        "lead_admin": cso_member(lead, admin=True),
        "partner_member": cso_member(partner, admin=True),
        "officer": amo_officer(),
        "other_officer": amo_officer("auoi-mk"),
        "coordinator": coordinator(totp=True),
    }
    return project, users


@pytest.fixture
def world():
    return _world("active")


def _as(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])
    return client


def _first_report(project):
    return project.reports.order_by("due_date").first()


def _snapshot(project):
    """What a refused action must leave as it was."""
    project = ReuseProject.objects.get(pk=project.pk)
    return (project.status, project.title, project.summary, project.end_date, project.events.count(),
            project.condition_reports.count(), project.evaluations.count(),
            list(project.reports.values_list("status", "narrative", "people_served").order_by("pk")),
            ReportPhoto.objects.filter(report__project=project).count())


def _refused_status(role, project_public=True):
    """What a refusal looks like for a role outside the allowed ones."""
    if role == "anonymous":
        return 302
    return 403 if project_public or role in INVOLVED else 404


# My projects ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_my_projects_lists_the_projects_of_ones_organisations_and_offices(client, world, role):
    project, users = world
    response = _as(client, users, role).get(reverse("projects:my_projects"))
    if role == "anonymous":
        assert response.status_code == 302 and "login" in response.url
        return
    assert response.status_code == 200
    listed = project.title in response.content.decode()
    assert listed == (role in MEMBERS_AND_OFFICE)


def test_my_projects_flags_an_overdue_report_in_words_and_with_a_class(client, world):
    project, users = world
    report = _first_report(project)
    ResultsReport.objects.filter(pk=report.pk).update(due_date=timezone.localdate() - dt.timedelta(days=1))
    body = _as(client, users, "lead_member").get(reverse("projects:my_projects")).content.decode()
    assert 'class="badge badge-overdue">Overdue<' in body
    assert 'class="overdue"' in body


def test_my_projects_does_not_flag_a_report_due_today(client, world):
    project, users = world
    ResultsReport.objects.filter(pk=_first_report(project).pk).update(due_date=timezone.localdate())
    body = _as(client, users, "officer").get(reverse("projects:my_projects")).content.decode()
    assert "badge-overdue" not in body
    assert timezone.localdate().isoformat() in body  # the next report due


# Project workspace: who sees it --------------------------------------------------------------------


@pytest.mark.parametrize("status", ["active", "preparing"])
@pytest.mark.parametrize("role", ROLES)
def test_the_workspace_per_role(client, role, status):
    project, users = _world(status)
    response = _as(client, users, role).get(reverse("projects:project_workspace", args=[project.pk]))
    if role in INVOLVED:
        assert response.status_code == 200
        body = response.content.decode()
        assert project.obligations in body
        assert ("Suspend the project" in body or "Hand over: start the project" in body) == (role == "officer")
        assert ("Record the evaluation" in body) == (role == "officer" and status == "active")
        assert ("Edit the project page" in body) == (role in LEAD)
    else:
        assert response.status_code == _refused_status(role, project_public=status == "active")


def test_the_workspace_shows_the_agreement_history_reports_and_condition_photos(client, world):
    project, users = world
    report = ConditionReport.objects.get(project=project, kind="handover")
    ConditionPhoto.objects.create(report=report, image=png_upload("roof.png"), alt_text="The leaking roof", public=True)
    ResultsReport.objects.filter(pk=_first_report(project).pk).update(due_date=timezone.localdate() - dt.timedelta(1))
    body = _as(client, users, "partner_member").get(reverse("projects:project_workspace", args=[project.pk])).content
    body = body.decode()
    assert "Handed over: the re-use began" in body
    assert 'alt="The leaking roof"' in body and "shown publicly" in body
    assert "<caption>Reports schedule</caption>" in body
    assert body.count("badge-overdue") == 1
    assert reverse("projects:report_detail", args=[_first_report(project).pk]) in body
    assert "Every 6 months" in body


# Status moves -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_an_officer_of_the_office_suspends(client, world, role):
    project, users = world
    before = _snapshot(project)
    response = _as(client, users, role).post(
        reverse("projects:project_move", args=[project.pk, "suspend"]), {"suspend-reason": "Insurance lapsed."}
    )
    project.refresh_from_db()
    if role == "officer":
        assert response.status_code == 302
        assert project.status == "suspended"
        assert project.events.last().reason == "Insurance lapsed."
    else:
        assert response.status_code == _refused_status(role)
        assert _snapshot(project) == before


def test_the_officer_goes_through_the_lifecycle(client):
    project, users = _world("preparing")
    client.force_login(users["officer"])
    url = reverse("projects:project_workspace", args=[project.pk])
    # Handover needs the condition report first: the refusal is shown, nothing changes.
    ConditionReport.objects.filter(project=project).delete()
    response = client.post(reverse("projects:project_move", args=[project.pk, "activate"]))
    assert response.status_code == 400
    assert "Record the handover condition report first." in response.content.decode()
    project.refresh_from_db()
    assert project.status == "preparing"
    response = client.post(reverse("projects:condition_report_add", args=[project.pk]), {
        "kind": "handover", "inspected_on": timezone.localdate().isoformat(), "condition": "ready",
        "notes": CYRILLIC, "photo_1": png_upload("hall.png"), "alt_1": "The hall, freshly painted",
        "public_1": "on", "photo_2": png_upload("yard.png"), "alt_2": "The yard",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    condition = project.condition_reports.get(kind="handover")
    assert condition.notes == CYRILLIC
    assert [(p.alt_text, p.public) for p in condition.photos.all()] == [
        ("The hall, freshly painted", True), ("The yard", False)]
    assert client.post(reverse("projects:project_move", args=[project.pk, "activate"])).status_code == 302
    project.refresh_from_db()
    assert project.status == "active" and project.reports.exists()
    body = client.get(url).content.decode()
    assert "Suspend the project" in body and "Hand over: start the project" not in body
    # A move that is not allowed now is refused with the table's message.
    response = client.post(reverse("projects:project_move", args=[project.pk, "resume"]))
    assert response.status_code == 400 and "cannot become" in response.content.decode()
    client.post(reverse("projects:project_move", args=[project.pk, "suspend"]), {"suspend-reason": "Works"})
    client.post(reverse("projects:project_move", args=[project.pk, "resume"]))
    project.refresh_from_db()
    assert project.status == "active"
    assert list(project.events.values_list("action", flat=True)) == ["created", "activate", "suspend", "resume"]
    response = client.post(reverse("projects:project_move", args=[project.pk, "terminate"]),
                           {"terminate-reason": "The premises were sublet."})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == "terminated"


@pytest.mark.parametrize("reason", ["", "   ", HUGE])
def test_a_move_that_needs_a_reason_refuses_an_empty_or_huge_one(client, world, reason):
    project, users = world
    before = _snapshot(project)
    response = _as(client, users, "officer").post(
        reverse("projects:project_move", args=[project.pk, "terminate"]), {"terminate-reason": reason}
    )
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert _snapshot(project) == before


def test_an_unknown_move_is_not_found(client, world):
    project, users = world
    response = _as(client, users, "officer").post(reverse("projects:project_move", args=[project.pk, "explode"]))
    assert response.status_code == 404
    assert client.get(reverse("projects:project_move", args=[project.pk, "suspend"])).status_code == 405


def test_the_reason_is_escaped_in_the_history(client, world):
    project, users = world
    _as(client, users, "officer").post(reverse("projects:project_move", args=[project.pk, "suspend"]),
                                       {"suspend-reason": MARKUP})
    body = client.get(reverse("projects:project_workspace", args=[project.pk])).content.decode()
    assert "<script>alert" not in body and "&lt;script&gt;" in body


# Condition reports ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_an_officer_records_a_condition_report(client, world, role):
    project, users = world
    before = _snapshot(project)
    response = _as(client, users, role).post(reverse("projects:condition_report_add", args=[project.pk]), {
        "kind": "return", "inspected_on": timezone.localdate().isoformat(), "condition": "ready",
    })
    if role == "officer":
        assert response.status_code == 302
        assert project.condition_reports.filter(kind="return").exists()
    else:
        assert response.status_code == _refused_status(role)
        assert _snapshot(project) == before


@pytest.mark.parametrize("data, message", [
    ({"photo_1": "non-image"}, "This file is not an accepted type"),
    ({"photo_1": "png"}, "Describe the photo for people who cannot see it."),
    ({"alt_1": "A photo that is not there"}, "Choose the photo this description is for"),
    ({"inspected_on": "tomorrow"}, "Enter a valid date."),
    ({"inspected_on": "future"}, "The inspection date cannot be in the future."),
    ({"condition": "palace"}, "Select a valid choice."),
    ({"kind": "handover"}, "Select a valid choice."),
    ({"notes": HUGE}, "at most 10000 characters"),
    ({"alt_1": HUGE, "photo_1": "png"}, "at most 250 characters"),
])
def test_a_bad_condition_report_is_refused_with_a_message(client, world, data, message):
    project, users = world
    before = _snapshot(project)
    post = {"kind": "return", "inspected_on": timezone.localdate().isoformat(), "condition": "ready", **data}
    if post.get("photo_1") == "non-image":
        post["photo_1"] = pdf_upload("photo.jpg")
        post["alt_1"] = "A document pretending to be a photo"
    elif post.get("photo_1") == "png":
        post["photo_1"] = png_upload()
    if post["inspected_on"] == "future":
        post["inspected_on"] = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    response = _as(client, users, "officer").post(reverse("projects:condition_report_add", args=[project.pk]), post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _snapshot(project) == before
    assert not ConditionPhoto.objects.filter(report__project=project, report__kind="return").exists()


# Evaluation -----------------------------------------------------------------------------------------


def _near_the_end():
    return _world("active", start=timezone.localdate() - dt.timedelta(days=700), term_months=24)


@pytest.mark.parametrize("role", ROLES)
def test_only_an_officer_evaluates_and_renews(client, role):
    project, users = _near_the_end()
    before = _snapshot(project)
    response = _as(client, users, role).post(reverse("projects:project_evaluate", args=[project.pk]), {
        "obligations_met": "met", "assessment": "Open every day; the neighbourhood uses it.", "outcome": "renew",
        "renewed_months": "12",
    })
    project.refresh_from_db()
    if role == "officer":
        assert response.status_code == 302
        assert project.end_date > before[3]
        assert Evaluation.objects.get(project=project).renewed_months == 12
        assert project.events.filter(action="renew").exists()
    else:
        assert response.status_code == _refused_status(role)
        assert _snapshot(project) == before


def test_the_evaluation_form_explains_the_renewal_window(client, world):
    project, users = world
    body = _as(client, users, "officer").get(reverse("projects:project_workspace", args=[project.pk])).content
    body = body.decode()
    assert "The evaluation opens 90 days before the end of the term" in body
    assert "The renewal window is not open yet" in body


@pytest.mark.parametrize("data, message", [
    ({"outcome": "renew", "renewed_months": "12"}, "The evaluation opens 90 days before the end of the term"),
    ({"outcome": "explode"}, "Select a valid choice."),
    ({"obligations_met": ""}, "This field is required."),
    ({"assessment": ""}, "This field is required."),
    ({"assessment": HUGE}, "at most 10000 characters"),
    ({"outcome": "renew", "renewed_months": ""}, "Say for how many months the agreement is renewed."),
    ({"outcome": "renew", "renewed_months": "-3"}, "greater than or equal to 1"),
    ({"outcome": "renew", "renewed_months": "twelve"}, "Enter a whole number."),
])
def test_a_bad_evaluation_is_refused_with_a_message(client, world, data, message):
    project, users = world  # 700 days before the end: outside the renewal window
    before = _snapshot(project)
    post = {"obligations_met": "met", "assessment": "Fine.", "outcome": "complete", **data}
    response = _as(client, users, "officer").post(reverse("projects:project_evaluate", args=[project.pk]), post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _snapshot(project) == before


# The project page editor ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_lead_members_edit_the_project_page(client, world, role):
    project, users = world
    from network.models import ThematicArea

    areas = list(ThematicArea.objects.order_by("pk")[:2])
    before = _snapshot(project)
    client = _as(client, users, role)
    url = reverse("projects:project_edit", args=[project.pk])
    page = client.get(url)
    response = client.post(url, {"title": CYRILLIC, "summary": MARKUP, "use": ReuseProject.USES[0][0],
                                 "thematic_areas": [area.pk for area in areas]})
    project.refresh_from_db()
    if role in LEAD:
        assert page.status_code == 200
        assert response.status_code == 302
        assert project.title == CYRILLIC and project.summary == MARKUP
        assert set(project.thematic_areas.all()) == set(areas)
        body = client.get(reverse("projects:project_workspace", args=[project.pk])).content.decode()
        assert "&lt;script&gt;" in body and "<script>alert" not in body
    else:
        assert page.status_code == response.status_code == _refused_status(role)
        assert _snapshot(project) == before


@pytest.mark.parametrize("data, message", [
    ({"title": ""}, "This field is required."),
    ({"title": "   "}, "This field is required."),
    ({"title": HUGE}, "at most 200 characters"),
    ({"summary": HUGE}, "at most 5000 characters"),
    ({"use": "casino"}, "Select a valid choice."),
    ({"thematic_areas": ["abc"]}, "is not a valid value"),
    ({"thematic_areas": ["999999"]}, "Select a valid choice."),
])
def test_a_bad_project_page_is_refused_with_a_message(client, world, data, message):
    project, users = world
    before = _snapshot(project)
    post = {"title": "Youth centre", "summary": "", "use": ReuseProject.USES[0][0], **data}
    response = _as(client, users, "lead_admin").post(reverse("projects:project_edit", args=[project.pk]), post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _snapshot(project) == before


def test_a_completed_project_page_is_no_longer_edited(client):
    project, users = _world("completed")
    assert _as(client, users, "lead_admin").get(reverse("projects:project_edit", args=[project.pk])).status_code == 403


# Results reports: who sees and who acts --------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_an_unaccepted_report_is_seen_only_by_those_involved(client, world, role):
    project, users = world
    report = accepted_report(project, status="submitted")
    response = _as(client, users, role).get(reverse("projects:report_detail", args=[report.pk]))
    assert response.status_code == (200 if role in INVOLVED else 404)


@pytest.mark.parametrize("role", ROLES)
def test_an_accepted_report_of_a_public_project_is_public(client, world, role):
    project, users = world
    report = accepted_report(project, people={"children": 40, "women": 25}, jobs_created=3)
    ReportPhoto.objects.create(report=report, image=png_upload(), alt_text="Children at the homework club",
                               consent_confirmed=True)
    response = _as(client, users, role).get(reverse("projects:report_detail", args=[report.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "The youth centre opened its doors" in body
    assert "<th scope=\"row\">Children (under 15)</th><td>40</td>" in body
    assert 'alt="Children at the homework club"' in body
    assert "Start the renovation permits early." in body
    assert ("Edit the report" in body) is False


def test_an_accepted_report_of_a_terminated_project_is_not_public(client):
    project, users = _world("active")
    report = accepted_report(project)
    ReuseProject.objects.filter(pk=project.pk).update(status="terminated")
    assert client.get(reverse("projects:report_detail", args=[report.pk])).status_code == 404
    assert _as(client, users, "lead_member").get(reverse("projects:report_detail", args=[report.pk])).status_code \
        == 200


def _report_post(**overrides):
    data = {"narrative": "We opened the homework club.", "lessons_learned": "Ask the school early.",
            "jobs_created": "2", "volunteers": "", "events_delivered": "4", "services_delivered": "",
            "hours_open_per_week": "30.5", "income_reinvested_eur": "1200.00",
            "people_children": "40", "people_young_people": "15"}
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_only_lead_members_edit_a_report(client, world, role):
    project, users = world
    report = _first_report(project)
    before = _snapshot(project)
    client = _as(client, users, role)
    url = reverse("projects:report_edit", args=[report.pk])
    page = client.get(url)
    response = client.post(url, _report_post())
    report.refresh_from_db()
    if role in LEAD:
        assert page.status_code == 200
        assert response.status_code == 302
        assert report.people_served == 55 and report.jobs_created == 2
        assert str(report.hours_open_per_week) == "30.5"
    elif role == "anonymous":
        assert page.status_code == response.status_code == 302
        assert _snapshot(project) == before
    else:
        assert page.status_code == response.status_code == (403 if role in INVOLVED else 404)
        assert _snapshot(project) == before


@pytest.mark.parametrize("role", ROLES)
def test_only_a_lead_admin_submits_a_report(client, world, role):
    project, users = world
    report = accepted_report(project, status="draft")
    before = _snapshot(project)
    response = _as(client, users, role).post(reverse("projects:report_submit", args=[report.pk]))
    report.refresh_from_db()
    if role == "lead_admin":
        assert response.status_code == 302 and report.status == "submitted"
        assert report.submitted_by == users["lead_admin"]
    else:
        assert response.status_code == (302 if role == "anonymous" else 403 if role in INVOLVED else 404)
        assert _snapshot(project) == before


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("decision", ["accept", "return"])
def test_only_an_officer_accepts_or_returns_a_report(client, world, role, decision):
    project, users = world
    report = accepted_report(project, status="submitted")
    before = _snapshot(project)
    response = _as(client, users, role).post(reverse(f"projects:report_{decision}", args=[report.pk]),
                                             {f"{decision}-comments": "Add the May figures."})
    report.refresh_from_db()
    if role == "officer":
        assert response.status_code == 302
        assert report.status == ("accepted" if decision == "accept" else "returned")
        assert report.review_comments == "Add the May figures."
    else:
        assert response.status_code == (302 if role == "anonymous" else 403 if role in INVOLVED else 404)
        assert _snapshot(project) == before


@pytest.mark.parametrize("role", ROLES)
def test_only_lead_members_add_and_remove_photos(client, world, role):
    project, users = world
    report = _first_report(project)
    kept = ReportPhoto.objects.create(report=report, image=png_upload(), alt_text="Kept", consent_confirmed=True)
    before = _snapshot(project)
    client = _as(client, users, role)
    added = client.post(reverse("projects:report_photo_add", args=[report.pk]), {
        "image": png_upload("club.png"), "alt_text": "The homework club", "consent_confirmed": "on"})
    removed = client.post(reverse("projects:report_photo_remove", args=[report.pk, kept.pk]))
    if role in LEAD:
        assert added.status_code == removed.status_code == 302
        assert list(report.photos.values_list("alt_text", flat=True)) == ["The homework club"]
    else:
        expected = 302 if role == "anonymous" else 403 if role in INVOLVED else 404
        assert added.status_code == removed.status_code == expected
        assert _snapshot(project) == before


# The full report cycle through the pages -------------------------------------------------------------


def test_the_full_report_cycle(client, world):
    project, users = world
    report = _first_report(project)
    detail = reverse("projects:report_detail", args=[report.pk])
    # A member drafts; the submit button is only for admins.
    client.force_login(users["lead_member"])
    assert client.post(reverse("projects:report_edit", args=[report.pk]), _report_post(
        narrative=CYRILLIC)).status_code == 302
    body = client.get(detail).content.decode()
    assert CYRILLIC in body and "Submit to the office" not in body
    assert "An administrator of your organisation submits the report" in body
    # The admin sees what is missing before submitting (nothing now) and submits.
    client.force_login(users["lead_admin"])
    assert client.post(reverse("projects:report_photo_add", args=[report.pk]), {
        "image": png_upload("club.png"), "alt_text": "Homework club", "consent_confirmed": "on"}).status_code == 302
    body = client.get(detail).content.decode()
    assert "Submit to the office" in body and "Before you submit" not in body
    assert client.post(reverse("projects:report_submit", args=[report.pk])).status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted"
    assert client.get(reverse("projects:report_edit", args=[report.pk])).status_code == 302  # no longer editable
    assert client.get(detail, follow=False).status_code == 200
    assert client.get(reverse("projects:report_detail", args=[report.pk])).status_code == 200
    # The public does not see it yet.
    client.logout()
    assert client.get(detail).status_code == 404
    # The office returns it with comments (required).
    client.force_login(users["officer"])
    response = client.post(reverse("projects:report_return", args=[report.pk]), {"return-comments": ""})
    assert response.status_code == 400 and "Say what should change." in response.content.decode()
    assert client.post(reverse("projects:report_return", args=[report.pk]),
                       {"return-comments": "Add the figures for May."}).status_code == 302
    report.refresh_from_db()
    assert report.status == "returned"
    # The CSO edits and submits again.
    client.force_login(users["lead_member"])
    body = client.get(reverse("projects:report_edit", args=[report.pk])).content.decode()
    assert "Add the figures for May." in body
    assert client.post(reverse("projects:report_edit", args=[report.pk]), _report_post(
        people_women="12")).status_code == 302
    client.force_login(users["lead_admin"])
    assert client.post(reverse("projects:report_submit", args=[report.pk])).status_code == 302
    # The office accepts (comments optional): the report is public.
    client.force_login(users["officer"])
    assert client.post(reverse("projects:report_accept", args=[report.pk]), {"accept-comments": ""}).status_code \
        == 302
    report.refresh_from_db()
    assert report.status == "accepted" and report.people_served == 67
    assert set(ReportPeopleServed.objects.filter(report=report).values_list("target_group", flat=True)) == {
        "children", "young_people", "women"}
    client.logout()
    body = client.get(detail).content.decode()
    assert "We opened the homework club." in body and 'alt="Homework club"' in body
    assert "Add the figures for May." not in body  # the office's comments stay with those involved


def test_an_empty_report_lists_what_is_missing_and_cannot_be_submitted(client, world):
    project, users = world
    report = _first_report(project)
    client.force_login(users["lead_admin"])
    body = client.get(reverse("projects:report_detail", args=[report.pk])).content.decode()
    assert "Before you submit, fill in:" in body
    assert "What happened in the period" in body and "People served, in at least one target group" in body
    response = client.post(reverse("projects:report_submit", args=[report.pk]))
    assert response.status_code == 400 and "Still missing" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "draft"


def test_a_report_for_a_period_not_begun_is_not_submitted(client, world):
    project, users = world
    report = project.reports.order_by("-due_date").first()
    assert report.period_start > timezone.localdate()
    client.force_login(users["lead_admin"])
    client.post(reverse("projects:report_edit", args=[report.pk]), _report_post())
    response = client.post(reverse("projects:report_submit", args=[report.pk]))
    assert response.status_code == 400 and "This period has not begun yet." in response.content.decode()


# Hostile input on the report forms -----------------------------------------------------------------


@pytest.mark.parametrize("data, message", [
    ({"narrative": HUGE}, "at most 20000 characters"),
    ({"lessons_learned": HUGE}, "at most 10000 characters"),
    ({"jobs_created": "-1"}, "greater than or equal to 0"),
    ({"jobs_created": "two"}, "Enter a whole number."),
    ({"jobs_created": "1e9"}, "Enter a whole number."),
    ({"volunteers": "99999999999999999999"}, "less than or equal to"),
    ({"hours_open_per_week": "200"}, "less than or equal to 168"),
    ({"hours_open_per_week": "12.25"}, "no more than 1 decimal place"),
    ({"income_reinvested_eur": "-5"}, "greater than or equal to 0"),
    ({"income_reinvested_eur": "NaN"}, "Enter a number."),
    ({"people_children": "-40"}, "greater than or equal to 0"),
    ({"people_women": "10000001"}, "less than or equal to 10000000"),
    ({"people_women": "<b>"}, "Enter a whole number."),
])
def test_a_bad_report_is_refused_with_a_message(client, world, data, message):
    project, users = world
    report = _first_report(project)
    before = _snapshot(project)
    response = _as(client, users, "lead_member").post(reverse("projects:report_edit", args=[report.pk]),
                                                      _report_post(**data))
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and 'class="error-summary"' in body
    assert _snapshot(project) == before


def test_markup_in_a_report_is_shown_as_text(client, world):
    project, users = world
    report = _first_report(project)
    client = _as(client, users, "lead_member")
    client.post(reverse("projects:report_edit", args=[report.pk]), _report_post(narrative=MARKUP,
                                                                                 lessons_learned=CYRILLIC))
    body = client.get(reverse("projects:report_detail", args=[report.pk])).content.decode()
    assert "<script>alert" not in body and "&lt;script&gt;" in body and CYRILLIC in body


@pytest.mark.parametrize("data, message", [
    ({"image": "non-image"}, "This file is not an accepted type"),
    ({"image": "empty"}, "The submitted file is empty."),
    ({"image": None}, "This field is required."),
    ({"alt_text": ""}, "This field is required."),
    ({"alt_text": HUGE}, "at most 250 characters"),
    ({"consent_confirmed": None}, "Confirm that everyone recognisable in the photo agreed to its publication."),
])
def test_a_bad_photo_is_refused_with_a_message(client, world, data, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    project, users = world
    report = _first_report(project)
    post = {"image": png_upload("club.png"), "alt_text": "The club", "consent_confirmed": "on", **data}
    if post["image"] == "non-image":
        post["image"] = pdf_upload("club.png")
    elif post["image"] == "empty":
        post["image"] = SimpleUploadedFile("club.png", b"", content_type="image/png")
    post = {key: value for key, value in post.items() if value is not None}
    response = _as(client, users, "lead_member").post(reverse("projects:report_photo_add", args=[report.pk]), post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not report.photos.exists()


def test_a_returned_comment_that_is_huge_is_refused(client, world):
    project, users = world
    report = accepted_report(project, status="submitted")
    response = _as(client, users, "officer").post(reverse("projects:report_return", args=[report.pk]),
                                                  {"return-comments": HUGE})
    assert response.status_code == 400 and "at most 10000 characters" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "submitted"


def test_a_photo_of_another_report_is_not_removed(client, world):
    project, users = world
    first, second = project.reports.order_by("due_date")[:2]
    photo = ReportPhoto.objects.create(report=second, image=png_upload(), alt_text="Other", consent_confirmed=True)
    response = _as(client, users, "lead_admin").post(reverse("projects:report_photo_remove",
                                                             args=[first.pk, photo.pk]))
    assert response.status_code == 404
    assert ReportPhoto.objects.filter(pk=photo.pk).exists()


# Query budgets --------------------------------------------------------------------------------------


def _fresh_cache():
    """Cached answers (the unread notifications count...) are dropped, so that each measured request pays the
    same fixed costs whatever happened before it."""
    from django.core.cache import cache

    cache.clear()


def _count(client, url):
    from django.db import connection

    _fresh_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["lead_member", "officer"])
def test_my_projects_holds_its_query_budget(client, role, django_assert_max_num_queries):
    lead = OrganisationFactory(verified=True)
    users = {"lead_member": cso_member(lead), "officer": amo_officer()}
    for _ in range(2):
        reuse_project("active", organisation=lead)
    client.force_login(users[role])
    url = reverse("projects:my_projects")
    few = _count(client, url)
    for _ in range(13):
        reuse_project("active", organisation=lead)
    _fresh_cache()
    with django_assert_max_num_queries(few):
        body = client.get(url).content.decode()
    assert body.count('<span class="badge badge-project-active">') == 15


def test_the_workspace_holds_its_query_budget(client, django_assert_max_num_queries):
    def build(months):
        project, users = _world("active", term_months=months, reporting_every_months=1,
                                start=timezone.localdate() - dt.timedelta(days=10))
        for _event in range(months):
            ProjectEvent.objects.create(project=project, action="edited")
        condition = project.condition_reports.get()
        for number in range(months):
            ConditionPhoto.objects.create(report=condition, image=png_upload(), alt_text=f"Photo {number}")
        return project, users

    small, users = build(2)
    assert small.reports.count() == 2
    client.force_login(users["officer"])
    few = _count(client, reverse("projects:project_workspace", args=[small.pk]))
    large, users = build(15)
    assert large.reports.count() == 15
    client.force_login(users["officer"])
    _fresh_cache()
    with django_assert_max_num_queries(few):
        assert client.get(reverse("projects:project_workspace", args=[large.pk])).status_code == 200
    assert few <= 25
