import pytest
from django.utils import translation

from civica.network.tests.factories import MemberFactory, SpaceFactory, member_representative


@pytest.fixture
def member_organisation(db):
    return MemberFactory(name="Consiliul Județean Cluj")


@pytest.fixture
def member(member_organisation):
    """A representative of a member organisation (English speaker)."""
    return member_representative(member_organisation, display_name="Mihai Membru", language="en")


@pytest.fixture
def studio(db):
    return SpaceFactory(name_ro="Studioul", name_en="The studio")


@pytest.fixture
def in_english():
    with translation.override("en"):
        yield
