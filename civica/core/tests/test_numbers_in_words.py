"""A number before a noun agrees with it ("1 vot pozitiv", "21 de voturi negative", "1 campanie") and
short dates abbreviate months as each language writes them ("6 nov. 2026", never "Noi")."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.comments.models import Comment
from civica.participation.models import Idea
from civica.participation.tests.factories import IdeaFactory


def _render(source, **context):
    return Template(source).render(Context(context))


def test_short_dates_abbreviate_months_as_each_language_writes_them():
    day = datetime.date(2026, 11, 6)
    moment = timezone.make_aware(datetime.datetime(2026, 5, 1, 12, 30), datetime.timezone.utc)
    with translation.override("ro"):
        assert _render("{{ day|short_date }}", day=day) == "6 nov. 2026"
        assert _render("{{ day|short_date }}", day=datetime.date(2026, 5, 1)) == "1 mai 2026"
        assert _render('{{ moment|short_date:"time" }}', moment=moment) == "1 mai 2026, 15:30", "Bucharest clock"
    with translation.override("en"):
        assert _render("{{ day|short_date }}", day=day) == "6 Nov 2026"


@pytest.mark.django_db
def test_idea_cards_date_november_as_nov_not_noi(client):
    idea = IdeaFactory()
    Idea.objects.filter(pk=idea.pk).update(created_at=timezone.make_aware(datetime.datetime(2026, 11, 6, 12)))
    page = client.get(f"/ro/processes/{idea.process.slug}/").content.decode()
    assert "6 nov. 2026" in page
    assert "Noi" not in page


@pytest.mark.django_db
def test_comment_votes_agree_with_their_number(client):
    idea = IdeaFactory()
    comment = comment_services.comment_post(target=idea, by=UserFactory(), body="Un comentariu")
    Comment.objects.filter(pk=comment.pk).update(upvotes=1, downvotes=21)
    with translation.override("ro"):
        path = idea.get_absolute_url()
    page = client.get(path).content.decode()
    assert "1 vot pozitiv, 21 de voturi negative" in page
    assert not re.search(r"\b1 voturi", page)
    english = client.get(path.replace("/ro/", "/en/", 1)).content.decode()
    assert "1 up, 21 down" in english
