"""Joining the centre (issue 18, point 2): an organisation applies, reviewers take it under review and
record the General Assembly's decision; on acceptance the organisation is a member and the applicant its
representative, told by e-mail in their language; a rejection says why. The pages, the reviewers' hook,
bad input, the rate limit, query counts and personal data."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from civica.accounts import services as account_services
from civica.accounts.tests.factories import UserFactory
from civica.audit.models import AuditEntry
from civica.core.transitions import MoveNotPossible
from civica.network import services
from civica.network.models import (
    ApplicationStatus,
    Category,
    MembershipApplication,
    Organisation,
    Relationship,
    Representation,
)
from civica.network.registry import reviewer_checks
from civica.network.tests.factories import MemberFactory, OrganisationFactory, member_representative

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

TODAY = datetime.date(2026, 3, 6)

NEW_ORGANISATION = {"name": "Asociația Lectura", "category": Category.CIVIL_SOCIETY, "city": "Cluj-Napoca",
                    "website": "https://lectura.example", "email": "office@lectura.example",
                    "description": "Ateliere de lectură.", "position": "Președintă",
                    "statement": "Vrem să folosim spațiile Centrului."}


def apply(by, **fields):
    return services.membership_application_submit(by=by, **{**NEW_ORGANISATION, **fields})


def under_review(application, by):
    return services.membership_application_review(application=application, by=by)


@pytest.fixture
def applicant(db):
    return UserFactory(display_name="Ana Aplicant", language="en")


@pytest.fixture
def application(applicant):
    return apply(applicant)


def yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


# -- the service -----------------------------------------------------------------------------------------

def test_a_verified_person_applies_for_a_new_organisation(applicant):
    application = apply(applicant, name="  Asociația Lectura  ", statement="  De ce  ")
    assert application.status == ApplicationStatus.SUBMITTED and application.applicant == applicant
    assert application.name == "Asociația Lectura" and application.statement == "De ce"
    assert application.organisation is None
    assert AuditEntry.objects.filter(action="network.membershipapplication.create").count() == 1


def test_an_unverified_person_or_a_visitor_may_not_apply(unverified):
    with pytest.raises(PermissionDenied, match="Verify your e-mail"):
        apply(unverified)
    assert not MembershipApplication.objects.exists()


def test_what_is_missing_is_said_by_its_field(applicant):
    with pytest.raises(ValidationError) as refused:
        apply(applicant, name=" ", category="nonsense", position="", statement="")
    assert set(refused.value.message_dict) == {"name", "category", "position", "statement"}


def test_an_organisation_in_the_directory_applies_through_its_representative(applicant):
    OrganisationFactory(name="Asociația Lectura")
    with pytest.raises(ValidationError) as refused:
        apply(applicant)
    assert "in the directory already" in refused.value.message_dict["name"][0]


def test_one_open_application_per_organisation(applicant, participant):
    apply(applicant)
    with pytest.raises(ValidationError, match="open already"):
        apply(participant, name="asociația lectura")


def test_a_partner_applies_with_its_directory_details():
    partner = OrganisationFactory(name="Fundația Parc", city="Turda")
    representative = member_representative(partner)
    application = services.membership_application_submit(by=representative, organisation=partner,
                                                          position="Director", statement="Suntem parteneri.")
    assert application.organisation == partner and application.name == "Fundația Parc"
    assert application.city == "Turda" and application.category == partner.category


def test_only_a_partner_one_represents_may_be_applied_for(participant):
    partner, member = OrganisationFactory(), MemberFactory()
    with pytest.raises(PermissionDenied, match="only for an organisation you represent"):
        services.membership_application_submit(by=participant, organisation=partner, position="x", statement="y")
    representative = member_representative(member)
    with pytest.raises(PermissionDenied, match="member already"):
        services.membership_application_submit(by=representative, organisation=member, position="x", statement="y")


def test_acceptance_makes_a_member_and_its_representative_and_tells_them(application, applicant, editor):
    under_review(application, editor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        accepted = services.membership_application_accept(application=application, decided_on=yesterday(),
                                                          note="Hotărârea AGM nr. 3", by=editor)
    assert accepted.status == ApplicationStatus.ACCEPTED and accepted.decided_by == editor
    assert accepted.decided_on == yesterday() and accepted.decision_note == "Hotărârea AGM nr. 3"
    organisation = Organisation.objects.get(name="Asociația Lectura")
    assert accepted.organisation == organisation and organisation.relationship == Relationship.MEMBER
    assert organisation.slug == "asociatia-lectura" and organisation.email == "office@lectura.example"
    assert organisation.description_en == "Ateliere de lectură."  # the applicant writes in English
    assert organisation.membership.since == yesterday()  # a member since the General Assembly's decision
    representation = Representation.objects.get(user=applicant, organisation=organisation)
    assert representation.position == "Președintă"
    assert applicant.has_perm("network.book_for_organisation", organisation)
    assert [message.to for message in mail.outbox] == [[applicant.email]]
    assert mail.outbox[0].subject == "[Civica] Asociația Lectura is a member of the centre"
    assert "You are its representative" in mail.outbox[0].body and "Hotărârea AGM nr. 3" in mail.outbox[0].body
    assert "/en/network/organisations/asociatia-lectura/" in mail.outbox[0].body


def test_a_rejection_is_e_mailed_with_its_reason_in_the_applicants_language(editor):
    person = UserFactory(language="ro")
    application = apply(person)
    under_review(application, editor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.membership_application_reject(application=application, decided_on=yesterday(),
                                               reason="Statutul nu permite.", by=editor)
    # The links are built in the applicant's language (the Romanian catalogue gets the words at merge).
    assert "Statutul nu permite." in mail.outbox[0].body and "/ro/network/" in mail.outbox[0].body


def test_accepting_a_partner_makes_it_a_member():
    partner = OrganisationFactory(name="Fundația Parc")
    representative = member_representative(partner)
    editor = UserFactory(role="editor")
    application = services.membership_application_submit(by=representative, organisation=partner,
                                                          position="Director", statement="Suntem parteneri.")
    under_review(application, editor)
    services.membership_application_accept(application=application, decided_on=yesterday(), note="AGM", by=editor)
    partner.refresh_from_db()
    assert partner.relationship == Relationship.MEMBER
    assert Organisation.objects.count() == 1 and Representation.objects.filter(organisation=partner).count() == 1


def test_a_rejection_needs_a_reason_and_a_decision_a_date_not_to_come(application, editor):
    under_review(application, editor)
    with pytest.raises(ValidationError) as refused:
        services.membership_application_reject(application=application, decided_on=None, reason=" ", by=editor)
    assert set(refused.value.message_dict) == {"decided_on", "reason"}
    with pytest.raises(ValidationError) as refused:
        services.membership_application_accept(application=application, by=editor, note="",
                                               decided_on=timezone.localdate() + datetime.timedelta(days=1))
    assert set(refused.value.message_dict) == {"decided_on", "note"}
    application.refresh_from_db()
    assert application.status == ApplicationStatus.UNDER_REVIEW


def test_the_decision_comes_after_the_review(application, editor):
    with pytest.raises(MoveNotPossible, match="Submitted"):
        services.membership_application_accept(application=application, decided_on=yesterday(), note="AGM",
                                               by=editor)


def test_only_reviewers_review_and_decide(application, applicant, participant, moderator):
    for person in (applicant, participant, moderator):
        with pytest.raises(PermissionDenied, match="reviewed by the centre's staff"):
            under_review(application, person)


def test_the_applicant_withdraws_until_the_decision(application, applicant, editor, participant):
    with pytest.raises(PermissionDenied, match="withdrawn by the person who made it"):
        services.membership_application_withdraw(application=application, by=participant)
    under_review(application, editor)
    withdrawn = services.membership_application_withdraw(application=application, by=applicant)
    assert withdrawn.status == ApplicationStatus.WITHDRAWN
    with pytest.raises(MoveNotPossible, match="Withdrawn"):
        services.membership_application_accept(application=application, decided_on=yesterday(), note="AGM",
                                               by=editor)
    assert not Organisation.objects.filter(name="Asociația Lectura").exists()


def test_an_application_whose_applicant_left_cannot_be_accepted(application, applicant, editor):
    under_review(application, editor)
    MembershipApplication.objects.filter(pk=application.pk).update(applicant=None)
    with pytest.raises(ValidationError, match="deleted their account"):
        services.membership_application_accept(application=application, decided_on=yesterday(), note="AGM",
                                               by=editor)


# -- the reviewers' hook ---------------------------------------------------------------------------------

def test_a_check_registered_by_an_upper_app_makes_a_reviewer(application, participant):
    board_member = UserFactory(display_name="Bogdan Board")
    holds_a_board_seat = lambda user: user.pk == board_member.pk  # noqa: E731 - as governance registers it
    assert not board_member.has_perm("network.review_membership_applications")
    with reviewer_checks.registered(holds_a_board_seat):
        board_member = type(board_member).objects.get(pk=board_member.pk)
        assert board_member.has_perm("network.review_membership_applications")
        assert not participant.has_perm("network.review_membership_applications")
        assert under_review(application, board_member).status == ApplicationStatus.UNDER_REVIEW
    board_member = type(board_member).objects.get(pk=board_member.pk)
    assert not board_member.has_perm("network.review_membership_applications")


def test_the_hook_registers_a_check_once(db):
    def check(user):
        return True

    with reviewer_checks.registered(check):
        reviewer_checks.register(check)
        assert reviewer_checks._checks.count(check) == 1
    assert check not in reviewer_checks._checks


# -- personal data ---------------------------------------------------------------------------------------

def test_applications_in_my_data_and_what_deleting_my_account_keeps(application, applicant, editor):
    decided = apply(applicant, name="Alta")
    under_review(decided, editor)
    services.membership_application_reject(application=decided, decided_on=yesterday(), reason="Nu", by=editor)
    data = account_services.personal_data_export(user=applicant)["network"]["membership_applications"]
    assert [entry["organisation"] for entry in data] == ["Asociația Lectura", "Alta"]
    assert data[0]["statement"] == "Vrem să folosim spațiile Centrului." and data[1]["reason"] == "Nu"
    account_services.account_delete(user=applicant)
    application.refresh_from_db()
    decided.refresh_from_db()
    assert application.applicant is None and application.status == ApplicationStatus.WITHDRAWN
    assert application.statement == "" and application.position == ""
    assert decided.applicant is None and decided.status == ApplicationStatus.REJECTED and decided.reason == "Nu"


# -- the pages -------------------------------------------------------------------------------------------

URL = "/en/network/membership/"


def test_a_visitor_reads_how_to_join_and_is_asked_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert b"General Assembly of Members" in response.content
    assert b"Log in to apply for your organisation" in response.content and b"<form method=\"post\" novalidate" \
        not in response.content


def test_an_unverified_person_is_asked_to_verify(client, unverified):
    client.force_login(unverified)
    response = client.get(URL)
    assert b"Send me the link again" in response.content


def test_applying_from_the_page(client, applicant):
    client.force_login(applicant)
    response = client.get(URL)
    assert b'name="statement"' in response.content and b'name="organisation"' not in response.content
    response = client.post(URL, NEW_ORGANISATION)
    application = MembershipApplication.objects.get()
    assert response.status_code == 302
    assert response.url == f"/en/network/membership/applications/#application-{application.pk}"
    page = client.get("/en/network/membership/applications/")
    assert "Asociația Lectura" in page.content.decode() and b"Submitted" in page.content


def test_a_partner_representative_chooses_their_organisation(client):
    partner = OrganisationFactory(name="Fundația Parc")
    representative = member_representative(partner, language="en")
    client.force_login(representative)
    response = client.get(URL)
    assert b'name="organisation"' in response.content and "Fundația Parc" in response.content.decode()
    response = client.post(URL, {"organisation": str(partner.pk), "position": "Director", "statement": "De ce"})
    assert response.status_code == 302
    assert MembershipApplication.objects.get().organisation == partner


def test_bad_input_keeps_what_was_typed(client, applicant):
    client.force_login(applicant)
    OrganisationFactory(name="Asociația Lectura")
    response = client.post(URL, {**NEW_ORGANISATION, "website": "not a site", "statement": "Motivul meu"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Motivul meu" in content and "The application is not sent yet" in content
    response = client.post(URL, {**NEW_ORGANISATION, "statement": "Motivul meu"})
    assert response.status_code == 400 and "in the directory already" in response.content.decode()
    assert "Motivul meu" in response.content.decode()
    assert not MembershipApplication.objects.exists()


def test_submissions_are_rate_limited(client, applicant, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "membership_application": "2/h/user"}
    client.force_login(applicant)
    codes = [client.post(URL, {"name": ""}).status_code for _ in range(3)]
    assert codes == [400, 400, 429]


def test_withdrawing_from_my_applications(client, application, applicant, participant):
    client.force_login(participant)
    assert client.post(f"/en/network/membership/applications/{application.pk}/withdraw/").status_code == 404
    client.force_login(applicant)
    response = client.post(f"/en/network/membership/applications/{application.pk}/withdraw/", follow=True)
    assert b"Your application is withdrawn." in response.content
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN


def test_reviewers_review_accept_and_the_applicant_sees_the_member(client, application, applicant, editor):
    client.force_login(editor)
    listing = client.get("/en/network/membership/review/?status=submitted")
    assert listing.status_code == 200 and "Asociația Lectura" in listing.content.decode()
    detail = f"/en/network/membership/review/{application.pk}/"
    assert b"Take under review" in client.get(detail).content
    client.post(f"{detail}start/")
    page = client.get(detail).content.decode()
    assert "Record the General Assembly" in page and "Take under review" not in page
    response = client.post(f"{detail}accept/", {"decided_on": "2999-01-01", "note": "AGM 3/2026"})
    assert response.status_code == 400 and "AGM 3/2026" in response.content.decode()
    response = client.post(f"{detail}accept/", {"decided_on": yesterday().isoformat(), "note": "AGM 3/2026"})
    assert response.status_code == 302
    client.force_login(applicant)
    page = client.get("/en/network/membership/applications/").content.decode()
    assert "You represent this member organisation." in page and "AGM 3/2026" in page
    assert "/en/network/organisations/asociatia-lectura/" in page


def test_rejecting_from_the_review_page(client, application, editor):
    under_review(application, editor)
    client.force_login(editor)
    detail = f"/en/network/membership/review/{application.pk}/"
    response = client.post(f"{detail}reject/", {"decided_on": yesterday().isoformat(), "reason": ""})
    assert response.status_code == 400 and b"This field is required" in response.content
    client.post(f"{detail}reject/", {"decided_on": yesterday().isoformat(), "reason": "Statutul", "note": ""})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED and application.reason == "Statutul"


def test_the_review_pages_refuse_others(client, application, participant, applicant):
    assert client.get("/en/network/membership/review/").status_code == 302
    for person in (participant, applicant):
        client.force_login(person)
        assert client.get("/en/network/membership/review/").status_code == 403
        assert client.get(f"/en/network/membership/review/{application.pk}/").status_code == 403
        assert client.post(f"/en/network/membership/review/{application.pk}/start/").status_code == 403


@pytest.mark.parametrize("query", ["?status=nonsense", "?page=²", "?page=99999999999999999999999", "?status="])
def test_odd_filters_show_the_list(client, editor, application, query):
    client.force_login(editor)
    assert client.get(f"/en/network/membership/review/{query}").status_code == 200


def test_the_pages_cost_the_same_with_more_applications(client, editor, applicant, assert_constant_queries):
    for number in range(2):
        apply(applicant, name=f"Organizația {number}")
    client.force_login(editor)

    def more():
        for number in range(2, 8):
            apply(UserFactory(), name=f"Organizația {number}", organisation=None)

    assert_constant_queries(client, ["/en/network/membership/review/",
                                     "/en/network/membership/review/?status=submitted"], more)
    client.force_login(applicant)
    assert_constant_queries(client, "/en/network/membership/applications/",
                            lambda: [apply(applicant, name=f"A {number}") for number in range(3)])


def test_the_detail_and_the_form_pages_cost_a_fixed_number_of_queries(client, editor, application,
                                                                     django_assert_max_num_queries):
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        assert client.get(f"/en/network/membership/review/{application.pk}/").status_code == 200
    partner = OrganisationFactory(name="Fundația Parc")
    client.force_login(member_representative(partner))
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200


def test_reviewers_find_the_review_from_the_public_page(client, editor, participant):
    client.force_login(editor)
    assert b"Review the applications to become a member" in client.get(URL).content
    client.force_login(participant)
    assert b"Review the applications to become a member" not in client.get(URL).content


def test_the_review_list_is_paginated(client, editor):
    for number in range(27):
        MembershipApplication.objects.create(name=f"Org {number}", category=Category.UNIVERSITY, position="p",
                                             statement="s")
    client.force_login(editor)
    first, second = client.get("/en/network/membership/review/"), client.get("/en/network/membership/review/?page=2")
    assert first.content.decode().count("/en/network/membership/review/") >= 25
    assert b"27 applications" in first.content and b"Org 0" in second.content + first.content


# -- fuzz ------------------------------------------------------------------------------------------------

ODD = st.one_of(st.sampled_from(["", " ", "²", "9" * 25, "-1", "0", "abc", "a\x00b", "ș" * 3001, "https://x",
                                 "x@y", "civil_society", "<script>"]), st.text(max_size=20))
FORM_FIELDS = ["organisation", "name", "category", "city", "website", "email", "description", "position",
               "statement"]
DECISION_FIELDS = ["decided_on", "note", "reason"]


def test_no_application_form_input_makes_a_500(client, applicant, editor, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "membership_application": "10000/m/user"}
    OrganisationFactory(name="Fundația Parc")
    member_representative(Organisation.objects.get(name="Fundația Parc"))
    client.force_login(applicant)

    @settings_(max_examples=60, deadline=None, derandomize=True, database=None,
               suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({}, optional={name: st.one_of(ODD, st.lists(ODD, max_size=3))
                                               for name in FORM_FIELDS}))
    def post(data):
        response = client.post(URL, data)
        assert response.status_code < 500, (data, response.status_code)

    post()


def test_no_decision_form_input_makes_a_500(client, application, editor):
    under_review(application, editor)
    client.force_login(editor)

    @settings_(max_examples=40, deadline=None, derandomize=True, database=None,
               suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(["accept", "reject"]),
           st.fixed_dictionaries({}, optional={name: st.one_of(ODD, st.lists(ODD, max_size=2))
                                               for name in DECISION_FIELDS}))
    def post(action, data):
        with TestCase.captureOnCommitCallbacks(execute=False):
            response = client.post(f"/en/network/membership/review/{application.pk}/{action}/", data)
        assert response.status_code < 500, (data, response.status_code)
        MembershipApplication.objects.filter(pk=application.pk).update(status=ApplicationStatus.UNDER_REVIEW)

    post()


