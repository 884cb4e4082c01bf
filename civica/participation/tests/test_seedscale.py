"""seedscale at a tiny size: the rows and the counters the pages trust (supports, comments, replies) agree."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from civica.comments.models import Comment
from civica.participation.management.commands.seedscale import seeded_counts, seeded_processes, seeded_users
from civica.participation.models import Idea, Support
from civica.participation.predicates import active_phase
from civica.participation.tests.factories import IdeaFactory

SIZES = {"users": 30, "processes": 3, "ideas": 20, "supports": 100, "comments": 80}


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
    assert EmailAddress.objects.filter(user__in=seeded_users(), verified=True, primary=True).count() == 30
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
