"""A signed-in person's filled page kept for them alone (core/page_cache.py, "the person's own kept
pages"): served again without reading the database while nothing of theirs changed, never to anyone
else, their own writes seen at once and other people's within ``PERSONAL_PAGE_STALE_SECONDS``."""

import pytest
from django.core.cache import cache
from django.test import Client

from civica.accounts.roles import Role
from civica.accounts.services import role_revoke
from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.notifications import services as notification_services
from civica.participation import services as participation_services
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

SUPPORTED = "Withdraw my support"


@pytest.fixture
def kept(settings, db):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PERSONAL_PAGE_SECONDS = 30
    settings.PERSONAL_PAGE_STALE_SECONDS = 600  # other people's writes wait: what the tests below show
    settings.LANGUAGE_CODE = "en"
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def idea(db):
    process = ProcessFactory(title_ro="Parcul Feroviarilor", title_en="Railway Workers' Park")
    return IdeaFactory(process=process, title="Bănci la umbră")


def _path(idea):
    return f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/"


def _signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def _warm(client, path):
    """The first visit sets the CSRF cookie (never kept); the second builds the kept copy."""
    client.get(path)
    return client.get(path).content.decode()


def test_the_next_visit_reads_nothing_but_the_session(kept, idea, django_assert_max_num_queries):
    person = UserFactory()
    client = _signed_in(person)
    page = _warm(client, _path(idea))
    with django_assert_max_num_queries(1):  # the session (a cache read in production: cached_db)
        again = client.get(_path(idea))
    assert again.status_code == 200
    assert again.content.decode() == page
    assert "private" in again["Cache-Control"] and "Cookie" in again["Vary"]


def test_a_person_s_own_write_shows_at_once(kept, idea):
    person = UserFactory()
    client = _signed_in(person)
    assert SUPPORTED not in _warm(client, _path(idea))
    client.post(_path(idea) + "support/")
    assert SUPPORTED in client.get(_path(idea)).content.decode()
    client.post(_path(idea) + "support/", {"withdraw": "1"})
    assert SUPPORTED not in client.get(_path(idea)).content.decode()


def test_other_people_s_writes_show_after_the_stale_seconds(kept, idea):
    person = UserFactory()
    client = _signed_in(person)
    _warm(client, _path(idea))
    comment_services.comment_post(target=idea, by=UserFactory(), body="O părere nouă despre bănci")
    assert "O părere nouă" not in client.get(_path(idea)).content.decode()  # the kept copy, still recent
    kept.PERSONAL_PAGE_STALE_SECONDS = 0
    assert "O părere nouă" in client.get(_path(idea)).content.decode()


def test_a_copy_under_current_generations_is_served_however_old_until_it_expires(kept, idea):
    client = _signed_in(UserFactory())
    page = _warm(client, _path(idea))
    kept.PERSONAL_PAGE_STALE_SECONDS = 0  # nothing was written since: the copy is current, not stale
    assert client.get(_path(idea)).content.decode() == page


