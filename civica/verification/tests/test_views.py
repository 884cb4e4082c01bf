"""The verification pages: a person's page and its two forms, the census and desk screens; refusals in
the person's language, never a 500, never an identifier sent back; rate limits; query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from civica.verification.levels import Level
from civica.verification.models import Attempt, Census, DeskCode, Method, Outcome, Verification
from civica.verification.predicates import has_level

from .factories import RESIDENTS, census_csv, import_census

pytestmark = pytest.mark.django_db
MINE = "/en/account/verification/"
RESIDENCE, CODE = f"{MINE}residence/", f"{MINE}code/"
CENSUS, DESK = "/en/account/verification/staff/census/", "/en/account/verification/staff/desk/"
IDENTIFIER, BORN = RESIDENTS[0]


@pytest.fixture
def person_client(client, make_user):
    client.force_login(make_user("participant"))
    return client


def test_a_visitor_logs_in_first_and_a_participant_is_refused_the_staff_screens(client, make_user):
    for url in (MINE, CENSUS, DESK):
        assert client.get(url)["Location"].startswith("/en/accounts/login/")
    client.force_login(make_user("participant"))
    assert client.get(CENSUS).status_code == 403 and client.get(DESK).status_code == 403
    assert client.post(f"{DESK}code/").status_code == 403 and not DeskCode.objects.exists()
    client.force_login(make_user("editor"))
    assert client.get(CENSUS).status_code == 403 and client.get(DESK).status_code == 200


def test_a_resident_verifies_on_their_page(person_client):
    page = person_client.get(MINE).content.decode()
    assert "has not imported its census yet" in page
    import_census()
    assert 'action="/en/account/verification/residence/"' in person_client.get(MINE).content.decode()
    response = person_client.post(RESIDENCE, {"identifier": IDENTIFIER, "birth_date": "1990-01-02"})
    page = response.content.decode()
    assert response.status_code == 400 and "found no resident" in page and IDENTIFIER not in page
    response = person_client.post(RESIDENCE, {"identifier": IDENTIFIER, "birth_date": "01.01.1990"}, follow=True)
    page = response.content.decode()
    assert "Your residence is verified." in page and "Your residence is verified already." in page
    assert has_level(response.wsgi_request.user, Level.RESIDENT)


def test_a_person_types_the_code_staff_gave_them(client, make_user):
    client.force_login(make_user("editor"))
    response = client.post(f"{DESK}code/")
    assert response["Cache-Control"] == "no-store"
    shown = response.content.decode().split('id="desk-code">')[1].split("<")[0]
    assert DeskCode.objects.get().digest not in response.content.decode()
    person = make_user("participant")
    client.force_login(person)
    assert client.post(CODE, {"code": "AAAAA-AAAAA"}).status_code == 400
    response = client.post(CODE, {"code": shown.lower()}, follow=True)
    assert "You are verified in person." in response.content.decode()
    assert Verification.objects.get(user=person).level == Level.IN_PERSON


def test_attempts_are_rate_limited_per_person(person_client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "verification_attempt": "2/h/user"}
    import_census()
    for _attempt in range(2):
        assert person_client.post(RESIDENCE, {"identifier": "1", "birth_date": "2000-01-01"}).status_code == 400
    assert person_client.post(RESIDENCE, {"identifier": IDENTIFIER, "birth_date": "1990-01-01"}).status_code == 429
    assert person_client.post(CODE, {"code": "AAAAAAAAAA"}).status_code == 429
    assert not Verification.objects.exists()


def test_staff_check_then_replace_the_census(client, make_user):
    client.force_login(make_user("administrator"))
    response = client.post(CENSUS, {"file": SimpleUploadedFile("c.csv", census_csv()), "dry_run": "on"})
    page = response.content.decode()
    assert response.status_code == 200 and "3 residents" in page and "The file is fine." in page
    assert not Census.objects.exists()
    bad = census_csv() + b"1900101123499,1990-02-30\n"
    response = client.post(CENSUS, {"file": SimpleUploadedFile("c.csv", bad)})
    page = response.content.decode()
    assert response.status_code == 400 and "Line 5:" in page and "1900101123499" not in page
    response = client.post(CENSUS, {"file": SimpleUploadedFile("c.csv", census_csv())}, follow=True)
    assert "The census is replaced: 3 residents." in response.content.decode()
    assert Census.objects.get().entries_count == 3


def test_staff_find_a_person_by_email_and_verify_them(client, make_user):
    editor, person = make_user("editor"), make_user("participant", email="ioana@example.org")
    client.force_login(editor)
    assert client.get(DESK, {"email": "nobody@example.org"}).status_code == 400
    Attempt.objects.create(user=person, method=Method.CENSUS, outcome=Outcome.NOT_FOUND)
    page = client.get(DESK, {"email": "IOANA@example.org"}).content.decode()
    assert "ioana@example.org" in page and "matched against the census — not found" in page
    response = client.post(f"{DESK}verify/", {"person": person.pk})
    assert response["Location"] == "/en/account/verification/staff/desk/?email=ioana%40example.org"
    assert Verification.objects.get(user=person).verified_by == editor
    client.post(f"{DESK}verify/", {"person": person.pk, "revoke": "in_person"})
    assert not Verification.objects.exists()
    assert client.post(f"{DESK}verify/", {"person": "x"}).status_code == 302


def test_the_pages_cost_the_same_with_more_levels_and_people(client, make_user, assert_constant_queries):
    person, editor = make_user("participant"), make_user("administrator")
    person_client, staff_client = client, client.__class__()
    person_client.force_login(person)
    staff_client.force_login(editor)
    import_census()

    def grow():
        from civica.verification import services

        services.desk_verify(user=person, by=editor)
        for outcome in (Outcome.NOT_FOUND, Outcome.INVALID_CODE):
            Attempt.objects.create(user=person, method=Method.CENSUS, outcome=outcome)
        services.resident_verify(user=make_user("participant"), identifier=IDENTIFIER, birth_date=BORN)

    assert_constant_queries(person_client, [MINE, (staff_client, f"{DESK}?email={person.email}"),
                                            (staff_client, CENSUS)], grow)


ODD = st.one_of(st.sampled_from(["", " ", "²", "9" * 50, "-1", "0", "abc", "a\x00b", "ș" * 300, "1990-02-30",
                                 "31.12.1899", "01.01.1990", "1900101123456", "<script>", "AAAAA-AAAAA"]),
                st.text(max_size=20))


def test_no_input_to_the_forms_makes_a_500(client, make_user, settings):
    settings.ACCOUNT_RATE_LIMITS = False
    import_census()
    client.force_login(make_user("administrator"))

    @settings_(max_examples=30, deadline=None, derandomize=True, database=None,
               suppress_health_check=list(HealthCheck))
    @given(st.sampled_from([RESIDENCE, CODE, f"{DESK}verify/", CENSUS]),
           st.fixed_dictionaries({}, optional={name: st.one_of(ODD, st.lists(ODD, max_size=2))
                                               for name in ("identifier", "birth_date", "code", "person", "revoke",
                                                            "dry_run", "file", "next")}))
    def post(url, data):
        response = client.post(url, data)
        assert response.status_code < 500, (url, data, response.status_code)
        Verification.objects.all().delete()

    post()
    assert client.get(DESK, {"email": "a\x00b"}).status_code == 400

    @settings_(max_examples=30, deadline=None, derandomize=True, database=None,
               suppress_health_check=list(HealthCheck))
    @given(st.one_of(ODD, st.sampled_from(["/en/processes/", "//evil.example/", "https://evil.example/",
                                           "/\\evil.example", "javascript:alert(1)", "/en/?a=1#b"])))
    def back_to(value):
        response = client.get(MINE, {"next": value})
        # A NUL is refused by the site's middleware (400); any other value shows the page, and an address
        # elsewhere is not offered as the way back.
        assert response.status_code in (200, 400), value
        assert 'href="//evil' not in response.content.decode() and 'href="https://evil' not in response.content.decode()
        assert 'id="way-back"' not in response.content.decode() or value.startswith("/en/")

    back_to()
