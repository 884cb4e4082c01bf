"""Saving and restoring pages: one revision per save with every field, the optimistic check against
a save made in between, restore as a new revision, and the row lock under parallel saves (PostgreSQL)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.pages import services
from civica.pages.initial import PAGES, create_missing
from civica.pages.models import CONTENT_FIELDS, Page, PageRevision


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def fields(page, **changes):
    values = {name: getattr(page, name) for name in CONTENT_FIELDS}
    return {**values, **changes}


@pytest.fixture
def about(db):
    return Page.objects.get(slug="about")


@pytest.mark.django_db
def test_the_migration_creates_the_four_pages_with_a_first_revision():
    pages = {page.slug: page for page in Page.objects.all()}
    assert set(pages) == {"about", "ciic", "accessibility", "privacy"}
    for page in pages.values():
        assert page.revision == 1 and page.title_ro and page.title_en and page.body_ro and page.body_en
        (first,) = page.revisions.all()
        assert first.number == 1 and first.by is None and first.content() == fields(page)
    assert pages["about"].sections == ["figures", "reports"]
    # Created again only where missing: an edited page is never overwritten.
    Page.objects.filter(slug="privacy").update(title_ro="Schimbat")
    Page.objects.filter(slug="ciic").delete()
    assert create_missing(Page, PageRevision, now=pages["about"].updated_at) == ["ciic"]
    assert Page.objects.get(slug="privacy").title_ro == "Schimbat"


@pytest.mark.django_db
def test_each_save_writes_the_page_and_one_revision_with_every_field(about, editor):
    revision = services.save_page(
        page=about,
        by=editor,
        based_on=1,
        note=" Typo ",
        **fields(
            about,
            title_en="About us",
            body_ro="Text nou\r\n\r\nal doilea\r\n",
            sections=["reports", "figures", "reports"],
        ),
    )
    about.refresh_from_db()
    assert (about.revision, about.updated_by, about.title_en) == (2, editor, "About us")
    assert about.body_ro == "Text nou\n\nal doilea\n", "Unix line ends, one at the end"
    assert about.sections == ["figures", "reports"], "in the order of Section, each once"
    assert (revision.number, revision.by, revision.note) == (2, editor, "Typo")
    assert revision.content() == fields(about)
    assert about.revisions.count() == 2
    # The next save is based on revision 2.
    third = services.save_page(page=about, by=editor, based_on=2, **fields(about, sections=[]))
    assert third.number == 3 and PageRevision.objects.get(page=about, number=2).sections == ["figures", "reports"]


@pytest.mark.django_db
def test_a_save_that_changes_nothing_makes_no_revision(about, editor):
    assert services.save_page(page=about, by=editor, based_on=1, **fields(about)) is None
    about.refresh_from_db()
    assert about.revision == 1 and about.revisions.count() == 1


@pytest.mark.django_db
def test_a_save_based_on_an_older_revision_is_refused_and_writes_nothing(about, editor, administrator):
    services.save_page(page=about, by=administrator, based_on=1, **fields(about, title_en="First"))
    with pytest.raises(ValidationError) as refused:
        services.save_page(page=about, by=editor, based_on=1, **fields(about, title_en="Second"))
    assert refused.value.code == "conflict"
    assert "revision 2" in refused.value.messages[0] and administrator.display_name in refused.value.messages[0]
    about.refresh_from_db()
    assert (about.revision, about.title_en) == (2, "First")
    assert about.revisions.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"title_ro": "   "}, "Romanian title"),
        ({"sections": ["figures", "gossip"]}, "gossip"),
    ],
)
def test_bad_content_is_refused(about, editor, changes, problem):
    with pytest.raises(ValidationError) as refused:
        services.save_page(page=about, by=editor, based_on=1, **fields(about, **changes))
    assert problem in " ".join(refused.value.messages)
    assert Page.objects.get(pk=about.pk).revision == 1


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["anonymous", "participant", "moderator"])
def test_only_editors_save_or_restore(about, make_user, kind):
    user = None if kind == "anonymous" else make_user(kind)
    with pytest.raises(PermissionDenied):
        services.save_page(page=about, by=user, based_on=1, **fields(about, title_en="No"))
    with pytest.raises(PermissionDenied):
        services.restore_revision(revision=about.revisions.get(), by=user)
    assert Page.objects.get(pk=about.pk).revision == 1


@pytest.mark.django_db
def test_restore_makes_a_new_revision_with_the_old_content(about, editor):
    original = fields(about)
    services.save_page(page=about, by=editor, based_on=1, **fields(about, title_ro="Altul", body_en="Other\n"))
    restored = services.restore_revision(revision=about.revisions.get(number=1), by=editor)
    about.refresh_from_db()
    assert (restored.number, about.revision) == (3, 3)
    assert fields(about) == original and restored.content() == original
    assert restored.note == "Restored revision 1"
    assert list(about.revisions.values_list("number", flat=True)) == [3, 2, 1], "the history only grows"
    # Restoring what the page already reads is nothing to do.
    assert services.restore_revision(revision=about.revisions.get(number=1), by=editor) is None


@pytest.mark.django_db(transaction=True)
def test_parallel_saves_from_the_same_revision_keep_one_and_refuse_the_others(editor):
    skip_unless_postgresql()
    create_missing(Page, PageRevision, now=timezone.now())  # an earlier test may have emptied the database
    about = Page.objects.get(slug="about")
    titles = [f"Title {number}" for number in range(6)]
    outcomes = run_together(
        [
            lambda title=title: services.save_page(
                page=Page.objects.get(pk=about.pk), by=editor, based_on=about.revision, **fields(about, title_en=title)
            )
            for title in titles
        ]
    )
    refused = [outcome for outcome in outcomes if outcome is not None]
    assert len(refused) == len(titles) - 1
    assert all(isinstance(error, ValidationError) and error.code == "conflict" for error in refused)
    about.refresh_from_db()
    assert about.revision == 2 and about.title_en in titles
    assert list(about.revisions.values_list("number", flat=True)) == [2, 1]
    assert about.revisions.get(number=2).title_en == about.title_en


def test_the_initial_pages_are_in_good_romanian():
    from civica.core.tests.romanian_style import problems

    for page in PAGES:
        text = " ".join(page[name] for name in ("title_ro", "summary_ro", "body_ro"))
        assert not problems(text), (page["slug"], problems(text))


@pytest.mark.django_db
def test_personal_data_names_the_revisions_and_deletion_keeps_them_by_nobody(about, editor):
    from civica.accounts.services import account_delete, personal_data_export

    services.save_page(page=about, by=editor, based_on=1, note="Typo", **fields(about, title_en="Us"))
    exported = personal_data_export(user=editor)["pages"]["page_revisions"]
    assert [(row["page"], row["number"], row["note"]) for row in exported] == [("about", 2, "Typo")]
    account_delete(user=editor)
    about.refresh_from_db()
    assert about.updated_by is None and about.revisions.get(number=2).by is None
    assert about.title_en == "Us"
