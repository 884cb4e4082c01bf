"""The anonymous page cache: kept pages cost no query, any write makes them stale, nothing
personal is ever kept or served."""

import time
from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.http import HttpResponse

from civica.core import page_cache
from civica.core.redis_cache import single_server_client
from civica.core.tests.real_redis import forget, use_real_redis
from civica.participation.models import Idea
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def process(db):
    return ProcessFactory(title_ro="Parcul Feroviarilor")


def ideas_path(process):
    return f"/ro/processes/{process.slug}/ideas/"


def test_a_page_seen_again_by_a_visitor_costs_no_query(client, page_cache_on, process, django_assert_num_queries):
    IdeaFactory(process=process, title="Bănci la umbră")
    first = client.get(ideas_path(process))
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(ideas_path(process))
    assert again.status_code == 200
    assert again.content == first.content
    assert "Bănci la umbră" in again.content.decode()
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["Content-Type"] == first["Content-Type"]


def test_a_page_is_kept_compressed_for_browsers_that_take_gzip_and_sent_as_kept(
        client, page_cache_on, process, django_assert_num_queries):
    import gzip

    IdeaFactory(process=process, title="Bănci la umbră")
    plain = client.get(ideas_path(process))
    zipped = client.get(ideas_path(process), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    with django_assert_num_queries(0):
        again = client.get(ideas_path(process), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert again["Content-Encoding"] == zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in again["Vary"]
    assert again.content == zipped.content  # the stored bytes, not compressed anew
    assert gzip.decompress(again.content) == plain.content
    with django_assert_num_queries(0):
        assert client.get(ideas_path(process)).content == plain.content


def test_a_new_idea_is_seen_at_once(client, page_cache_on, process):
    client.get(ideas_path(process))
    IdeaFactory(process=process, title="Fântână de băut")
    assert "Fântână de băut" in client.get(ideas_path(process)).content.decode()


def test_a_bulk_update_makes_kept_pages_stale_too(client, page_cache_on, process):
    IdeaFactory(process=process, title="Un gard nou")
    assert "Un gard nou" in client.get(ideas_path(process)).content.decode()
    Idea.objects.filter(process=process).update(is_hidden=True)  # no signal is sent for this
    assert "Un gard nou" not in client.get(ideas_path(process)).content.decode()


def test_a_committed_write_moves_the_generation_again(page_cache_on, process, django_capture_on_commit_callbacks):
    page_cache.bump_generation()
    before = cache.get(page_cache.GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        IdeaFactory(process=process)
    assert callbacks  # the bump after commit
    assert cache.get(page_cache.GENERATION_KEY) >= before + 2


def test_a_transaction_that_writes_a_scope_often_moves_it_once_more_at_commit(
        page_cache_on, process, django_capture_on_commit_callbacks):
    from django.db import transaction

    token = page_cache._write_scope.set("process:parcul")
    try:
        with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
            IdeaFactory(process=process)
            IdeaFactory(process=process)
            with transaction.atomic():  # a savepoint that is rolled back drops what it registered...
                page_cache._write_scope.set("process:other")
                IdeaFactory(process=process)
                transaction.set_rollback(True)
            page_cache._write_scope.set("process:other")
            IdeaFactory(process=process)  # ...so this write registers that scope's move anew
    finally:
        page_cache._write_scope.reset(token)
    moves = [callback.args for callback in callbacks if getattr(callback, "func", None) is page_cache.bump_generation]
    assert moves.count(("process:parcul",)) == 1 and moves.count(("process:other",)) == 1


def test_writing_a_session_keeps_pages(page_cache_on, db):
    page_cache.bump_generation()
    before = cache.get(page_cache.GENERATION_KEY)
    session = SessionStore()
    session["seen"] = True
    session.save()
    assert cache.get(page_cache.GENERATION_KEY) == before


def test_a_lost_counter_starts_again_past_every_page_kept(client, page_cache_on, process):
    client.get(ideas_path(process))
    key = page_cache._visitor_page_key(client.get(ideas_path(process)).wsgi_request)
    kept_under = cache.get(key)[0][0]  # the site's generation, the first of the page's
    cache.delete(page_cache.GENERATION_KEY)  # evicted, or Redis restarted
    IdeaFactory(process=process, title="După repornire")
    assert cache.get(page_cache.GENERATION_KEY) > kept_under
    assert "După repornire" in client.get(ideas_path(process)).content.decode()


def test_signed_in_people_never_read_or_fill_it(client, page_cache_on, process, participant):
    client.get(ideas_path(process))  # kept for visitors
    client.force_login(participant)
    page = client.get(ideas_path(process)).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page  # the signed-in header, not the visitor's page
    client.logout()
    assert 'name="csrfmiddlewaretoken"' not in client.get(ideas_path(process)).content.decode()


def test_a_visitor_with_a_session_or_csrf_cookie_is_served_fresh(client, page_cache_on, process,
                                                                  django_assert_max_num_queries):
    client.get(ideas_path(process))
    client.cookies["csrftoken"] = "x" * 32
    with django_assert_max_num_queries(50) as queries:
        client.get(ideas_path(process))
    assert len(queries) > 0


def test_a_page_that_sets_a_cookie_is_never_kept(client, page_cache_on, db):
    login = client.get("/ro/accounts/login/")
    assert login.status_code == 200 and "csrftoken" in login.cookies
    del client.cookies["csrftoken"]
    assert "csrftoken" in client.get("/ro/accounts/login/").cookies  # rendered again, a new token


def test_htmx_requests_and_other_methods_pass_through(client, page_cache_on, process, django_assert_max_num_queries):
    client.get(ideas_path(process))
    with django_assert_max_num_queries(50) as queries:
        client.get(ideas_path(process), headers={"HX-Request": "true"})
    assert len(queries) > 0


def test_head_is_served_from_a_kept_page_without_a_body(client, page_cache_on, process, django_assert_num_queries):
    client.get(ideas_path(process))
    with django_assert_num_queries(0):
        response = client.head(ideas_path(process))
    assert response.status_code == 200
    assert response.content == b""


def test_the_language_cookie_alone_still_reads_kept_pages(client, page_cache_on, process, django_assert_num_queries):
    client.get(ideas_path(process))
    client.cookies["django_language"] = "en"
    with django_assert_num_queries(0):
        assert client.get(ideas_path(process)).status_code == 200


def test_off_when_seconds_is_zero(client, settings, process, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(ideas_path(process))
    with django_assert_max_num_queries(50) as queries:
        client.get(ideas_path(process))
    assert len(queries) > 0


def test_only_plain_successful_pages_are_kept():
    assert page_cache._cacheable_response(HttpResponse("ok"))
    assert not page_cache._cacheable_response(HttpResponse("gone", status=404))
    private = HttpResponse("mine")
    private["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
    assert not page_cache._cacheable_response(private)
    with_nonce = HttpResponse("styled")
    with_nonce["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'nonce-abc'"
    assert not page_cache._cacheable_response(with_nonce)
    with_cookie = HttpResponse("cookie")
    with_cookie.set_cookie("seed", "1")
    assert not page_cache._cacheable_response(with_cookie)


def test_while_a_page_is_rendered_anew_other_visitors_get_the_page_it_replaces(client, page_cache_on, process,
                                                                               django_assert_num_queries):
    IdeaFactory(process=process, title="Primul gând")
    client.get(ideas_path(process))
    IdeaFactory(process=process, title="Al doilea gând")  # the kept page is stale now
    key = page_cache._visitor_page_key(client.get(ideas_path(process)).wsgi_request)
    IdeaFactory(process=process, title="Al treilea gând")
    cache.add(key + ":rendering", 1, 10)  # as if another request were rendering it this moment
    with django_assert_num_queries(0):
        page = client.get(ideas_path(process)).content.decode()
    assert "Al doilea gând" in page and "Al treilea gând" not in page
    cache.delete(key + ":rendering")
    assert "Al treilea gând" in client.get(ideas_path(process)).content.decode()


def test_a_page_that_changes_with_the_clock_alone_is_never_kept(client, page_cache_on, db):
    from civica.meetings.tests.factories import MeetingFactory
    from civica.workshops.models import Workshop

    workshop = Workshop.objects.create(meeting=MeetingFactory(), slug="cafe")
    first = client.get(f"/en/workshops/{workshop.slug}/screen/")
    assert first.status_code == 200 and "no-cache" in first["Cache-Control"]
    assert cache.get(page_cache._visitor_page_key(first.wsgi_request)) is None


def test_long_query_strings_are_served_but_never_kept(client, page_cache_on, process, django_assert_max_num_queries):
    path = ideas_path(process) + "?sort=newest&x=" + "a" * page_cache.MAX_QUERY_STRING
    client.get(path)
    with django_assert_max_num_queries(50) as queries:
        assert client.get(path).status_code == 200
    assert len(queries) > 0


def test_a_stale_page_is_rendered_again_at_most_once_in_the_refresh_seconds(client, settings, page_cache_on, process,
                                                                           django_assert_num_queries):
    settings.PAGE_CACHE_REFRESH_SECONDS = 1
    with time_machine.travel(datetime(2026, 12, 5, 18, 0, tzinfo=UTC), tick=False) as clock:
        IdeaFactory(process=process, title="Primul gând")
        client.get(ideas_path(process))
        IdeaFactory(process=process, title="Al doilea gând")  # the kept page is stale now, but under a second old
        with django_assert_num_queries(0):
            page = client.get(ideas_path(process)).content.decode()
        assert "Primul gând" in page and "Al doilea gând" not in page
        clock.shift(1.5)
        assert "Al doilea gând" in client.get(ideas_path(process)).content.decode()


def test_a_person_s_own_write_shows_at_once_within_the_refresh_seconds(settings, page_cache_on, process):
    from django.test import Client

    from civica.accounts.tests.factories import UserFactory

    settings.PAGE_CACHE_REFRESH_SECONDS = 60
    settings.PERSONAL_PAGE_STALE_SECONDS = 60
    idea = IdeaFactory(process=process, title="Bănci la umbră")
    path = f"/en/processes/{process.slug}/ideas/{idea.pk}/"
    person = Client()
    person.force_login(UserFactory())
    person.get(path)
    assert "Withdraw my support" not in person.get(path).content.decode()  # kept: shared page and theirs
    person.post(path + "support/")
    assert "Withdraw my support" in person.get(path).content.decode()


def test_on_redis_the_counters_move_in_one_pipeline_and_a_lost_one_starts_past_its_old_values(settings):
    prefix = use_real_redis(settings, "page-cache-counters")
    keys = [page_cache.SCOPE_KEY_PREFIX + "process:parcul", page_cache.SPANNING_KEY]
    before = time.time_ns()
    page_cache.bump_generation("process:parcul")
    started = cache.get_many(keys)
    assert set(started) == set(keys) and all(value > before for value in started.values())
    page_cache.bump_generation("process:parcul")
    page_cache.bump_generation(None)  # the site's counter only
    assert cache.get_many(keys) == {key: value + 1 for key, value in started.items()}
    cache.delete(keys[0])  # evicted, or Redis restarted
    page_cache.bump_generation("process:parcul")
    assert cache.get(keys[0]) > started[keys[0]] + 1
    forget(prefix)


def test_on_redis_a_person_s_change_is_stored_with_their_counter_readable_by_the_cache(settings, db):
    settings.PAGE_CACHE_SECONDS = 60
    prefix = use_real_redis(settings, "page-cache-person")
    keys = [page_cache.PERSON_KEY_PREFIX + "7", page_cache.PERSON_CHANGED_PREFIX + "7"]
    before = time.time()
    page_cache.person_changed(7)
    counter, changed_at = (cache.get(key) for key in keys)
    assert counter > time.time_ns() - 60 * 10**9 and before <= changed_at <= time.time()
    page_cache.person_changed(7)
    assert cache.get(keys[0]) == counter + 1 and cache.get(keys[1]) >= changed_at
    forget(prefix)


def test_on_redis_a_person_s_write_to_one_target_moves_that_target_s_value_and_their_generation_not_their_base(
        settings, db):
    settings.PAGE_CACHE_SECONDS = 60
    prefix = use_real_redis(settings, "page-cache-person-target")
    page_cache.person_changed(7)
    base = cache.get(page_cache.PERSON_BASE_KEY_PREFIX + "7")
    everything = cache.get(page_cache.PERSON_KEY_PREFIX + "7")
    target_key = page_cache._person_target_key(7, "process:parcul/idea:12")
    before = time.time()
    page_cache.person_wrote(7, target="process:parcul/idea:12")
    token, changed_at = cache.get(target_key)
    assert before <= changed_at <= time.time()
    assert cache.get(page_cache.PERSON_BASE_KEY_PREFIX + "7") == base
    assert cache.get(page_cache.PERSON_KEY_PREFIX + "7") == everything + 1
    page_cache.person_wrote(7, target="process:parcul/idea:12")
    assert cache.get(target_key)[0] != token  # a value never used before
    client = single_server_client(cache)  # one per person and page written to: it expires
    assert 0 < client.ttl(cache.make_and_validate_key(target_key)) <= page_cache.PERSON_TARGET_SECONDS
    forget(prefix)