def test_nobody_gets_another_person_s_copy(kept, idea):
    first, second = UserFactory(display_name="Ana Întâi"), UserFactory(display_name="Bogdan Doi")
    participation_services.idea_support(idea=idea, by=first)
    first_client, second_client = _signed_in(first), _signed_in(second)
    first_page = _warm(first_client, _path(idea))
    second_page = _warm(second_client, _path(idea))
    assert SUPPORTED in first_page and SUPPORTED not in second_page
    assert SUPPORTED in first_client.get(_path(idea)).content.decode()
    assert SUPPORTED not in second_client.get(_path(idea)).content.decode()
    # The same person in another browser has a session and a CSRF token of their own: a page of its own.
    other_browser = _signed_in(first)
    other_page = _warm(other_browser, _path(idea))
    token = other_browser.cookies["csrftoken"].value
    assert other_page != first_page and SUPPORTED in other_page
    response = other_browser.post(_path(idea) + "support/", {"withdraw": "1", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_a_message_is_shown_once_and_never_kept(kept, idea):
    client = _signed_in(UserFactory())
    _warm(client, _path(idea))
    response = client.post(_path(idea) + "support/", follow=True)
    assert b'role="status"' in response.content or b"class=\"messages\"" in response.content
    shown = response.content.decode()
    after = client.get(_path(idea)).content.decode()
    assert after != shown  # the message is gone, not served again from a kept copy
    assert SUPPORTED in after


def test_a_notification_updates_the_unread_count_at_once(kept, idea):
    person = UserFactory()
    client = _signed_in(person)
    before = _warm(client, _path(idea))
    notification_services.notify(recipients=[person], message=lambda: "Un răspuns nou", url="/en/")
    assert client.get(_path(idea)).content.decode() != before


def test_a_moderator_s_queue_is_kept_for_them_and_refused_once_the_role_is_gone(
        kept, moderator, django_assert_max_num_queries):
    client = _signed_in(moderator)
    page = _warm(client, "/en/moderation/")
    with django_assert_max_num_queries(1):
        assert client.get("/en/moderation/").content.decode() == page
    role_revoke(assignment=moderator.role_assignments.get(role=Role.MODERATOR), by=UserFactory(is_superuser=True))
    assert client.get("/en/moderation/").status_code == 403


def test_signing_out_leaves_nothing_to_serve(kept, idea):
    person = UserFactory()
    participation_services.idea_support(idea=idea, by=person)
    client = _signed_in(person)
    assert SUPPORTED in _warm(client, _path(idea))
    client.post("/en/accounts/logout/")
    assert SUPPORTED not in client.get(_path(idea)).content.decode()


def test_a_head_request_or_an_htmx_one_is_never_served_a_copy(kept, idea):
    client = _signed_in(UserFactory())
    _warm(client, _path(idea))
    assert client.head(_path(idea)).content == b""
    assert client.get(_path(idea), headers={"HX-Request": "true"}).status_code == 200


def test_a_person_s_own_comment_shows_at_once_though_another_person_s_page_was_just_kept(kept, idea):
    writer, reader = _signed_in(UserFactory()), _signed_in(UserFactory())
    _warm(writer, _path(idea))
    _warm(reader, _path(idea))  # the shared page kept just now, and the reader's copy
    response = writer.post(_path(idea) + "comments/", {"body": "Băncile să fie din lemn", "alignment": "neutral"},
                           follow=True)
    assert "Băncile să fie din lemn" in response.content.decode()
    assert "Băncile să fie din lemn" in writer.get(_path(idea)).content.decode()
    # The reader is shown their page of a moment ago, recent enough for other people's writes.
    assert "Băncile să fie din lemn" not in reader.get(_path(idea)).content.decode()


def test_a_refill_recalls_who_the_person_is_instead_of_asking_again(kept, idea):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = UserFactory()
    client = _signed_in(person)
    _warm(client, _path(idea))
    kept.PERSONAL_PAGE_STALE_SECONDS = 0
    comment_services.comment_post(target=idea, by=UserFactory(), body="O părere nouă despre bănci")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(_path(idea)).content.decode()
    assert "O părere nouă" in page
    asked = " ".join(query["sql"] for query in queries.captured_queries)
    for table in ("accounts_roleassignment", "account_emailaddress", "network_representation",
                  "notifications_notification"):
        assert table not in asked
    # Once something about them changes, it is asked again.
    notification_services.notify(recipients=[person], message=lambda: "Un răspuns nou", url="/en/")
    with CaptureQueriesContext(connection) as queries:
        client.get(_path(idea))
    assert "notifications_notification" in " ".join(query["sql"] for query in queries.captured_queries)


def test_a_kept_page_answers_with_the_headers_of_the_page_it_keeps(kept, idea):
    client = _signed_in(UserFactory())
    client.get(_path(idea))
    built = client.get(_path(idea))
    again = client.get(_path(idea))
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Content-Type"):
        assert again[header] == built[header], header
    assert "csrftoken" not in again.cookies  # nothing set: the browser's cookie still holds


def test_a_kept_page_is_sent_compressed_as_kept_to_a_browser_that_takes_gzip_and_plain_to_one_that_does_not(
        kept, idea):
    import gzip
    import re

    def unmasked(page):  # each render masks the CSRF token anew
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)

    client = _signed_in(UserFactory())
    plain = _warm(client, _path(idea))
    zipped = {"Accept-Encoding": "gzip, deflate"}
    client.get(_path(idea), headers=zipped)
    built = client.get(_path(idea), headers=zipped)  # kept compressed, as sent
    again = client.get(_path(idea), headers=zipped)
    assert again["Content-Encoding"] == built["Content-Encoding"] == "gzip"
    assert again.content == built.content  # the stored bytes, not compressed anew
    assert unmasked(gzip.decompress(again.content).decode()) == unmasked(plain)
    assert "Accept-Encoding" in again["Vary"] and again["Content-Length"] == str(len(again.content))
    assert not client.get(_path(idea)).has_header("Content-Encoding")
    assert client.get(_path(idea)).content.decode() == plain  # its own copy, kept plain


@pytest.fixture
def cached_db_sessions(kept):
    kept.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # production's engine
    return kept


def test_with_cached_sessions_a_visit_reads_the_session_with_the_page_and_signing_out_still_ends_it(
        cached_db_sessions, idea, django_assert_num_queries):
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX

    from civica.core import page_cache

    person = UserFactory()
    participation_services.idea_support(idea=idea, by=person)
    client = _signed_in(person)
    page = _warm(client, _path(idea))
    with django_assert_num_queries(0):  # the session comes from the cache, read with the page
        assert client.get(_path(idea)).content.decode() == page
    assert page_cache._session_people[client.session.session_key] == str(person.pk)  # hence in one read
    # The session's cache entry lost (evicted): read from the database, and the page still served.
    cache.delete(KEY_PREFIX + client.session.session_key)
    with django_assert_num_queries(1):
        assert client.get(_path(idea)).content.decode() == page
    client.post("/en/accounts/logout/")
    assert SUPPORTED not in client.get(_path(idea)).content.decode()


def test_with_cached_sessions_a_session_that_another_request_ended_is_not_served(cached_db_sessions, idea):
    from django.contrib.sessions.backends.cached_db import SessionStore

    person = UserFactory()
    participation_services.idea_support(idea=idea, by=person)
    client = _signed_in(person)
    assert SUPPORTED in _warm(client, _path(idea))
    SessionStore(client.cookies["sessionid"].value).delete()  # signed out elsewhere, or expired
    assert SUPPORTED not in client.get(_path(idea)).content.decode()


def _post_and_see(client, path, data=None):
    """A form sent and the page it leads back to, as a browser does: the emptied messages cookie dropped."""
    page = client.post(path, data or {}, follow=True).content.decode()
    client.cookies.pop("messages", None)
    return page


def test_a_write_on_one_idea_leaves_the_person_s_other_idea_pages_kept_and_makes_their_lists_stale(
        kept, idea, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    other = IdeaFactory(process=idea.process, title="Fântână în parc")
    client = _signed_in(UserFactory())
    page, listed = _warm(client, _path(idea)), _warm(client, f"/en/processes/{idea.process.slug}/ideas/")
    _post_and_see(client, _path(other) + "support/")
    other_page = _post_and_see(client, _path(other) + "comments/",
                               {"body": "Fântâna să aibă apă potabilă", "alignment": "neutral"})
    assert SUPPORTED in other_page and "Fântâna să aibă apă potabilă" in other_page  # their own writes, at once
    with django_assert_max_num_queries(1):  # the session: their page of the idea they did not touch, as kept
        assert client.get(_path(idea)).content.decode() == page
    # The list shows the idea they support ("you support it", its count): their copy is filled again, without
    # asking who they are (nothing about them changed).
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/en/processes/{idea.process.slug}/ideas/").content.decode() != listed
    asked = " ".join(query["sql"] for query in queries.captured_queries)
    assert "accounts_roleassignment" not in asked and "account_emailaddress" not in asked


def test_with_a_limit_on_supports_a_support_on_one_idea_changes_the_person_s_page_of_every_idea(kept, idea):
    idea.process.supports_per_person = 1
    idea.process.save(update_fields=["supports_per_person"])
    other = IdeaFactory(process=idea.process, title="Fântână în parc")
    client = _signed_in(UserFactory())
    assert "used all" not in _warm(client, _path(idea))
    _post_and_see(client, _path(other) + "support/")
    assert "You have used all 1 supports" in client.get(_path(idea)).content.decode()
    _post_and_see(client, _path(other) + "support/", {"withdraw": "1"})
    assert "used all" not in client.get(_path(idea)).content.decode()


def test_an_idea_s_page_kept_before_a_lost_target_counter_is_not_served_as_current(kept, idea):
    from civica.core import page_cache

    person = UserFactory()
    client = _signed_in(person)
    _warm(client, _path(idea))
    participation_services.idea_support(idea=idea, by=person)  # not through the site: nothing moved
    lost = f":1:{page_cache.PERSON_TARGET_KEY_PREFIX}"  # (LocMemCache's keys, with their version)
    cache.delete_many([key.removeprefix(":1:") for key in list(cache._cache) if key.startswith(lost)])
    assert SUPPORTED in client.get(_path(idea)).content.decode()
