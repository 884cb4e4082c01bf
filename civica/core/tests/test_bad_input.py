"""Bad input never answers 500 (issue 12, item 23): numbers in query strings go through
``core.params`` ("²" passes ``str.isdigit`` and fails ``int``; a 20-digit number overflows SQLite),
plans' addresses through a converter, and a NUL anywhere in the path, the query string or a POST
is refused with a readable 400 page."""

import pytest

from civica.accountability.models import PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.comments.models import Comment
from civica.core.params import id_param, int_param, page_param, parse_int, year_month_param
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

SUPERSCRIPT_TWO = "%C2%B2"
HUGE = "9" * 25


@pytest.mark.parametrize("raw, expected", [
    ("12", 12), ("-3", -3), ("0", 0), ("²", None), ("٣", None), ("+3", None), (" 3", None), ("3 ", None),
    ("1\x00", None), ("", None), (None, None), ("abc", None), ("1e3", None), ("3.0", None),
    (str(2**63 - 1), 2**63 - 1), (str(2**63), None), (HUGE, None), ("-" + HUGE, None),
])
def test_parse_int_takes_only_ascii_digits_within_64_bits(raw, expected):
    assert parse_int(raw) == expected


def test_the_parameters_helpers_keep_their_bounds():
    params = {"year": "2021", "month": "13", "id": "0", "page": "²", "when": "2024-02", "bad": "2024-13"}
    assert int_param(params, "year", minimum=1900, maximum=2200) == 2021
    assert int_param(params, "month", minimum=1, maximum=12) is None
    assert int_param(params, "missing", default=7) == 7
    assert id_param(params, "id") is None
    assert page_param(params) == 1
    assert year_month_param(params, "when") == (2024, 2)
    assert year_month_param(params, "bad") is None
    assert year_month_param({"when": "²²²²-1"}, "when") is None


@pytest.mark.django_db
@pytest.mark.parametrize("query", [f"year={SUPERSCRIPT_TWO}", f"year={HUGE}", f"page={SUPERSCRIPT_TWO}",
                                   f"page={HUGE}"])
def test_the_process_list_ignores_bad_numbers(client, query):
    assert client.get(f"/ro/processes/?{query}").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("query", [f"category={SUPERSCRIPT_TWO}", f"category={HUGE}", "category=-1",
                                   f"page={SUPERSCRIPT_TWO}"])
def test_the_idea_list_ignores_bad_numbers(client, query):
    idea = IdeaFactory(title="Benches by the lake")
    response = client.get(f"/ro/processes/{idea.process.slug}/ideas/?{query}")
    assert response.status_code == 200 and "Benches by the lake" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", [f"month={SUPERSCRIPT_TWO}", f"area={SUPERSCRIPT_TWO}", f"area={HUGE}",
                                   f"month={HUGE}"])
def test_the_plan_page_ignores_bad_numbers(client, query):
    plan = make_plan(status=PlanStatus.DRAFT)
    # The overview sends its old filters on to the activities page, which reads them.
    response = client.get(f"/ro/plans/{plan.slug}/?{query}", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(f"/ro/plans/{plan.slug}/activities/")
    assert client.get(f"/ro/plans/{plan.slug}/activities/?{query}").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("slug", [SUPERSCRIPT_TWO * 4, f"2021-{SUPERSCRIPT_TWO * 4}", "١٢٣٤", "20211"])
def test_a_plan_address_that_is_not_years_is_not_found(client, slug):
    make_plan()
    assert client.get(f"/ro/plans/{slug}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("query", [f"month={SUPERSCRIPT_TWO}", f"month=2024-{SUPERSCRIPT_TWO}", f"month={HUGE}-1",
                                   "month=2024-13", f"page={SUPERSCRIPT_TWO}"])
def test_the_meeting_list_ignores_bad_months(client, query):
    assert client.get(f"/ro/meetings/?{query}").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ro/calls/fix-cluj/receipts/%00/1/", "/ro/plans/%00/", "/ro/processes/%2500/",
                                 "/ro/processes/?tag=%00", "/ro/processes/?%00=1"])
def test_a_nul_in_the_address_is_refused_with_a_readable_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Adresa conține un caracter care nu este permis." in page and "<!DOCTYPE html>" in page


@pytest.mark.django_db
@pytest.mark.parametrize("data", [{"body": "Hello\x00"}, {"body": "Hello", "parent\x00": "1"},
                                  {"body": "Hello", "alignment": "\x00"}])
def test_a_nul_in_any_posted_value_is_refused_with_a_readable_page(client, participant, data):
    idea = IdeaFactory()
    client.force_login(participant)
    response = client.post(f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/comments/", data)
    assert response.status_code == 400
    assert "What you sent contains a character that is not allowed" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("tag", [HUGE, "²", "abc", "-1"])
def test_the_process_form_refuses_tags_that_are_not_ids(client, editor, tag):
    process = ProcessFactory()
    client.force_login(editor)
    response = client.post(f"/en/processes/{process.slug}/manage/edit/", {"title_ro": "Titlu", "goals": tag,
                                                                           "area_tags": [tag]})
    assert response.status_code == 200
    assert f"“{tag}” is not a valid value." in response.content.decode()
