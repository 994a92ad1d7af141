"""The office's review pages, the ranking, four-eyes decisions on the page, and the reviewer's pages: who may
open and do what, what each one sees, hostile input, and the query budgets of the lists."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from calls.models import CallReviewer, Decision, Proposal, ProposalMessage, ProposalPartner, Review, ReviewScore
from tests.factories import (
    OrganisationFactory,
    ProposalFactory,
    ReviewFactory,
    UserFactory,
    amo_officer,
    closed_call_with_proposals,
    coordinator,
    cso_member,
    submitted_review,
)

pytestmark = pytest.mark.django_db

PLANNED_USE = "A youth centre with a homework club and a community kitchen."


@pytest.fixture
def world():
    """A closed call with one proposal under review and every role around it."""
    call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    partner = OrganisationFactory(verified=True)
    ProposalPartner.objects.create(proposal=proposal, organisation=partner, status="accepted")
    reviewer = ReviewFactory(proposal=proposal, declared=True).reviewer
    conflicted = ReviewFactory(proposal=proposal, recused=True).reviewer
    users = {
        "applicant_member": cso_member(proposal.organisation),
        "applicant_admin": cso_member(proposal.organisation, admin=True),
        "other_cso_member": cso_member(OrganisationFactory(verified=True)),
        "partner_member": cso_member(partner),
        "partner_admin": cso_member(partner, admin=True),
        "reviewer": reviewer,
        "conflicted_reviewer": conflicted,
        "officer": amo_officer(),
        "other_office_officer": amo_officer("auoi-mk"),
        "coordinator": coordinator(totp=True),
    }
    return {"call": call, "proposal": proposal, "users": users}


ROLES = ["visitor", "applicant_member", "applicant_admin", "other_cso_member", "partner_member", "partner_admin",
         "reviewer", "conflicted_reviewer", "officer", "other_office_officer", "coordinator"]


def _as(client, world, role):
    if role != "visitor":
        client.force_login(world["users"][role])
    return client


def _expected(role, allowed=("officer",)):
    if role == "visitor":
        return 302
    return 200 if role in allowed else 403


# The permission matrix of the office's pages ------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["call_proposals", "call_reviewers", "call_ranking", "office_proposal"])
def test_only_officers_of_the_office_open_its_review_pages(client, world, role, page):
    pk = world["proposal"].pk if page == "office_proposal" else world["call"].pk
    response = _as(client, world, role).get(reverse(f"calls:{page}", kwargs={"pk": pk}))
    assert response.status_code == _expected(role)
    if role == "visitor":
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "officer"])
def test_nobody_but_the_offices_officers_takes_the_offices_actions_and_nothing_changes(client, world, role):
    proposal, call = world["proposal"], world["call"]
    other = ProposalFactory(call=call, submitted=True)
    appointment = CallReviewer.objects.get(user=world["users"]["reviewer"])
    client = _as(client, world, role)
    posts = [
        (reverse("calls:call_start_review", kwargs={"pk": call.pk}), {}),
        (reverse("calls:office_proposal_start_review", kwargs={"pk": other.pk}), {}),
        (reverse("calls:office_proposal_request_changes", kwargs={"pk": proposal.pk}),
         {"message": "Please.", "deadline": "2099-01-01T12:00"}),
        (reverse("calls:office_proposal_decide", kwargs={"pk": proposal.pk}),
         {"outcome": "rejected", "reasons": "No."}),
        (reverse("calls:call_reviewers", kwargs={"pk": call.pk}), {"email": UserFactory().email}),
        (reverse("calls:call_reviewer_remove", kwargs={"pk": call.pk, "reviewer_pk": appointment.pk}), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == (302 if role == "visitor" else 403), url
    assert Proposal.objects.get(pk=other.pk).status == "submitted"
    assert Proposal.objects.get(pk=proposal.pk).status == "under_review"
    assert not ProposalMessage.objects.exists() and not Decision.objects.exists()
    assert CallReviewer.objects.filter(call=call).count() == 2


def test_the_officer_starts_the_review_of_the_whole_call_from_its_proposals_page(client, world):
    call = world["call"]
    waiting = ProposalFactory(call=call, submitted=True)
    client.force_login(world["users"]["officer"])
    page = client.get(reverse("calls:call_proposals", kwargs={"pk": call.pk})).content.decode()
    assert reverse("calls:call_start_review", kwargs={"pk": call.pk}) in page
    assert waiting.organisation.name in page and world["proposal"].organisation.name in page
    response = client.post(reverse("calls:call_start_review", kwargs={"pk": call.pk}))
    assert response.status_code == 302
    assert Proposal.objects.get(pk=waiting.pk).status == "under_review"
    assert Review.objects.filter(proposal=waiting).count() == 2  # both appointed reviewers


def test_an_open_call_offers_no_review_start_and_says_why(client):
    proposal = ProposalFactory(submitted=True)
    client.force_login(amo_officer())
    page = client.get(reverse("calls:call_proposals", kwargs={"pk": proposal.call.pk})).content.decode()
    assert "once the call has closed" in page
    assert reverse("calls:call_start_review", kwargs={"pk": proposal.call.pk}) not in page
    client.post(reverse("calls:office_proposal_start_review", kwargs={"pk": proposal.pk}))
    assert Proposal.objects.get(pk=proposal.pk).status == "submitted"


def test_nonexistent_ids_are_404(client, world):
    client.force_login(world["users"]["officer"])
    for name in ("call_proposals", "call_reviewers", "call_ranking", "office_proposal", "review_detail"):
        assert client.get(reverse(f"calls:{name}", kwargs={"pk": 999999})).status_code == 404
    assert client.post(reverse("calls:decision_confirm", kwargs={"pk": 999999})).status_code == 404


# Reviewers page ---------------------------------------------------------------------------------

def test_the_officer_appoints_and_removes_a_reviewer(client, world):
    call = world["call"]
    expert = UserFactory(email="Strucnjak.Ekspert@example.org", full_name="Стручњак Ë")
    client.force_login(world["users"]["officer"])
    response = client.post(reverse("calls:call_reviewers", kwargs={"pk": call.pk}), {"email": expert.email})
    assert response.status_code == 302
    appointment = CallReviewer.objects.get(call=call, user=expert)
    assert Review.objects.filter(reviewer=expert, proposal=world["proposal"]).exists()
    page = client.get(reverse("calls:call_reviewers", kwargs={"pk": call.pk})).content.decode()
    assert expert.email in page
    client.post(reverse("calls:call_reviewer_remove", kwargs={"pk": call.pk, "reviewer_pk": appointment.pk}))
    assert not CallReviewer.objects.filter(user=expert).exists() and not Review.objects.filter(reviewer=expert).exists()


@pytest.mark.parametrize("email", ["", "not-an-email", "<script>alert(1)</script>", "x" * 300 + "@example.org",
                                   "nobody@example.org"])
def test_appointing_with_bad_input_shows_the_reason_on_the_form(client, world, email):
    client.force_login(world["users"]["officer"])
    response = client.post(reverse("calls:call_reviewers", kwargs={"pk": world["call"].pk}), {"email": email})
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert CallReviewer.objects.filter(call=world["call"]).count() == 2


# One proposal: request changes and decisions on the page ------------------------------------------

def test_the_officer_requests_changes_once_with_a_deadline_in_the_offices_time_zone(client, world):
    proposal = world["proposal"]
    officer = world["users"]["officer"]
    officer.time_zone = "Europe/Chisinau"  # the officer's own zone does not matter for the typed deadline
    officer.save()
    client.force_login(officer)
    url = reverse("calls:office_proposal_request_changes", kwargs={"pk": proposal.pk})
    next_year = timezone.now().year + 1
    response = client.post(url, {"message": "Додајте буџет.", "deadline": f"{next_year}-06-01T12:00"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "changes_requested"
    # 12:00 in Belgrade in summer is 10:00 UTC.
    assert proposal.changes_deadline == dt.datetime(next_year, 6, 1, 10, 0, tzinfo=dt.UTC)
    page = client.get(reverse("calls:office_proposal", kwargs={"pk": proposal.pk})).content.decode()
    assert "cannot be requested again" in page and url not in page
    response = client.post(url, {"message": "Again.", "deadline": f"{next_year}-07-01T12:00"})
    assert response.status_code == 302
    assert ProposalMessage.objects.count() == 1


@pytest.mark.parametrize("data", [
    {"message": "", "deadline": "2099-01-01T12:00"},
    {"message": "ж" * 8001, "deadline": "2099-01-01T12:00"},
    {"message": "Fine.", "deadline": "2001-01-01T12:00"},
    {"message": "Fine.", "deadline": "tomorrow"},
    {"message": "Fine.", "deadline": ""},
    {"message": "Fine.", "deadline": "99999-01-01T12:00"},
])
def test_request_changes_with_bad_input_keeps_the_proposal_as_it_was(client, world, data):
    proposal = world["proposal"]
    client.force_login(world["users"]["officer"])
    response = client.post(reverse("calls:office_proposal_request_changes", kwargs={"pk": proposal.pk}), data)
    assert response.status_code == 400 and 'class="errorlist"' in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "under_review" and proposal.changes_requested_at is None
    assert not ProposalMessage.objects.exists()


@pytest.mark.parametrize("data", [
    {"outcome": "approved", "reasons": "Good."},  # no agreement terms
    {"outcome": "approved", "reasons": "Good.", "agreement_start": "2026-01-01", "agreement_term_months": "-3",
     "reporting_every_months": "6"},
    {"outcome": "approved", "reasons": "Good.", "agreement_start": "not a date", "agreement_term_months": "12",
     "reporting_every_months": "6"},
    {"outcome": "maybe", "reasons": "Good."},
    {"outcome": "rejected", "reasons": ""},
    {"outcome": "rejected", "reasons": "<script>" * 2000},
])
def test_proposing_a_decision_with_bad_input_shows_the_errors_and_saves_nothing(client, world, data):
    client.force_login(world["users"]["officer"])
    response = client.post(reverse("calls:office_proposal_decide", kwargs={"pk": world["proposal"].pk}), data)
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode() or "error-summary" in response.content.decode()
    assert not Decision.objects.exists()


def test_four_eyes_on_the_page_the_proposer_waits_and_another_officer_confirms(client, world):
    proposal = world["proposal"]
    proposer, second = world["users"]["officer"], amo_officer()
    client.force_login(proposer)
    response = client.post(reverse("calls:office_proposal_decide", kwargs={"pk": proposal.pk}), {
        "outcome": "approved", "reasons": "Најбољи план.", "agreement_start": "2026-03-01",
        "agreement_term_months": "24", "reporting_every_months": "6", "agreement_obligations": "",
    })
    assert response.status_code == 302
    decision = Decision.objects.get()
    page = client.get(reverse("calls:office_proposal", kwargs={"pk": proposal.pk})).content.decode()
    confirm_url = reverse("calls:decision_confirm", kwargs={"pk": decision.pk})
    assert "Waiting for a second officer" in page and confirm_url not in page
    assert client.post(confirm_url).status_code == 403
    assert client.post(reverse("calls:decision_return", kwargs={"pk": decision.pk}), {"reason": "x"}).status_code == 403
    for outsider in (amo_officer("auoi-mk"), world["users"]["coordinator"], world["users"]["applicant_admin"]):
        client.force_login(outsider)
        assert client.post(confirm_url).status_code == 403
    assert Decision.objects.get().status == "proposed"
    client.force_login(second)
    page = client.get(reverse("calls:office_proposal", kwargs={"pk": proposal.pk})).content.decode()
    assert confirm_url in page
    assert client.post(confirm_url).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "approved"
    # Confirming again is refused with a message, not an error.
    assert client.post(confirm_url).status_code == 302


def test_the_second_officer_sends_a_decision_back_with_a_reason(client, world):
    proposal = world["proposal"]
    decision = Decision.objects.create(proposal=proposal, outcome="rejected", reasons="Weak.",
                                       proposed_by=world["users"]["officer"])
    client.force_login(amo_officer())
    url = reverse("calls:decision_return", kwargs={"pk": decision.pk})
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Ë ș ћ: reconsider."}).status_code == 302
    decision.refresh_from_db()
    assert decision.status == "returned" and decision.returned_reason == "Ë ș ћ: reconsider."


def test_the_office_proposal_page_shows_content_partners_messages_and_submitted_reviews(client, world):
    proposal = world["proposal"]
    review = submitted_review(proposal, scores=[7, 7, 7, 7], comment="Convincing <em>plan</em>.")
    ProposalMessage.objects.create(proposal=proposal, from_office=False, body="Thank you.")
    client.force_login(world["users"]["officer"])
    page = client.get(reverse("calls:office_proposal", kwargs={"pk": proposal.pk})).content.decode()
    assert PLANNED_USE in page and "Thank you." in page
    assert "Convincing &lt;em&gt;plan&lt;/em&gt;." in page
    assert str(review.reviewer) in page
    assert '<time datetime="' in page


# Reviewer's side --------------------------------------------------------------------------------

def test_before_the_declaration_the_reviewer_sees_only_the_applicant_and_the_property(client):
    review = ReviewFactory()
    client.force_login(review.reviewer)
    page = client.get(reverse("calls:review_detail", kwargs={"pk": review.pk})).content.decode()
    assert review.proposal.organisation.name in page and review.proposal.property.title_en in page
    assert PLANNED_USE not in page and review.proposal.sustainability_plan not in page
    assert reverse("calls:review_declare", kwargs={"pk": review.pk}) in page
    # Nor does posting scores work before the declaration.
    criterion = review.proposal.call.criteria.first()
    client.post(reverse("calls:review_detail", kwargs={"pk": review.pk}), {f"score_{criterion.pk}": "5"})
    assert not ReviewScore.objects.exists()


def test_after_declaring_no_conflict_the_reviewer_reads_and_scores(client):
    review = ReviewFactory()
    client.force_login(review.reviewer)
    response = client.post(reverse("calls:review_declare", kwargs={"pk": review.pk}), {"conflict": "no"})
    assert response.status_code == 302
    page = client.get(reverse("calls:review_detail", kwargs={"pk": review.pk})).content.decode()
    assert PLANNED_USE in page and 'name="action" value="submit"' in page
    criteria = list(review.proposal.call.criteria.all())
    data = {f"score_{c.pk}": "8" for c in criteria} | {"recommendation": "approve", "comment": "Strong.",
                                                         "action": "save"}
    data[f"score_{criteria[0].pk}"] = ""
    assert client.post(reverse("calls:review_detail", kwargs={"pk": review.pk}), data).status_code == 302
    assert ReviewScore.objects.filter(review=review).count() == 3
    data |= {f"score_{criteria[0].pk}": "10", "action": "submit"}
    assert client.post(reverse("calls:review_detail", kwargs={"pk": review.pk}), data).status_code == 302
    review.refresh_from_db()
    assert review.status == "submitted"
    # 10/10*40 + 8/10*30 + 8/10*20 + 8/10*10 = 40 + 24 + 16 + 8 = 88
    page = client.get(reverse("calls:review_detail", kwargs={"pk": review.pk})).content.decode()
    assert "88.00" in page and 'value="submit"' not in page


def test_a_conflict_without_explanation_is_refused_and_with_one_recuses_the_reviewer(client):
    review = ReviewFactory()
    client.force_login(review.reviewer)
    url = reverse("calls:review_declare", kwargs={"pk": review.pk})
    response = client.post(url, {"conflict": "yes", "note": "  "})
    assert response.status_code == 400 and 'class="errorlist"' in response.content.decode()
    assert client.post(url, {"conflict": "<script>"}).status_code == 400
    assert Review.objects.get(pk=review.pk).status == "assigned"
    client.post(url, {"conflict": "yes", "note": "Mi sestra është anëtare."})
    page = client.get(reverse("calls:review_detail", kwargs={"pk": review.pk})).content.decode()
    assert "recused" in page and PLANNED_USE not in page and 'name="action"' not in page


def test_a_reviewer_never_sees_another_reviewers_scores(client):
    other = submitted_review(ProposalFactory(under_review=True), scores=[3, 3, 3, 3], comment="UNIQUE-OTHER-COMMENT")
    mine = ReviewFactory(proposal=other.proposal, declared=True)
    client.force_login(mine.reviewer)
    page = client.get(reverse("calls:review_detail", kwargs={"pk": mine.pk})).content.decode()
    assert "UNIQUE-OTHER-COMMENT" not in page and str(other.reviewer) not in page
    assert client.get(reverse("calls:review_detail", kwargs={"pk": other.pk})).status_code == 403
    assert client.get(reverse("calls:call_ranking", kwargs={"pk": other.proposal.call.pk})).status_code == 403


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ("reviewer", "visitor")])
def test_only_its_reviewer_opens_a_review(client, world, role):
    review = Review.objects.get(reviewer=world["users"]["reviewer"])
    response = _as(client, world, role).get(reverse("calls:review_detail", kwargs={"pk": review.pk}))
    assert response.status_code == 403
    response = client.post(reverse("calls:review_declare", kwargs={"pk": review.pk}), {"conflict": "yes",
                                                                                        "note": "x"})
    assert response.status_code == 403
    assert Review.objects.get(pk=review.pk).status == "in_progress"


@pytest.mark.parametrize("value", ["11", "-1", "abc", "5.5", "<script>", "9" * 50])
def test_a_score_out_of_range_is_an_error_on_the_form_and_nothing_is_saved(client, value):
    review = ReviewFactory(declared=True)
    criteria = list(review.proposal.call.criteria.all())
    data = {f"score_{c.pk}": "5" for c in criteria} | {"recommendation": "approve", "action": "submit"}
    data[f"score_{criteria[0].pk}"] = value
    client.force_login(review.reviewer)
    response = client.post(reverse("calls:review_detail", kwargs={"pk": review.pk}), data)
    assert response.status_code == 400 and 'class="errorlist"' in response.content.decode()
    assert not ReviewScore.objects.exists() and Review.objects.get(pk=review.pk).status == "in_progress"


def test_submitting_an_incomplete_review_shows_what_is_missing(client):
    review = ReviewFactory(declared=True)
    client.force_login(review.reviewer)
    response = client.post(reverse("calls:review_detail", kwargs={"pk": review.pk}), {"action": "submit"})
    assert response.status_code == 400 and 'class="errorlist"' in response.content.decode()
    assert Review.objects.get(pk=review.pk).status == "in_progress"


def test_the_reviews_link_is_in_the_navigation_only_for_reviewers(client):
    review = ReviewFactory()
    client.force_login(review.reviewer)
    assert reverse("calls:review_queue") in client.get(reverse("calls:review_queue")).content.decode()
    client.force_login(UserFactory())
    assert reverse("calls:review_queue") not in client.get(reverse("network:dashboard")).content.decode()


def test_the_reviews_link_costs_no_query_once_signed_in_and_appears_when_a_review_is_assigned(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from calls.services.reviews import reviewer_appoint

    call, _proposals = closed_call_with_proposals(1, status="under_review")
    expert = UserFactory()
    client.force_login(expert)
    client.get(reverse("network:dashboard"))
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("network:dashboard")).content.decode()
    assert not any("calls_review" in query["sql"] for query in captured.captured_queries)
    assert reverse("calls:review_queue") not in page
    reviewer_appoint(call=call, actor=amo_officer(), email=expert.email)
    assert reverse("calls:review_queue") in client.get(reverse("network:dashboard")).content.decode()


# The officer who also reviews ---------------------------------------------------------------------

def test_an_officer_reviewing_the_call_sees_neither_ranking_nor_others_reviews_until_theirs_are_submitted(
    client, world,
):
    proposal, officer = world["proposal"], world["users"]["officer"]
    other = submitted_review(proposal, scores=[9, 9, 9, 9], comment="UNIQUE-OTHER-COMMENT")
    mine = ReviewFactory(proposal=proposal, reviewer=officer, declared=True)
    client.force_login(officer)
    ranking = client.get(reverse("calls:call_ranking", kwargs={"pk": proposal.call.pk}))
    assert ranking.status_code == 403 and "submitted all of your reviews" in ranking.content.decode()
    page = client.get(reverse("calls:office_proposal", kwargs={"pk": proposal.pk})).content.decode()
    assert "UNIQUE-OTHER-COMMENT" not in page
    Review.objects.filter(pk=mine.pk).update(status="submitted", submitted_at=timezone.now())
    assert client.get(reverse("calls:call_ranking", kwargs={"pk": proposal.call.pk})).status_code == 200
    page = client.get(reverse("calls:office_proposal", kwargs={"pk": proposal.pk})).content.decode()
    assert "UNIQUE-OTHER-COMMENT" in page and str(other.reviewer) in page


# Ranking ----------------------------------------------------------------------------------------

def test_the_ranking_shows_hand_computed_averages_and_spreads_best_first(client):
    call, (first, second) = closed_call_with_proposals(2, status="under_review")
    # Criteria 40/30/20/10, out of 10.  first: 65 and 80 -> 72.50, spread 15.00
    submitted_review(first, scores=[10, 5, 5, 0], recommendation="approve")
    submitted_review(first, scores=[5, 10, 10, 10], recommendation="conditions")
    # second: 100 and 91 (9*4 + 10*3 + 10*2 + 5*1 = 36 + 30 + 20 + 5) -> 95.50, spread 9.00
    submitted_review(second, scores=[10, 10, 10, 10], recommendation="approve")
    submitted_review(second, scores=[9, 10, 10, 5], recommendation="approve")
    ReviewFactory(proposal=second, recused=True)
    client.force_login(amo_officer())
    page = client.get(reverse("calls:call_ranking", kwargs={"pk": call.pk})).content.decode()
    assert "95.50" in page and "9.00" in page and "72.50" in page and "15.00" in page
    assert page.index(second.organisation.name) < page.index(first.organisation.name)
    assert "65.00" in page and "80.00" in page and "91.00" in page and "100.00" in page
    assert "<th scope=\"col\">Social impact" in page  # each criterion's average has its column


@pytest.mark.parametrize("rows", [2, 20])
def test_the_ranking_holds_its_query_budget(client, django_assert_num_queries, rows):
    call, proposals = closed_call_with_proposals(rows, status="under_review")
    for proposal in proposals:
        submitted_review(proposal, scores=[5, 5, 5, 5])
        submitted_review(proposal, scores=[6, 6, 6, 6])
    client.force_login(amo_officer())
    with django_assert_num_queries(RANKING_BUDGET):
        response = client.get(reverse("calls:call_ranking", kwargs={"pk": call.pk}))
    assert response.content.decode().count("55.00") == rows


@pytest.mark.parametrize("rows", [2, 20])
def test_the_calls_proposals_page_holds_its_query_budget(client, django_assert_num_queries, rows):
    call, proposals = closed_call_with_proposals(rows, status="under_review")
    for proposal in proposals:
        submitted_review(proposal, scores=[5, 5, 5, 5])
        ReviewFactory(proposal=proposal)
    client.force_login(amo_officer())
    with django_assert_num_queries(CALL_PROPOSALS_BUDGET):
        response = client.get(reverse("calls:call_proposals", kwargs={"pk": call.pk}))
    assert response.content.decode().count("1 of 2") == rows


@pytest.mark.parametrize("rows", [2, 20])
def test_the_review_queue_holds_its_query_budget_and_shows_no_content(client, django_assert_num_queries, rows):
    reviewer = UserFactory()
    call, proposals = closed_call_with_proposals(rows, status="under_review")
    for proposal in proposals:
        ReviewFactory(proposal=proposal, reviewer=reviewer)
    client.force_login(reviewer)
    with django_assert_num_queries(QUEUE_BUDGET):
        response = client.get(reverse("calls:review_queue"))
    page = response.content.decode()
    assert page.count(reverse("calls:review_detail", kwargs={"pk": 0}).replace("/0/", "/")) >= rows
    assert PLANNED_USE not in page


RANKING_BUDGET = 12
CALL_PROPOSALS_BUDGET = 7
QUEUE_BUDGET = 5
