"""Representation moved from accounts to network (issue 13 point 3) without losing a row: a database
at the schema before the move, holding an organisation, a user and their representation, is migrated
to the latest schema and the representation is read through network's model. On PostgreSQL (``core.tests.upgrades``)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from civica.core.tests.upgrades import upgrade_on_postgresql
from civica.network.models import Representation

pytestmark = upgrade_on_postgresql

BEFORE_THE_MOVE = [("accounts", "0002_email_frequency"), ("network", "0004_figures")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_representations_survive_the_move_to_network():
    old_apps = _migrate(BEFORE_THE_MOVE)
    try:
        assert "accounts_representation" in connection.introspection.table_names()
        old_contenttype = old_apps.get_model("contenttypes", "ContentType")
        old_contenttype.objects.get_or_create(app_label="accounts", model="representation")
        organisation = old_apps.get_model("network", "Organisation").objects.create(
            name="Consiliul Județean Cluj", slug="consiliul-judetean-cluj", category="public_administration",
            relationship="member")
        user = old_apps.get_model("accounts", "User").objects.create(email="ana@example.org",
                                                                     display_name="Ana")
        old_apps.get_model("accounts", "Representation").objects.create(
            user=user, organisation=organisation, position="Expert")
    finally:
        _migrate(_latest())
    ContentType.objects.clear_cache()

    tables = connection.introspection.table_names()
    assert "network_representation" in tables
    assert "accounts_representation" not in tables
    representation = Representation.objects.select_related("user", "organisation").get()
    assert (representation.user.email, representation.organisation.slug, representation.position) == (
        "ana@example.org", "consiliul-judetean-cluj", "Expert")
    assert representation.organisation.representatives.get().user.display_name == "Ana"
    content_type = ContentType.objects.get_for_model(Representation)
    assert content_type.app_label == "network"
    assert not ContentType.objects.filter(app_label="accounts", model="representation").exists()
