"""What the tests of an upgrade's data moves share: a database at the schema from before a change,
holding rows, migrated to today's schema, and the rows checked.

Migrating back and forward again renders every app's historical models anew, a minute or more a test.
A deployment upgrades PostgreSQL, so these run there (CI's second pass, `.ci/run`); the SQLite pass
skips them rather than pay that twice."""

import pytest
from django.db import connection

upgrade_on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="an upgrade's data moves are checked on PostgreSQL, the database a deployment upgrades (.ci/run)")
