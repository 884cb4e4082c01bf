"""seedscale at a tiny size: the rows and the counters the pages trust (supports, comments, replies) agree,
and the staff's pages have what the load benchmark measures (a meeting, calls, a plan, reports, reviews)."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from civica.accountability.models import Activity, Plan, PlanStatus
from civica.accounts.models import User
from civica.calls.models import Application, ApplicationStatus, Assignment, Call
from civica.calls.selectors import my_reviews
from civica.comments.models import Comment
from civica.meetings.models import Meeting
from civica.moderation.models import Report
from civica.moderation.selectors import moderation_queue
from civica.participation.management.commands.seedscale import (
    EVALUATOR_EMAIL,
    MEETING_SLUG,
    MODERATOR_EMAIL,
    OPEN_CALL_SLUG,
    PLAN_ACTIVITIES,
    PLAN_PROGRAMMES,
    PLAN_YEAR,
    planned_sizes,
    seeded_calls,
    seeded_citizens,
    seeded_counts,
    seeded_processes,
    seeded_users,
)
from civica.participation.models import Idea, Support
from civica.participation.predicates import active_phase
from civica.participation.tests.factories import IdeaFactory

SIZES = {"users": 30, "processes": 3, "ideas": 20, "supports": 100, "comments": 80, "reports": 14, "assignments": 12}


def seed(**options):
    output = StringIO()
    call_command("seedscale", **SIZES, **options, stdout=output)
    return output.getvalue()


def count_of(queryset, field):
    """The number of rows of ``queryset`` whose ``field`` is the outer row's id, as a subquery."""
    counts = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(total=Count("pk"))
    return Coalesce(Subquery(counts.values("total")), 0)


@pytest.mark.django_db
def test_seeds_the_requested_rows_with_consistent_counters():
    output = seed()

    assert seeded_counts() == SIZES
    assert not any(user.has_usable_password() for user in seeded_users())
    assert EmailAddress.objects.filter(user__in=seeded_citizens(), verified=True, primary=True).count() == 30
    processes = list(seeded_processes().prefetch_related("phases"))
    assert all(process.is_published for process in processes)
    assert all(active_phase(process).kind == "ideas" for process in processes)

    idea_type = ContentType.objects.get_for_model(Idea)
    comments_of_idea = Comment.objects.filter(target_type=idea_type)
    ideas = Idea.objects.annotate(supports_counted=count_of(Support.objects.all(), "idea"),
                                  comments_counted=count_of(comments_of_idea, "target_id"))
    assert [(idea.support_count, idea.comment_count) for idea in ideas] == [
        (idea.supports_counted, idea.comments_counted) for idea in ideas
    ]
    assert not Support.objects.filter(user=F("idea__author")).exists()
    assert not Support.objects.values("idea", "user").annotate(times=Count("pk")).filter(times__gt=1).exists()

    comments = Comment.objects.annotate(replies_counted=count_of(Comment.objects.all(), "parent"))
    assert [comment.reply_count for comment in comments] == [comment.replies_counted for comment in comments]
    replies = Comment.objects.filter(parent__isnull=False).select_related("parent")
    assert replies.exists()
    assert all(reply.depth == 1 and reply.parent.depth == 0 and reply.target_id == reply.parent.target_id
               for reply in replies)
    assert all(comment.scope_id == Idea.objects.get(pk=comment.target_id).process_id
               for comment in comments_of_idea)

    showcase = Idea.objects.get(comment_count=50)
    assert f"/ro/processes/{showcase.process.slug}/ideas/{showcase.pk}/" in output


@pytest.mark.django_db
def test_refuses_seeded_data_unless_forced():
    seed()
    with pytest.raises(CommandError, match="--force"):
        seed()
    seed(force=True)
    assert seeded_counts() == SIZES


