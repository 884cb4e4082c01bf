"""The moderation queue and log are for moderators only, and the registry takes a model once. (What
participation's ideas, debates and comments go through is in the site-wide ``tests/test_moderation.py``.)"""

import pytest

from civica.accounts.models import User
from civica.moderation.registry import Moderatable, ModeratableRegistry


@pytest.mark.django_db
@pytest.mark.parametrize("kind, status", [("participant", 403), ("moderator", 200), ("editor", 200)])
def test_the_queue_and_the_log_are_for_moderators(client, make_user, kind, status):
    client.force_login(make_user(kind))
    assert client.get("/en/moderation/").status_code == status
    assert client.get("/en/moderation/log/").status_code == status


@pytest.mark.django_db
def test_the_queue_asks_visitors_to_log_in(client):
    response = client.get("/en/moderation/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_model_is_registered_once():
    registry = ModeratableRegistry()
    entry = Moderatable(model=User, kind="people", scope_of=lambda person: None, describe=str,
                        moderate_url=lambda person: "/")
    registry.register(entry)
    with pytest.raises(ValueError):
        registry.register(entry)
    assert registry.for_object(User()) is entry and registry.for_object(None) is None
