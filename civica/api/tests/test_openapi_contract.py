"""Schemathesis against the API's own OpenAPI document, on the demo data (issue 20, "done when"):
every operation, valid and invalid input generated from the document; no answer may be a 5xx or break
the document (status codes, content types, headers, bodies). The figures (operations, requests,
failures) are printed for the closing note.

One test, so the demo is loaded once; each operation gets its own Hypothesis run."""

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

# A cursor is any string to the document, but only the API's own signed cursors are accepted (a 400
# otherwise, as the issue asks): "valid by the schema but refused" is the point there, not a fault.
from schemathesis.specs.openapi.checks import positive_data_acceptance

EXAMPLES_PER_OPERATION = 25


@pytest.mark.django_db
def test_the_api_answers_as_its_openapi_document_says(settings):
    settings.CIVICA_API_RATE_BY_ADDRESS = "1000000/m"
    settings.CIVICA_API_RATE_BY_TOKEN = "1000000/m"
    settings.ACCOUNT_RATE_LIMITS = False
    call_command("loaddemo", verbosity=0)
    # A real WSGI handler closes the database connection after each request, which would end the test's
    # transaction on PostgreSQL: as Django's test client does, leave the connection open meanwhile.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        _run(figures := {"operations": 0, "requests": 0}, failures := [])
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    print(f"\nschemathesis: {figures['operations']} operations, {figures['requests']} requests, "
          f"{len(failures)} failures")
    assert not failures, "\n".join(dict.fromkeys(failures))


def _run(figures, failures):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    for result in schema.get_all_operations():
        operation = result.ok()
        figures["operations"] += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @hypothesis_settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True,
                                 database=None, suppress_health_check=list(HealthCheck))
            def run(case):
                figures["requests"] += 1
                try:
                    # A savepoint a request, as each request has its own transaction when served: a
                    # database error is still a failure, and does not fail the requests after it.
                    with transaction.atomic():
                        case.call_and_validate(headers={"Accept-Encoding": "identity"},
                                               environ_base={"REMOTE_ADDR": "127.0.0.1"},
                                               excluded_checks=[positive_data_acceptance])
                except BaseException as error:  # noqa: BLE001 -- a check failed: keep it, go on with the rest
                    failures.append(f"{case.method.upper()} {case.operation.path}: "
                                    f"{type(error).__name__}: {str(error)[:400]}")

            try:
                run()
            except Unsatisfiable:  # nothing invalid to send (an operation without parameters)
                continue
