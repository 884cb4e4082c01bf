"""The demo's English pages are in English: what the centre writes (debates, polls, calls, plans,
workshop questions, notes that say what is fictional, plan periods) has its English, and what is only
in Romanian says so (``lang="ro"`` with a note). What participants write (ideas, comments, answers,
contributions) stays as written, which the footer says; it is taken out before looking.

One demo load, then every page named in issue 12 item 11: their main content must hold no Romanian
letter (ă â î ș ț) except in the proper names below."""

import re

import pytest

from civica.accountability.models import Activity, Plan
from civica.accounts.models import User
from civica.calls.models import Application, Call, CallQuestion
from civica.comments.models import Comment
from civica.meetings.models import Meeting
from civica.participation.models import Debate, Idea, Poll, PollAnswer, Process
from civica.workshops.models import ActionItem, Contribution, Theme, Workshop, WorkshopTable

# The demo is loaded once for the module's tests (conftest.demo_for_module), on one worker.
pytestmark = pytest.mark.xdist_group("demo:core:test_english_pages")

# Names that are written the same in English (places, bodies, programmes and projects).
PROPER_NAMES = [
    "Timișoara", "Artiști Împreună", "Arta în Joacă", "Academia Schimbării", "Cunoaște rOmul", "Pata Rât",
    "Adunarea Generală a Membrilor", "Garnizoana Culturală", "Garnizoană", "Mureș", "Pădurea",
    "Centrul Cultural Clujean", "Cluj-Napoca",
]
ROMANIAN_LETTERS = re.compile(r"[ăâîșțşţĂÂÎȘȚŞŢ]")


def _participants_text():
    """Everything participants wrote or are called, longest first (so a sentence goes before its words)."""
    texts = [
        *Idea.objects.values_list("title", flat=True), *Idea.objects.values_list("body", flat=True),
        *Idea.objects.values_list("answer", flat=True), *Idea.objects.values_list("location", flat=True),
        *Comment.objects.values_list("body", flat=True), *PollAnswer.objects.values_list("text", flat=True),
        *Contribution.objects.values_list("text", flat=True), *Theme.objects.values_list("label", flat=True),
        *ActionItem.objects.values_list("title", flat=True),
        *ActionItem.objects.values_list("description", flat=True),
        *ActionItem.objects.values_list("owner", flat=True), *WorkshopTable.objects.values_list("topic", flat=True),
        *CallQuestion.objects.values_list("question", flat=True),
        *CallQuestion.objects.values_list("answer", flat=True),
        *User.objects.values_list("display_name", flat=True), *Activity.objects.values_list("project", flat=True),
        *Application.objects.values_list("title", flat=True),
        # Venues are names: "Fosta Cancelarie de război".
        *Meeting.objects.values_list("place", flat=True), *Meeting.objects.values_list("address", flat=True),
    ]
    pieces = set()
    for text in filter(None, texts):
        # Markdown's marks do not reach the page's text; compare line by line, without them.
        for line in text.replace("*", "").replace("_", "").splitlines():
            if line.strip():
                pieces.add(re.sub(r"\s+", " ", line.strip()))
    return sorted(pieces, key=len, reverse=True)


def _main_text(html: str) -> str:
    match = re.search(r"(?s)<main\b.*?</main>", html)
    html = match.group(0) if match else html
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    html = re.sub(r'(?s)<(\w+)[^>]*\blang="ro"[^>]*>.*?</\1>', " ", html)  # said to be Romanian
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'").replace("&#39;", "'")
    return re.sub(r"\s+", " ", text)


def _pages():
    pages = ["/en/calls/", "/en/processes/", "/en/plans/"]
    pages += [f"/en/calls/{call.slug}/" for call in Call.objects.all()]
    for process in Process.objects.filter(is_published=True):
        pages.append(f"/en/processes/{process.slug}/")
        pages += [f"/en/processes/{process.slug}/debates/{debate.pk}/" for debate in Debate.objects.filter(
            process=process)]
        pages += [f"/en/processes/{process.slug}/polls/{poll.pk}/" for poll in Poll.objects.filter(process=process)]
    for workshop in Workshop.objects.all():
        pages += [f"/en/workshops/{workshop.slug}/", f"/en/workshops/{workshop.slug}/report/"]
    for plan in Plan.objects.all():
        pages += [f"/en/plans/{plan.slug}/", f"/en/plans/{plan.slug}/document/"]
    return pages


@pytest.mark.django_db
def test_the_demos_english_pages_show_no_romanian_but_names_and_what_participants_wrote(client, demo_for_module):
    participants = _participants_text()
    found = {}
    pages = _pages()
    assert len(pages) > 15
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        text = _main_text(response.content.decode())
        for piece in participants + PROPER_NAMES + [name.upper() for name in PROPER_NAMES]:
            text = text.replace(piece, " ")
        romanian = sorted({word for word in re.findall(r"\S+", text) if ROMANIAN_LETTERS.search(word)})
        if romanian:
            found[path] = romanian[:12]
    assert not found, found


@pytest.mark.django_db
def test_english_pages_name_debates_polls_and_periods_in_english(client, demo_for_module):
    debate = Debate.objects.get(process__slug="cluj-for-youth-2030")
    page = client.get(f"/en/processes/cluj-for-youth-2030/debates/{debate.pk}/").content.decode()
    assert "Should 16-year-olds vote in participatory budgeting?" in page
    poll = Poll.objects.get(process__slug="cluj-for-youth-2030")
    page = client.get(f"/en/processes/cluj-for-youth-2030/polls/{poll.pk}/").content.decode()
    assert "What matters most to young people?" in page
    assert "Where do you spend most of your free time?" in page
    assert "In parks" in page
    # The same pages in Romanian keep the Romanian.
    assert "Ce contează cel mai mult pentru tineri?" in client.get(
        f"/ro/processes/cluj-for-youth-2030/polls/{poll.pk}/").content.decode()

    calls = client.get("/en/calls/").content.decode()
    assert "Amounts and dates are fictional" in calls
    assert "Sume și termene fictive" not in calls

    # The activities of October (the plan's overview links to them since it was split into sections).
    plan = client.get("/en/plans/2021/activities/?month=10").content.decode()
    assert "October 2021" in plan and "Octombrie 2021" not in plan
    assert "1–10 October 2021" in plan
    assert "Octombrie 2021" in client.get("/ro/plans/2021/activities/?month=10").content.decode(), \
        "Romanian shows it as written"

    workshop = client.get("/en/workshops/world-cafe-timisoara-2020/").content.decode()
    assert "How has the Covid-19 pandemic affected the local and regional cultural and creative sector?" in workshop
