"""The rules about people and proposals: a craftsperson is public only while their consent is recorded;
they (with an account) or staff withdraw it, and the public then sees nothing of them; their entry is in
download-my-data and leaves with the account. A Roots youth's proposal waits, hidden, for the shared
pre-moderation; a moderator approves it and it is public. Two withdrawals racing: one wins (PostgreSQL)."""

import threading

import pytest
from django.db import connection
from django.utils import translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core.refusals import Refused
from civica.heritage import personal_data, services
from civica.heritage.models import Craftsperson, HeritageObject, ObjectKind
from civica.heritage.tests.factories import CraftspersonFactory, LocalityFactory
from civica.moderation import services as moderation

CONSENTED = "2021-05-01T10:00Z"


@pytest.mark.django_db
def test_without_consent_nothing_is_public(client):
    person = CraftspersonFactory(name="Ana Fără Acord", phone="0700 999 888")
    assert client.get(person.locality.get_absolute_url()).content.decode().count("Ana Fără Acord") == 0
    assert client.get(f"/en/heritage/people/{person.pk}/").status_code == 404


@pytest.mark.django_db
def test_staff_record_consent_and_the_person_withdraws_it(client, make_user):
    owner = UserFactory()
    person = CraftspersonFactory(name="Ion Olaru", phone="0700 999 888", user=owner)
    editor = make_user("editor")
    client.force_login(editor)
    response = client.post(f"/en/heritage/manage/people/{person.pk}/consent/", {"how": "Signed form, 3 May"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.has_consent and person.consent_how == "Signed form, 3 May" and person.consent_recorded_by == editor
    client.logout()
    page = client.get(f"/en/heritage/people/{person.pk}/").content.decode()
    assert "Ion Olaru" in page and "0700 999 888" in page and "Withdraw" not in page
    client.force_login(owner)
    assert "Withdraw the consent" in client.get(f"/en/heritage/people/{person.pk}/").content.decode()
    client.post(f"/en/heritage/people/{person.pk}/consent/", {"action": "withdraw"})
    person.refresh_from_db()
    assert not person.has_consent and person.withdrawn_at is not None
    client.logout()
    assert client.get(f"/en/heritage/people/{person.pk}/").status_code == 404
    assert "Ion Olaru" not in client.get(person.locality.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_person_gives_consent_in_their_account_and_nobody_else_may(client):
    owner, stranger = UserFactory(), UserFactory()
    person = CraftspersonFactory(user=owner)
    with translation.override("en"), pytest.raises(Refused, match="Only the person listed"):
        services.consent_withdraw(person=CraftspersonFactory(consent_at=CONSENTED), by=stranger)
    client.force_login(stranger)
    assert client.post(f"/en/heritage/people/{person.pk}/consent/", {"action": "give"}).status_code == 404
    client.force_login(owner)
    client.post(f"/en/heritage/people/{person.pk}/consent/", {"action": "give"})
    person.refresh_from_db()
    assert person.has_consent and person.consent_recorded_by == owner
    with translation.override("en"), pytest.raises(Refused, match="already recorded"):
        services.consent_record(person=person, by=owner, how="again")


@pytest.mark.django_db
def test_download_my_data_and_erasure():
    owner = UserFactory()
    CraftspersonFactory(user=owner, name="Ion", phone="0700 1", consent_at=CONSENTED)
    data = personal_data.export(owner)
    assert data["heritage_listings"][0]["phone"] == "0700 1" and data["heritage_listings"][0]["consent_at"]
    personal_data.erase(owner)
    person = Craftsperson.objects.get(name="Ion")
    assert person.user is None and not person.has_consent and person.phone == ""


@pytest.mark.django_db
def test_a_roots_proposal_waits_then_is_approved(client, make_user):
    locality = LocalityFactory()
    youth = UserFactory(role=Role.ROOTS, role__scope=locality)
    client.force_login(youth)
    response = client.post(f"/en/heritage/localities/{locality.slug}/propose/", {
        "kind": "monument", "name_ro": "Crucea de piatră", "lmi_code": "cj – iv-m-b-09999", "description_ro": "Veche."})
    proposal = HeritageObject.objects.get(name_ro="Crucea de piatră")
    assert response.status_code == 302 and proposal.lmi_code == "CJ-IV-m-B-09999"
    assert proposal.review_state == "waiting" and proposal.is_hidden and proposal.proposed_by == youth
    assert "waits for the staff" in client.get(proposal.get_absolute_url()).content.decode()
    client.logout()
    assert client.get(proposal.get_absolute_url()).status_code == 404
    moderator = make_user("moderator")
    client.force_login(moderator)
    assert "Crucea de piatră" in client.get("/en/moderation/waiting/").content.decode()
    moderation.review_decide(target=proposal, by=moderator, approve=True)
    client.logout()
    assert client.get(proposal.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_monument_needs_a_valid_code(client):
    locality = LocalityFactory()
    client.force_login(UserFactory(role=Role.ROOTS))
    page = client.post(f"/en/heritage/localities/{locality.slug}/propose/", {
        "kind": ObjectKind.MONUMENT, "name_ro": "Fără cod"}).content.decode()
    assert "A historic monument needs its LMI code." in page
    page = client.post(f"/en/heritage/localities/{locality.slug}/propose/", {
        "kind": ObjectKind.BUILDING, "name_ro": "Cod greșit", "lmi_code": "CJ-II-m-A-1"}).content.decode()
    assert "Write the LMI code as in the List of Historic Monuments" in page
    assert not HeritageObject.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_withdrawals_racing_one_wins():
    owner, editor = UserFactory(), UserFactory(role=Role.EDITOR)
    person = CraftspersonFactory(user=owner, consent_at=CONSENTED)
    barrier, outcomes = threading.Barrier(2), []

    def withdraw(by):
        try:
            with translation.override("en"):
                barrier.wait()
                services.consent_withdraw(person=person, by=by)
            outcomes.append("withdrawn")
        except Refused as refused:
            outcomes.append(str(refused.message))
        finally:
            connection.close()

    threads = [threading.Thread(target=withdraw, args=(user,)) for user in (owner, editor)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["There is no consent to withdraw: this entry is not public.", "withdrawn"]
    from civica.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="heritage.craftsperson.withdraw").count() == 1


@pytest.mark.django_db
def test_the_locality_moderator_rejects_through_the_queue_and_staff_hide_an_object(client, make_user):
    from civica.heritage.tests.factories import HeritageObjectFactory
    from civica.notifications.models import Notification

    locality = LocalityFactory()
    youth = UserFactory(role=Role.ROOTS, role__scope=locality)
    proposal = services.object_propose(by=youth, locality=locality, kind="building", name_ro="Casa nouă")
    client.force_login(UserFactory(role=Role.MODERATOR, role__scope=locality))
    client.post(f"/en/moderation/review/heritage-objects/{proposal.pk}/", {"decision": "reject",
                                                                          "reason": "Not heritage."})
    proposal.refresh_from_db()
    assert proposal.review_state == "rejected" and proposal.is_hidden
    assert Notification.objects.filter(recipient=youth, url=proposal.get_absolute_url()).exists()
    public = HeritageObjectFactory(locality=locality)
    client.force_login(make_user("editor"))
    client.post(f"/en/heritage/objects/{public.pk}/moderate/", {"action": "hide", "reason": "Wrong place."})
    client.logout()
    assert client.get(public.get_absolute_url()).status_code == 404
