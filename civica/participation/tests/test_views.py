import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.participation.models import Idea, IdeaStatus, Support
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def idea_url(idea, suffix=""):
    return f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/{suffix}"


@pytest.mark.django_db
def test_process_list_filters_by_state_year_and_tag(client):
    today = timezone.localdate()
    ProcessFactory(title_en="Current consultation")
    ProcessFactory(title_en="Old debate", starts_on=datetime.date(2017, 9, 1), ends_on=datetime.date(2017, 12, 31),
                   phases=[])
    ProcessFactory(title_en="Next year", starts_on=today + datetime.timedelta(days=100),
                   ends_on=today + datetime.timedelta(days=200), phases=[])
    ProcessFactory(title_en="Draft", is_published=False)
    page = client.get("/en/processes/").content.decode()
    assert "Current consultation" in page and "Old debate" in page and "Next year" in page and "Draft" not in page
    assert "Old debate" not in client.get("/en/processes/?state=active").content.decode()
    archive = client.get("/en/processes/?state=past&year=2017").content.decode()
    assert "Old debate" in archive and "Current consultation" not in archive
    assert "Next year" in client.get("/en/processes/?state=upcoming").content.decode()
    assert "No consultation matches" in client.get("/en/processes/?tag=nothing").content.decode()


@pytest.mark.django_db
def test_process_list_pages_keep_the_filters(client):
    from civica.participation.views.processes import PROCESSES_PER_PAGE

    for number in range(PROCESSES_PER_PAGE + 2):
        ProcessFactory(title_en=f"Consultation {number:02d}", slug=f"consultation-{number:02d}")
    first = client.get("/en/processes/?state=active").content.decode()
    assert first.count('class="card"') == PROCESSES_PER_PAGE
    assert f"{PROCESSES_PER_PAGE + 2} consultations" in first and "Page 1 of 2" in first
    assert 'href="?state=active&amp;page=2" rel="next"' in first
    second = client.get("/en/processes/?state=active&page=2").content.decode()
    assert second.count('class="card"') == 2 and "Page 2 of 2" in second
    assert client.get("/en/processes/?page=999").status_code == 200  # past the end: the last page


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?state=bogus", "?year=abc", "?year=99999999999", "?tag=%3Cscript%3E"])
def test_process_list_survives_bad_filters(client, query):
    assert client.get(f"/en/processes/{query}").status_code == 200


@pytest.mark.django_db
def test_null_characters_are_refused_clearly(client, participant):
    assert client.get("/en/processes/?tag=%00").status_code == 400
    idea = IdeaFactory()
    client.force_login(participant)
    response = client.post(f"/en/processes/{idea.process.slug}/ideas/new/", {"title": "a\x00b", "body": "x"})
    assert response.status_code == 400  # the middleware refuses a NUL in any posted value (issue 12, item 23)
    assert "What you sent contains a character that is not allowed" in response.content.decode()
    assert Idea.objects.count() == 1


@pytest.mark.django_db
def test_draft_processes_are_not_found_except_by_editors(client, participant, editor):
    process = ProcessFactory(is_published=False)
    assert client.get(f"/en/processes/{process.slug}/").status_code == 404
    client.force_login(participant)
    assert client.get(f"/en/processes/{process.slug}/").status_code == 404
    client.force_login(editor)
    assert client.get(f"/en/processes/{process.slug}/").status_code == 200


@pytest.mark.django_db
def test_process_page_shows_the_timeline_and_what_one_can_do_now(client, participant):
    process = ProcessFactory()
    page = client.get(f"/en/processes/{process.slug}/").content.decode()
    assert 'aria-current="step"' in page
    assert "Now: Ideas" in page
    # A button to log in that comes back to the idea form, and one to sign up.
    assert f'href="/en/accounts/login/?next=/en/processes/{process.slug}/ideas/new/">Log in to propose an idea' in page
    assert f'href="/en/accounts/signup/?next=/en/processes/{process.slug}/ideas/new/">Create an account' in page
    client.force_login(participant)
    page = client.get(f"/en/processes/{process.slug}/").content.decode()
    assert f'href="/en/processes/{process.slug}/ideas/new/"' in page


@pytest.mark.django_db
def test_idea_list_offers_to_log_in_or_sign_up_and_come_back_to_the_idea_form(client, participant):
    process = ProcessFactory()
    page = client.get(f"/en/processes/{process.slug}/ideas/").content.decode()
    form = f"/en/processes/{process.slug}/ideas/new/"
    assert f'href="/en/accounts/login/?next={form}">Log in to propose an idea' in page
    assert f'href="/en/accounts/signup/?next={form}">Create an account' in page
    client.force_login(participant)
    page = client.get(f"/en/processes/{process.slug}/ideas/").content.decode()
    assert f'href="{form}">Propose an idea' in page and "Log in to propose" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("kind, expected", [(None, 302), ("unverified", 403), ("participant", 200), ("editor", 200)])
