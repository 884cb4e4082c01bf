"""Consultations tell people what happens: followers of a process hear of new ideas, followers of an
idea of its official answer and of comments, each in their own language."""

import pytest
from django.utils import translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.notifications.models import Notification
from civica.notifications.services import follow_set
from civica.participation import services
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.mark.django_db
def test_comment_notifies_followers_and_the_parent_author_not_the_writer():
    idea = services.idea_create(process=ProcessFactory(), by=UserFactory(), title="Trees", body="More trees")
    follower, replier = UserFactory(), UserFactory()
    follow_set(by=follower, target=idea, following=True)
    top = comment_services.comment_post(target=idea, by=follower, body="First")
    Notification.objects.all().delete()
    comment_services.comment_post(target=idea, by=replier, body="Answer", parent=top)
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    assert recipients == {idea.author_id, follower.pk}
    assert replier.pk not in recipients


@pytest.mark.django_db
def test_new_ideas_notify_the_followers_of_the_process(participant):
    process = ProcessFactory(title_en="Parks", title_ro="Parcuri")
    reader = UserFactory(language="ro")
    follow_set(by=reader, target=process, following=True)
    services.idea_create(process=process, by=participant, title="More trees", body="x")
    notification = Notification.objects.get(recipient=reader)
    assert notification.message == 'Idee nouă în „Parcuri”: More trees'


@pytest.mark.django_db
def test_messages_are_written_in_each_recipients_language():
    with translation.override("en"):
        idea = IdeaFactory(title="Benches", author=UserFactory(language="en"))
        romanian = UserFactory(language="ro")
        follow_set(by=romanian, target=idea, following=True)
        services.idea_answer(idea=idea, by=UserFactory(role=Role.EDITOR), status="accepted", answer="ok")
    assert Notification.objects.get(recipient=romanian).message == "Răspuns oficial pentru „Benches”: Acceptată"
    assert Notification.objects.get(recipient=idea.author).message == 'Official answer to "Benches": Accepted'
