import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.notifications.models import Follow
from civica.participation import services
from civica.participation.models import Idea, IdeaStatus, Support
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.fixture(autouse=True)
def _in_english():
    # Services speak the active language; these tests read the English messages.
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_idea_create_publishes_and_the_author_follows_it(participant):
    process = ProcessFactory()
    idea = services.idea_create(process=process, by=participant, title="Bănci în parc", body="Mai multe bănci.")
    assert idea.status == IdeaStatus.PUBLISHED
    assert Follow.objects.filter(user=participant, target_id=idea.pk).exists()


@pytest.mark.django_db
def test_the_same_form_submitted_twice_creates_one_idea(participant):
    process, key = ProcessFactory(), uuid.uuid4()
    first = services.idea_create(process=process, by=participant, submission_key=key, title="A", body="B")
    second = services.idea_create(process=process, by=participant, submission_key=key, title="A", body="B")
    assert first.pk == second.pk
    assert Idea.objects.count() == 1


@pytest.mark.django_db
def test_unverified_people_cannot_propose_and_are_told_why(unverified):
    with pytest.raises(PermissionDenied, match="Verify your e-mail address"):
        services.idea_create(process=ProcessFactory(), by=unverified, title="A", body="B")


@pytest.mark.django_db
def test_title_and_body_limits(participant):
    with pytest.raises(ValidationError) as error:
        services.idea_create(process=ProcessFactory(), by=participant, title="x" * 151, body="y" * 10_001)
    assert set(error.value.message_dict) == {"title", "body"}


@pytest.mark.django_db
def test_support_once_and_withdraw(participant):
    idea = IdeaFactory()
    assert services.idea_support(idea=idea, by=participant) is True
    assert services.idea_support(idea=idea, by=participant) is False
    assert idea.support_count == 1
    assert Support.objects.count() == 1
    assert services.idea_withdraw_support(idea=idea, by=participant) is True
    assert idea.support_count == 0
    assert services.idea_withdraw_support(idea=idea, by=participant) is False
    assert idea.support_count == 0


@pytest.mark.django_db
def test_supports_per_person_cap():
    process = ProcessFactory(supports_per_person=2)
    person = UserFactory()
    ideas = IdeaFactory.create_batch(3, process=process)
    services.idea_support(idea=ideas[0], by=person)
    services.idea_support(idea=ideas[1], by=person)
    with pytest.raises(PermissionDenied, match="all 2 supports"):
        services.idea_support(idea=ideas[2], by=person)
    services.idea_withdraw_support(idea=ideas[0], by=person)
    assert services.idea_support(idea=ideas[2], by=person)


@pytest.mark.django_db
def test_edit_is_refused_once_someone_supported(participant):
    idea = IdeaFactory()
    services.idea_update(idea=idea, by=idea.author, title="Better title")
    services.idea_support(idea=idea, by=participant)
    with pytest.raises(PermissionDenied, match="no longer be edited"):
        services.idea_update(idea=idea, by=idea.author, title="Too late")
    idea.refresh_from_db()
    assert idea.title == "Better title"


@pytest.mark.django_db
def test_official_answer_follows_the_transitions():
    idea = IdeaFactory()
    moderator = UserFactory(role=Role.MODERATOR, role__scope=idea.process)
    services.idea_answer(idea=idea, by=moderator, status=IdeaStatus.EVALUATING, answer="We are looking at it.")
    services.idea_answer(idea=idea, by=moderator, status=IdeaStatus.ACCEPTED, answer="Yes.")
    with pytest.raises(ValidationError, match="cannot become"):
        services.idea_answer(idea=idea, by=moderator, status=IdeaStatus.IMPLEMENTED, answer="")
    services.idea_answer(idea=idea, by=moderator, status=IdeaStatus.IN_IMPLEMENTATION, answer="Started.")
    idea.refresh_from_db()
    assert (idea.status, idea.answered_by) == (IdeaStatus.IN_IMPLEMENTATION, moderator)


@pytest.mark.django_db
def test_rejection_needs_a_reason_and_answers_need_a_moderator(participant):
    idea = IdeaFactory()
    editor = UserFactory(role=Role.EDITOR)
    with pytest.raises(ValidationError, match="reason is required"):
        services.idea_answer(idea=idea, by=editor, status=IdeaStatus.REJECTED, answer="  ")
    with pytest.raises(PermissionDenied):
        services.idea_answer(idea=idea, by=participant, status=IdeaStatus.ACCEPTED, answer="Sure")
    services.idea_answer(idea=idea, by=editor, status=IdeaStatus.REJECTED, answer="Outside the city's remit.")
    assert Idea.objects.get(pk=idea.pk).status == IdeaStatus.REJECTED


@pytest.mark.django_db
def test_follow_and_unfollow(participant):
    idea = IdeaFactory()
    services.follow_set(by=participant, target=idea, following=True)
    services.follow_set(by=participant, target=idea, following=True)
    assert Follow.objects.filter(user=participant).count() == 1
    services.follow_set(by=participant, target=idea, following=False)
    assert not Follow.objects.filter(user=participant).exists()


@pytest.mark.django_db
def test_refusals_speak_romanian_by_default(unverified):
    with translation.override("ro"):
        with pytest.raises(PermissionDenied, match="Verificați-vă adresa de e-mail"):
            services.idea_create(process=ProcessFactory(), by=unverified, title="A", body="B")
