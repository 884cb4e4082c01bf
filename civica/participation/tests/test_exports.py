"""A consultation's contributions as data (``participation.exports``): what each audience's rows hold,
the files (CSV, ZIP, XLSX, JSON) streamed or written row by row, formulas kept as text, a fixed number of
queries whatever the rows, bad file names, and the consultations' datasets in the open-data catalogue."""

import csv
import io
import json
import zipfile

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType
from django.http import FileResponse, StreamingHttpResponse

from civica.accounts.tests.factories import UserFactory
from civica.comments.models import Comment
from civica.participation.exports import rows
from civica.participation.exports.rows import Audience, Export, person_code
from civica.participation.models import Choice, Debate, Poll, PollAnswer, PollResponse, Question, Support
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

pytestmark = pytest.mark.django_db

FILES = "/en/processes/{slug}/open-data/{file}"
STAFF = "/en/processes/{slug}/manage/exports/{file}"


def comment(target, author, body, parent=None, **fields):
    return Comment.objects.create(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk, scope=target.process,
        parent=parent, depth=parent.depth + 1 if parent else 0, author=author, body=body, **fields)


@pytest.fixture
def contributions():
    """A consultation with a visible and a hidden idea, supports, a visible and a hidden debate, a thread
    with a hidden comment (and a reply under it), and a poll whose results are public."""
    process = ProcessFactory(slug="park")
    alice = UserFactory(display_name="Alice Pop", email="alice@example.org")
    bob = UserFactory(display_name="Bob Ene", email="bob@example.org")
    idea = IdeaFactory(process=process, author=alice, title="=HYPERLINK(\"http://evil\")", location="Parcul Central",
                       support_count=1, answer="+ We will study it")
    hidden_idea = IdeaFactory(process=process, author=bob, title="Secret idea", is_hidden=True)
    Support.objects.create(idea=idea, user=bob)
    Support.objects.create(idea=hidden_idea, user=alice)
    debate = Debate.objects.create(process=process, question="Mai multe parcuri?", question_en="More parks?")
    hidden_debate = Debate.objects.create(process=process, question="Ascunsă", is_hidden=True)
    top = comment(idea, bob, "Good idea")
    reply = comment(idea, alice, "-thanks", parent=top)
    hidden = comment(debate, bob, "Insult", is_hidden=True)
    comment(debate, alice, "Under the insult", parent=hidden)
    deleted = comment(debate, alice, "Gone", is_deleted=True)
    comment(hidden_idea, alice, "On a hidden idea")
    poll = Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Prioritati",
                               title_en="Priorities", results_visibility=Poll.ResultsVisibility.IMMEDIATELY)
    single = Question.objects.create(poll=poll, position=1, kind=Question.Kind.SINGLE, text="Unde?", text_en="Where?")
    park = Choice.objects.create(question=single, position=0, text="Parc", text_en="Park")
    free = Question.objects.create(poll=poll, position=2, kind=Question.Kind.TEXT, text="Altceva?")
    response = PollResponse.objects.create(poll=poll, respondent=alice)
    PollAnswer.objects.create(response=response, question=single, choice=park)
    PollAnswer.objects.create(response=response, question=free, text="Call me on 0722 000 000")
    anonymous = PollResponse.objects.create(poll=poll, browser_key="b" * 32)
    PollAnswer.objects.create(response=anonymous, question=single, choice=park)
    return {"process": process, "alice": alice, "bob": bob, "idea": idea, "hidden_idea": hidden_idea,
            "debate": debate, "hidden_debate": hidden_debate, "top": top, "reply": reply, "hidden": hidden,
            "deleted": deleted, "poll": poll}


def table(export, name):
    dataset = rows.BY_NAME[name]
    return [dict(zip(dataset.columns(export), row, strict=True)) for row in dataset.rows(export)]


def test_the_public_rows_hold_no_person_and_nothing_hidden_or_deleted(contributions):
    export = Export(contributions["process"], Audience.PUBLIC)
    ideas = table(export, "ideas")
    assert [idea["id"] for idea in ideas] == [contributions["idea"].pk]
    assert ideas[0]["place"] == "Parcul Central" and ideas[0]["supports"] == 1
    assert [support["idea"] for support in table(export, "supports")] == [contributions["idea"].pk]
    assert [debate["id"] for debate in table(export, "debates")] == [contributions["debate"].pk]
    comments = table(export, "comments")
    # The thread under the idea; nothing hidden, under the hidden, deleted, or on a hidden idea.
    assert [(row["id"], row["parent"], row["target_kind"]) for row in comments] == [
        (contributions["top"].pk, "", "idea"), (contributions["reply"].pk, contributions["top"].pk, "idea")]
    answers = table(export, "poll_answers")
    # (Texts in the active language: Romanian here.)
    assert [answer["choice_text"] for answer in answers] == ["Parc", "", "Parc"]
    assert all(answer["text"] == "" for answer in answers)  # free text is the staff's only
    for name in rows.BY_NAME:
        for row in table(export, name):
            assert not {"author", "author_name", "person", "respondent", "hidden", "deleted"} & set(row)
            for value in row.values():
                assert "Alice" not in str(value) and "alice@" not in str(value) and "Secret" not in str(value)


