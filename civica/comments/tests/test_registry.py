"""The commentable registry: a model is registered once, an unregistered one takes no comments, and
why a visitor may not comment. (Comments on ideas, debates, meetings and plans are tried in the
site-wide tests: ``tests/test_comments.py``, ``tests/test_comment_targets.py``, the truth table in
``civica/core/tests/test_rules_comments.py``.)"""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from civica.accounts.models import User
from civica.comments.registry import Commentable, CommentableRegistry, commentables
from civica.core import refusals
from civica.core.refusals import Requirements


def test_a_model_is_registered_once():
    registry = CommentableRegistry()
    entry = Commentable(model=User, open_now=Requirements((rules.always_allow, "")), readable=rules.always_allow)
    registry.register(entry)
    with pytest.raises(ValueError):
        registry.register(entry)
    assert registry.for_object(User()) is entry and registry.for_object(None) is None


@pytest.mark.django_db
def test_nothing_unregistered_takes_comments(make_user):
    assert commentables.for_object(User()) is None
    assert not make_user("participant").has_perm("comments.post", make_user("participant"))


def test_visitors_are_asked_to_log_in():
    with translation.override("en"):
        assert refusals.why_not(AnonymousUser(), "comments.post", None) == "Log in to comment."