def test_new_idea_page_permissions(client, request, kind, expected):
    process = ProcessFactory()
    if kind:
        client.force_login(request.getfixturevalue(kind))
    response = client.get(f"/en/processes/{process.slug}/ideas/new/")
    assert response.status_code == expected
    if kind == "unverified":
        assert "Verify your e-mail address" in response.content.decode()


@pytest.mark.django_db
def test_submit_an_idea_with_an_image_and_a_pdf(client, participant):
    process = ProcessFactory()
    client.force_login(participant)
    response = client.post(f"/en/processes/{process.slug}/ideas/new/", {
        "title": "A shaded playground", "body": "Trees *and* benches.", "location": "Parcul Feroviarilor",
        "latitude": "46.7784", "longitude": "23.6028", "image_alt": "A sketch of the playground",
        "image": SimpleUploadedFile("sketch.png", png_bytes(), content_type="image/png"),
        "attachment": SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%fake but well-formed start", "application/pdf"),
        "submission_key": "2f1c2b8e-4a57-4c61-9a7b-6a7f7b0e9d10",
    })
    idea = Idea.objects.get()
    assert response["Location"] == idea_url(idea)
    assert idea.image.name.endswith(".png") and idea.attachment.name.endswith(".pdf")
    page = client.get(idea_url(idea)).content.decode()
    assert "Your idea is published" in page
    assert "<em>and</em>" in page
    assert 'alt="A sketch of the playground"' in page