@pytest.mark.django_db
def test_force_keeps_other_data_even_where_seeded_accounts_took_part():
    seed()
    own_idea = IdeaFactory()
    Support.objects.create(idea=own_idea, user=seeded_users().first())  # a seeded account used on the site
    seed(force=True)
    assert seeded_counts() == SIZES
    assert Idea.objects.filter(pk=own_idea.pk).exists()
    assert not Support.objects.filter(idea=own_idea).exists()


def test_staff_work_does_not_scale_with_the_city():
    assert planned_sizes(0.02) == {"users": 6_000, "processes": 1, "ideas": 1_000, "supports": 40_000,
                                   "comments": 10_000, "reports": 350, "assignments": 220}
    assert planned_sizes(0.02, reports=3)["reports"] == 3


@pytest.mark.django_db
def test_seeds_what_the_staff_and_signed_in_pages_show(client):
    output = seed(password="seeded-password-1")
    moderator, evaluator = User.objects.get(email=MODERATOR_EMAIL), User.objects.get(email=EVALUATOR_EMAIL)
    assert moderator.check_password("seeded-password-1") and evaluator.check_password("seeded-password-1")
    assert seeded_citizens().first().check_password("seeded-password-1")

    # 14 open reports by citizens on 8 items (4 ideas, 4 comments), none on the showcase idea
    reports = Report.objects.all()
    assert reports.count() == 14 and not reports.filter(is_resolved=True).exists()
    assert {report.reporter.email.startswith("cetatean") for report in reports} == {True}
    assert reports.values("target_type", "target_id").distinct().count() == 8
    showcase = Idea.objects.get(comment_count=50)
    assert not reports.filter(target_id=showcase.pk, target_type=ContentType.objects.get_for_model(Idea)).exists()
    queue = moderation_queue(moderator)
    assert queue.waiting == 8 and queue.open_reports == 14
    assert sum(item.open_reports for item in queue.page.object_list) == 14

    # 12 assignments of submitted applications in four calls in evaluation, a third reviewed
    assert Assignment.objects.filter(evaluator=evaluator).count() == 12
    reviews = list(my_reviews(evaluator))
    assert len(reviews) == 12 and len({assignment.application.call_id for assignment in reviews}) == 4
    assert all(evaluator.has_perm("calls.review_application", assignment.application) for assignment in reviews)
    assert sum(hasattr(assignment, "review") for assignment in reviews) == 4

    open_call = Call.objects.get(slug=OPEN_CALL_SLUG)
    assert open_call.is_open()
    assert open_call.applications.filter(status=ApplicationStatus.SUBMITTED).exists()
    assert open_call.applications.filter(status=ApplicationStatus.DRAFT).exists()
    assert not Assignment.objects.filter(application__call=open_call).exists()
    meeting = Meeting.objects.published().upcoming().get(slug=MEETING_SLUG)
    assert meeting.registrations.count() == 30  # every citizen, at this size
    plan = Plan.objects.get(year=PLAN_YEAR)
    assert plan.status == PlanStatus.PUBLISHED
    assert Activity.objects.filter(plan=plan).count() == PLAN_PROGRAMMES * PLAN_ACTIVITIES

    pages = [meeting.get_absolute_url(), open_call.get_absolute_url(), plan.get_absolute_url()]
    assert all(url in output for url in ["/ro/moderation/", "/ro/calls/reviews/", *pages])
    for url in pages:
        assert client.get(url).status_code == 200, url
    client.force_login(moderator)
    assert client.get("/ro/moderation/").status_code == 200
    client.force_login(evaluator)
    assert client.get("/ro/calls/reviews/").status_code == 200


@pytest.mark.django_db
def test_force_removes_the_staff_side_too():
    seed()
    seed(force=True)
    assert seeded_counts() == SIZES
    assert seeded_users().count() == 32  # the citizens, the moderator and the evaluator
    assert seeded_calls().count() == 5 and Application.objects.count() == 30 + 12
    assert Meeting.objects.count() == 1 and Plan.objects.count() == 1 and Report.objects.count() == 14