def test_moderators_get_every_row_flagged_with_codes_not_names(contributions):
    export = Export(contributions["process"], Audience.CODES)
    process, alice = contributions["process"], contributions["alice"]
    ideas = {idea["id"]: idea for idea in table(export, "ideas")}
    assert ideas[contributions["hidden_idea"].pk]["hidden"] is True
    assert ideas[contributions["idea"].pk]["author"] == person_code(process.pk, alice.pk)
    assert "author_name" not in ideas[contributions["idea"].pk]
    assert len(table(export, "supports")) == 2 and len(table(export, "debates")) == 2
    comments = {row["id"]: row for row in table(export, "comments")}
    assert len(comments) == 6
    assert comments[contributions["hidden"].pk]["hidden"] is True
    assert comments[contributions["deleted"].pk]["deleted"] is True and comments[contributions["deleted"].pk][
        "text"] == ""
    answers = table(export, "poll_answers")
    assert "Call me on 0722 000 000" in [answer["text"] for answer in answers]
    respondents = {answer["respondent"] for answer in answers}
    assert person_code(process.pk, alice.pk) in respondents
    assert any(code.startswith("B-") for code in respondents)
    text = json.dumps([table(export, name) for name in rows.BY_NAME], default=str)
    assert "Alice" not in text and "alice@" not in text and str(alice.pk) not in respondents


def test_editors_get_names_beside_the_codes(contributions):
    export = Export(contributions["process"], Audience.NAMES)
    ideas = {idea["id"]: idea for idea in table(export, "ideas")}
    assert ideas[contributions["idea"].pk]["author_name"] == "Alice Pop"
    assert {row["person_name"] for row in table(export, "supports")} == {"Alice Pop", "Bob Ene"}
    assert "Alice Pop" in {row["respondent_name"] for row in table(export, "poll_answers")}


def test_a_persons_code_is_stable_in_a_consultation_and_differs_in_another(contributions):
    alice, process = contributions["alice"], contributions["process"]
    code = person_code(process.pk, alice.pk)
    assert code == person_code(process.pk, alice.pk) and code != person_code(process.pk + 1, alice.pk)
    assert code.startswith("P-") and len(code) == 12 and str(alice.pk) != code[2:]


def test_a_poll_whose_results_are_not_public_yet_is_not_in_the_public_version(contributions):
    Poll.objects.update(results_visibility=Poll.ResultsVisibility.AFTER_CLOSE)
    assert table(Export(contributions["process"], Audience.PUBLIC), "poll_answers") == []
    assert len(table(Export(contributions["process"], Audience.CODES), "poll_answers")) == 3


