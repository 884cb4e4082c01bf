"""Whatever the query string, the API answers 200 or a 4xx problem, never a 5xx (issue 20, rules)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.participation.tests.factories import IdeaFactory, ProcessFactory

NAMES = st.sampled_from(["sort", "status", "category", "cursor", "page_size", "state", "lang", "other"])
VALUES = st.one_of(st.text(max_size=40), st.integers(min_value=-10**30, max_value=10**30).map(str),
                   st.sampled_from(["supported", "newest", "commented", "published", "active", "ro", "en", "0",
                                    "100", "101", "", "%00", "1e5", "NaN"]))


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.tuples(NAMES, VALUES), max_size=4),
       path=st.sampled_from(["/api/v1/processes/", "/api/v1/processes/fuzz", "/api/v1/processes/fuzz/ideas",
                             "/api/v1/processes/fuzz/ideas/1"]))
def test_any_query_string_is_answered_without_a_server_error(client, query, path):
    if not ProcessFactory._meta.model.objects.filter(slug="fuzz").exists():
        IdeaFactory(process=ProcessFactory(slug="fuzz"))
    response = client.get(path, dict(query) if query else None)
    assert response.status_code < 500, (path, query, response.content[:300])
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
