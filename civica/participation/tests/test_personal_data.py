import pytest

from civica.accounts import services as account_services
from civica.accounts.tests.factories import UserFactory
from civica.participation import services
from civica.participation.models import Idea
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.mark.django_db
def test_export_lists_ideas_and_supports():
    person = UserFactory()
    process = ProcessFactory()
    services.idea_create(process=process, by=person, title="Mine", body="My text")
    services.idea_support(idea=IdeaFactory(process=process, title="Theirs"), by=person)
    data = account_services.personal_data_export(user=person)["participation"]
    assert [idea["title"] for idea in data["ideas"]] == ["Mine"]
    assert [support["idea"] for support in data["supports"]] == ["Theirs"]
    assert account_services.personal_data_export(user=person)["notifications"]["follows"]


@pytest.mark.django_db
def test_delete_keeps_discussed_ideas_anonymised_and_removes_the_rest():
    person = UserFactory()
    process = ProcessFactory()
    discussed = IdeaFactory(process=process, author=person, title="Discussed", comment_count=2)
    IdeaFactory(process=process, author=person, title="Quiet")
    supported = IdeaFactory(process=process)
    services.idea_support(idea=supported, by=person)
    account_services.account_delete(user=person)
    assert list(Idea.objects.filter(author__isnull=True).values_list("title", flat=True)) == ["Discussed"]
    assert not Idea.objects.filter(title="Quiet").exists()
    supported.refresh_from_db()
    assert supported.support_count == 0
    discussed.refresh_from_db()
    assert discussed.author is None