def csv_rows(response):
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_public_csv_is_streamed_and_keeps_formulas_as_text(client, contributions):
    response = client.get(FILES.format(slug="park", file="ideas.csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="park-ideas.csv"'
    [idea] = csv_rows(response)
    assert idea["title"] == "'=HYPERLINK(\"http://evil\")" and idea["official_answer"] == "'+ We will study it"


def test_the_zip_holds_every_dataset_as_csv_and_a_readme(client, contributions):
    response = client.get(FILES.format(slug="park", file="contributions.zip"))
    assert isinstance(response, StreamingHttpResponse) and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == sorted([*(f"{name}.csv" for name in rows.BY_NAME), "README.txt"])
    comments = list(csv.DictReader(io.StringIO(archive.read("comments.csv").decode("utf-8-sig"))))
    assert [row["text"] for row in comments] == ["Good idea", "'-thanks"]
    assert "creativecommons.org/licenses/by/4.0" in archive.read("README.txt").decode()


def test_the_workbook_has_a_sheet_per_dataset_with_formulas_as_text(client, contributions):
    response = client.get(FILES.format(slug="park", file="contributions.xlsx"))
    assert isinstance(response, FileResponse)
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == [*rows.BY_NAME, "about"]
    header, *ideas = list(book["ideas"].values)
    assert len(ideas) == 1
    title = dict(zip(header, ideas[0], strict=True))["title"]
    assert title == "=HYPERLINK(\"http://evil\")" and book["ideas"]["B2"].data_type == "s"


def test_the_json_gives_every_dataset_with_its_columns(client, contributions):
    response = client.get(FILES.format(slug="park", file="contributions.json"))
    assert isinstance(response, StreamingHttpResponse)
    document = json.loads(b"".join(response.streaming_content))
    assert document["about"]["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert list(document["datasets"]) == list(rows.BY_NAME)
    assert [idea["id"] for idea in document["datasets"]["ideas"]["rows"]] == [contributions["idea"].pk]


def test_the_staff_file_is_named_for_the_staff_and_holds_hidden_rows(client, contributions, make_user):
    client.force_login(make_user("moderator", scope=contributions["process"]))
    response = client.get(STAFF.format(slug="park", file="ideas.csv"))
    assert response["Content-Disposition"] == 'attachment; filename="park-ideas-staff.csv"'
    assert {row["hidden"] for row in csv_rows(response)} == {"true", "false"}


@pytest.mark.parametrize("file", ["ideas.exe", "passwords.csv", "contributions.pdf", "..%2Fsettings.py", "x" * 300])
def test_an_unknown_file_is_not_found_with_a_reason(client, contributions, make_user, file):
    response = client.get(FILES.format(slug="park", file=file))
    assert response.status_code == 404 and "There is nothing at this address" in response.content.decode()
    client.force_login(make_user("editor"))
    assert client.get(STAFF.format(slug="park", file=file)).status_code == 404


def test_a_download_reads_a_fixed_number_of_queries_whatever_its_rows(client, contributions,
                                                                      django_assert_num_queries, monkeypatch):
    """Rows come a chunk at a time (``iterator``): one query per dataset, none per row (SQLite and
    PostgreSQL alike), so memory holds one chunk, not the table."""
    monkeypatch.setattr(rows, "CHUNK", 2)
    url = FILES.format(slug="park", file="contributions.zip")

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            b"".join(response.streaming_content)
        return len(captured)

    before = count()
    for number in range(7):
        idea = IdeaFactory(process=contributions["process"])
        Support.objects.create(idea=idea, user=contributions["alice"])
        comment(idea, contributions["bob"], f"Comment {number}")
    assert count() == before


def test_the_rows_are_read_lazily_a_chunk_at_a_time(contributions, monkeypatch):
    """The rows are a generator over ``QuerySet.iterator``: nothing is read before the first row is asked for,
    and no result cache fills (a plain queryset would hold every row)."""
    monkeypatch.setattr(rows, "CHUNK", 1)
    generated = rows.idea_rows(Export(contributions["process"], Audience.CODES))
    assert not isinstance(generated, list | tuple)
    first = next(generated)
    assert first[0] == min(contributions["idea"].pk, contributions["hidden_idea"].pk)
    assert generated.gi_frame.f_locals["ideas"]._result_cache is None


def test_the_catalogue_lists_each_published_consultations_contributions(client, contributions, settings):
    settings.CIVICA_BASE_URL = "https://civica.example"
    ProcessFactory(slug="draft", is_published=False)
    page = client.get("/en/observatory/data/").content.decode()
    assert "Contributions to consultations" in page and "/en/processes/park/open-data/contributions.zip" in page
    assert "/processes/draft/" not in page
    document = json.loads(client.get("/en/observatory/data/catalogue.jsonld").content)
    [entry] = [node for node in document["dcat:dataset"] if "/processes/" in node["@id"]]
    assert entry["@id"] == "https://civica.example/ro/processes/park/#open-data-title"
    assert entry["@type"] == "dcat:Dataset"
    distributions = {node["dct:format"]["@id"].rsplit("/", 1)[1]: node for node in entry["dcat:distribution"]}
    assert set(distributions) == {"XLSX", "ZIP", "JSON"}
    for node in distributions.values():
        assert node["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/"
        url = node["dcat:downloadURL"]["@id"].removeprefix("https://civica.example")
        assert client.get(url).status_code == 200


def test_the_catalogue_costs_the_same_queries_with_more_consultations(client, contributions,
                                                                    assert_constant_queries):
    assert_constant_queries(client, ["/en/observatory/data/", "/en/observatory/data/catalogue.jsonld"],
                            lambda: [ProcessFactory() for _ in range(3)])


def test_the_pages_link_the_downloads(client, contributions, make_user):
    page = client.get("/en/processes/park/").content.decode()
    assert "Download the contributions (open data)" in page
    assert "/en/processes/park/open-data/contributions.xlsx" in page
    assert "/manage/exports/" not in page
    client.force_login(make_user("moderator", scope=contributions["process"]))
    assert "/en/processes/park/manage/exports/" in client.get("/en/processes/park/").content.decode()
    staff_page = client.get("/en/processes/park/manage/exports/").content.decode()
    assert "Names are given to editors and administrators only." in staff_page
    assert "/en/processes/park/manage/exports/comments.csv" in staff_page
    client.force_login(make_user("editor"))
    assert "your role allows names" in client.get("/en/processes/park/manage/exports/").content.decode()
    assert "/en/processes/park/manage/exports/" in client.get("/en/processes/park/manage/").content.decode()


def test_the_staff_page_reads_a_fixed_number_of_queries(client, contributions, make_user,
                                                       assert_constant_queries):
    client.force_login(make_user("moderator", scope=contributions["process"]))
    assert_constant_queries(client, ["/en/processes/park/manage/exports/"],
                            lambda: [IdeaFactory(process=contributions["process"]) for _ in range(3)])