@pytest.mark.django_db
def test_wrong_file_types_are_refused_and_text_is_kept(client, participant):
    process = ProcessFactory()
    client.force_login(participant)
    response = client.post(f"/en/processes/{process.slug}/ideas/new/", {
        "title": "Keep me", "body": "Keep this text too",
        "image": SimpleUploadedFile("x.png", b"not an image", content_type="image/png"),
        "attachment": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 executable", content_type="application/pdf"),
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert "Upload a valid image" in page
    assert "Please upload a PDF document." in page
    assert 'value="Keep me"' in page and "Keep this text too" in page
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_oversize_image_is_refused_with_the_limit(client, participant, settings):
    from civica.core import uploads

    process = ProcessFactory()
    client.force_login(participant)
    original = uploads.MAX_IMAGE_BYTES
    uploads.MAX_IMAGE_BYTES = 100
    try:
        response = client.post(f"/en/processes/{process.slug}/ideas/new/", {
            "title": "Big", "body": "Big image", "image_alt": "big",
            "image": SimpleUploadedFile("big.png", png_bytes((300, 300)), content_type="image/png"),
        })
    finally:
        uploads.MAX_IMAGE_BYTES = original
    assert "the limit is 100" in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_support_and_withdraw_through_the_page(client, participant):
    idea = IdeaFactory()
    client.force_login(participant)
    client.post(idea_url(idea, "support/"))
    client.post(idea_url(idea, "support/"))  # a double click
    assert Support.objects.filter(idea=idea).count() == 1
    page = client.get(idea_url(idea)).content.decode()
    assert "You support this idea." in page
    client.post(idea_url(idea, "support/"), {"withdraw": "1"})
    assert not Support.objects.filter(idea=idea).exists()


@pytest.mark.django_db
def test_refused_support_explains_why(client, unverified):
    idea = IdeaFactory()
    client.force_login(unverified)
    response = client.post(idea_url(idea, "support/"), follow=True)
    assert "Verify your e-mail address to support ideas" in response.content.decode()
    assert not Support.objects.exists()


@pytest.mark.django_db
def test_edit_after_a_support_is_refused_with_a_message(client, participant):
    idea = IdeaFactory()
    client.force_login(idea.author)
    assert client.get(idea_url(idea, "edit/")).status_code == 200
    Support.objects.create(idea=idea, user=participant)
    Idea.objects.filter(pk=idea.pk).update(support_count=1)
    response = client.get(idea_url(idea, "edit/"), follow=True)
    assert "can no longer be edited" in response.content.decode()


@pytest.mark.django_db
def test_moderator_answers_through_the_page(client):
    idea = IdeaFactory()
    moderator = UserFactory(role=Role.MODERATOR, role__scope=idea.process)
    client.force_login(moderator)
    client.post(idea_url(idea, "answer/"), {"status": "accepted", "answer": "We will build it."})
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ACCEPTED
    response = client.post(idea_url(idea, "answer/"), {"status": "bogus"}, follow=True)
    assert "The answer was not saved" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [None, "participant"])
def test_only_moderators_answer(client, request, kind):
    idea = IdeaFactory()
    if kind:
        client.force_login(request.getfixturevalue(kind))
    response = client.post(idea_url(idea, "answer/"), {"status": "accepted", "answer": "x"})
    assert response.status_code in (302, 403)
    assert Idea.objects.get(pk=idea.pk).status == IdeaStatus.PUBLISHED


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?sort=nonsense", "?page=abc", "?page=999", "?category=x", "?status=zzz", "?mine=1"])
def test_idea_list_survives_bad_parameters(client, query):
    idea = IdeaFactory()
    assert client.get(f"/en/processes/{idea.process.slug}/ideas/{query}").status_code == 200


@pytest.mark.django_db
def test_idea_list_sorts_and_random_is_stable_for_a_visitor(client):
    process = ProcessFactory()
    ideas = IdeaFactory.create_batch(5, process=process)
    Idea.objects.filter(pk=ideas[2].pk).update(support_count=9)
    page = client.get(f"/en/processes/{process.slug}/ideas/").content.decode()
    assert page.index(ideas[2].title) < page.index(ideas[0].title)
    first = client.get(f"/en/processes/{process.slug}/ideas/?sort=random").context["ideas"]
    again = client.get(f"/en/processes/{process.slug}/ideas/?sort=random").context["ideas"]
    assert [idea.pk for idea in first] == [idea.pk for idea in again]


@pytest.mark.django_db
def test_missing_ideas_and_processes_are_404(client):
    idea = IdeaFactory()
    assert client.get(f"/en/processes/{idea.process.slug}/ideas/999999/").status_code == 404
    assert client.get(f"/en/processes/{idea.process.slug}/ideas/99999999999999999999/").status_code == 404
    assert client.get("/en/processes/nope/ideas/1/").status_code == 404


@pytest.mark.django_db
def test_similar_ideas_are_suggested(client):
    process = ProcessFactory()
    IdeaFactory(process=process, title="Biciclete electrice în parc")
    page = client.get(f"/en/processes/{process.slug}/ideas/similar/?title=parc+cu+biciclete").content.decode()
    assert "Biciclete electrice în parc" in page
    assert client.get(f"/en/processes/{process.slug}/ideas/similar/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True])
def test_pages_use_a_constant_number_of_queries(client, participant, signed_in, django_assert_num_queries):
    process = ProcessFactory()
    for _ in range(3):
        IdeaFactory(process=process)
    if signed_in:
        client.force_login(participant)
    urls = ["/en/processes/", f"/en/processes/{process.slug}/", f"/en/processes/{process.slug}/ideas/"]
    counts = {}
    for url in urls:
        client.get(url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts[url] = len(captured)
    for number in range(15):
        # Some with a point: the consultation's map (one query, always run) and the list's (none).
        located = {"latitude": Decimal("46.77"), "longitude": Decimal(f"23.{number:02d}")} if number % 2 else {}
        IdeaFactory(process=process, **located)
    ProcessFactory.create_batch(4)
    for url in urls:
        with django_assert_num_queries(counts[url]):
            client.get(url)


@pytest.mark.django_db
def test_idea_detail_query_count(client, participant, django_assert_max_num_queries):
    idea = IdeaFactory()
    client.force_login(participant)
    # Rendered afresh (the page cache off): the page, then its personal parts (core/personal_parts.py),
    # which load the idea again for the person; kept, only the parts run (core/tests/test_shared_pages.py).
    with django_assert_max_num_queries(19):
        client.get(idea_url(idea))


@pytest.mark.django_db
@pytest.mark.parametrize(("latitude", "longitude", "message"), [
    ("46.77", "", "Give the longitude too, or clear the latitude."),
    ("", "23.59", "Give the latitude too, or clear the longitude."),
    ("90.5", "23.59", "A latitude is between -90 (South Pole) and 90 (North Pole)."),
    ("46.77", "-180.01", "A longitude is between -180 (west) and 180 (east)."),
])
def test_an_idea_s_point_is_both_coordinates_within_their_limits_or_none(client, participant, latitude, longitude,
                                                                         message):
    process = ProcessFactory()
    client.force_login(participant)
    response = client.post(f"/en/processes/{process.slug}/ideas/new/", {
        "title": "Benches", "body": "By the river", "latitude": latitude, "longitude": longitude})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_an_idea_s_point_is_listed_on_its_page_and_its_consultation_s(client, participant):
    process = ProcessFactory()
    client.force_login(participant)
    client.post(f"/en/processes/{process.slug}/ideas/new/", {
        "title": "Benches", "body": "By the river", "location": "Malul Someșului",
        "latitude": "46,7748", "longitude": "23.58500049"})
    idea = Idea.objects.get()
    assert (idea.latitude, idea.longitude) == (Decimal("46.774800"), Decimal("23.585000"))
    IdeaFactory(process=process, title="Hidden one", is_hidden=True, latitude=Decimal("46"), longitude=Decimal("23"))
    IdeaFactory(process=process, title="Nowhere")
    for url in (idea_url(idea), f"/en/processes/{process.slug}/", f"/en/processes/{process.slug}/ideas/"):
        page = client.get(url).content.decode()
        assert "Malul Someșului <span class=\"coordinates\">(latitude 46.7748, longitude 23.585)" in page, url
        assert "Hidden one" not in page and "Nowhere <span" not in page
    # The consultation's map lists every located idea, not only the six shown as cards.
    IdeaFactory.create_batch(7, process=process, support_count=5)
    assert "Malul Someșului <span" in client.get(f"/en/processes/{process.slug}/").content.decode()
