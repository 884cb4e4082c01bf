"""Fixtures shared by every app's tests: users in each role, and a locmem outbox."""

import pytest
from django.core.cache import cache

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits live in the cache: each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def participant(db):
    return UserFactory(display_name="Paula Participant")


@pytest.fixture
def unverified(db):
    return UserFactory(verified=False, display_name="Uma Unverified")


@pytest.fixture
def editor(db):
    return UserFactory(role=Role.EDITOR, display_name="Emil Editor")


@pytest.fixture
def administrator(db):
    return UserFactory(role=Role.ADMINISTRATOR, display_name="Ana Administrator")


@pytest.fixture
def moderator(db):
    return UserFactory(role=Role.MODERATOR, display_name="Maria Moderator")
