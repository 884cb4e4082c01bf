"""Residents discuss a plan on its page: participation's threaded comments, open while the plan is
a draft or its years run; the page's query count stays constant with the thread."""

import pytest

from civica.accountability.models import PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.comments.models import Comment


@pytest.mark.django_db
def test_a_participant_comments_on_a_draft_plan_and_others_reply(client, participant):
    plan = make_plan(status=PlanStatus.DRAFT)
    assert client.post(f"/en/plans/{plan.slug}/comments/", {"body": "Hi"})["Location"].startswith(
        "/en/accounts/login/")
    client.force_login(participant)
    response = client.post(f"/en/plans/{plan.slug}/comments/", {"body": "More **workshops** in schools, please."})
    comment = Comment.objects.get()
    assert response["Location"] == f"/en/plans/{plan.slug}/#comment-{comment.pk}"
    client.force_login(UserFactory())
    client.post(f"/en/plans/{plan.slug}/comments/", {"body": "Agreed.", "parent": comment.pk})
    page = client.get(f"/en/plans/{plan.slug}/").content.decode()
    assert "<strong>workshops</strong>" in page and "Agreed." in page and "Comments (2)" in page
    assert 'class="comment-list replies"' in page


@pytest.mark.django_db
def test_comments_close_once_an_approved_plan_has_ended(client, participant):
    plan = make_plan(year=2019, status=PlanStatus.APPROVED)
    client.force_login(participant)
    page = client.post(f"/en/plans/{plan.slug}/comments/", {"body": "Too late"}, follow=True).content.decode()
    assert "Comments on this plan are closed" in page and "Too late" in page
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_plan_page_query_count_stays_constant_with_comments(client, participant, assert_constant_queries):
    plan = make_plan(status=PlanStatus.DRAFT)
    comment_services.comment_post(target=plan, by=UserFactory(), body="First")
    client.force_login(participant)

    def more():
        for number in range(6):
            parent = comment_services.comment_post(target=plan, by=UserFactory(), body=f"Thought {number}")
            comment_services.comment_post(target=plan, by=UserFactory(), body="Reply", parent=parent)

    assert_constant_queries(client, f"/en/plans/{plan.slug}/", more)
