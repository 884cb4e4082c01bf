import pytest
from django.utils import translation

from civica.network.tests.factories import SpaceFactory

# ``member`` and ``member_organisation``: in the root conftest, with the other roles.


@pytest.fixture
def studio(db):
    return SpaceFactory(name_ro="Studioul", name_en="The studio")


@pytest.fixture
def in_english():
    with translation.override("en"):
        yield
