"""Representations: who acts for an organisation (moved here from accounts, issue 13 point 3).

A representative of a member organisation is a member representative; the account page, the
download-my-data file and account deletion show or remove what someone represents."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from civica.accounts.tests.factories import PASSWORD, UserFactory
from civica.network import services
from civica.network.models import Relationship, Representation
from civica.network.predicates import is_member_representative, represented_member_ids
from civica.network.tests.factories import OrganisationFactory

PLATFORM_PERMISSIONS = [
    "accounts.contribute", "core.access_admin", "accounts.grant_role", "accounts.manage_own_account"]


@pytest.mark.django_db
def test_a_member_representative_holds_a_participants_platform_permissions():
    user = UserFactory()
    services.representation_add(user=user, organisation=OrganisationFactory(relationship=Relationship.MEMBER),
                                by=None)
    assert is_member_representative(user)
    assert [user.has_perm(permission) for permission in PLATFORM_PERMISSIONS] == [True, False, False, True]


@pytest.mark.django_db
def test_member_representative_needs_a_member_organisation_and_a_verified_email():
    partner_rep = UserFactory()
    services.representation_add(user=partner_rep, organisation=OrganisationFactory(), by=None)
    assert not is_member_representative(partner_rep)

    unverified_rep = UserFactory(verified=False)
    member = OrganisationFactory(relationship=Relationship.MEMBER)
    services.representation_add(user=unverified_rep, organisation=member, by=None)
    assert not is_member_representative(unverified_rep)

    rep = UserFactory()
    services.representation_add(user=rep, organisation=member, by=None)
    assert is_member_representative(rep)
    assert not is_member_representative(AnonymousUser())


@pytest.mark.django_db
def test_adding_a_representation_is_seen_at_once_by_the_same_user_object():
    user = UserFactory()
    assert not is_member_representative(user)  # remembered on the user object…
    member = OrganisationFactory(relationship=Relationship.MEMBER)
    services.representation_add(user=user, organisation=member, by=None)
    assert is_member_representative(user)  # …and forgotten by the service
    assert represented_member_ids(user) == {member.pk}


@pytest.mark.django_db
def test_only_administrators_confirm_representatives(administrator, editor, participant):
    organisation = OrganisationFactory()
    with pytest.raises(PermissionDenied, match="Doar administratorii"):
        services.representation_add(user=participant, organisation=organisation, by=editor)
    first = services.representation_add(user=participant, organisation=organisation, position="Expert",
                                        by=administrator)
    again = services.representation_add(user=participant, organisation=organisation, by=administrator)
    assert first.pk == again.pk
    assert Representation.objects.get().position == "Expert"


@pytest.mark.django_db
def test_representation_admin_is_for_administrators(client, administrator, editor):
    organisation = OrganisationFactory(name="Muzeul X")
    services.representation_add(user=editor, organisation=organisation, by=None)
    client.force_login(editor)
    assert client.get("/en/admin/network/representation/").status_code == 403
    client.force_login(administrator)
    assert "Muzeul X" in client.get("/en/admin/network/representation/").content.decode()
    user_page = client.get(f"/en/admin/accounts/user/{editor.pk}/change/").content.decode()
    assert "Muzeul X" in user_page  # the user's page lists what they represent, as before the move


@pytest.mark.django_db
def test_the_account_page_lists_the_organisations_one_represents(client, participant):
    services.representation_add(user=participant, organisation=OrganisationFactory(name="Muzeul X"), by=None)
    client.force_login(participant)
    page = client.get("/ro/account/").content.decode()
    assert "Muzeul X" in page


@pytest.mark.django_db
def test_download_my_data_holds_what_one_represents(client, participant):
    organisation = OrganisationFactory(name="Consiliul Județean Cluj")
    services.representation_add(user=participant, organisation=organisation, position="Expert", by=None)
    client.force_login(participant)
    data = json.loads(client.get("/ro/account/my-data.json").content)["data"]["network"]
    assert data["representations"][0]["organisation"] == "Consiliul Județean Cluj"
    assert data["representations"][0]["position"] == "Expert"


@pytest.mark.django_db
def test_deleting_the_account_removes_its_representations(client, participant):
    organisation = OrganisationFactory()
    services.representation_add(user=participant, organisation=organisation, by=None)
    client.force_login(participant)
    assert client.post("/en/account/delete/", {"password": PASSWORD}).status_code == 302
    assert not Representation.objects.exists()
    assert organisation.representatives.count() == 0


@pytest.mark.django_db
def test_account_page_query_count_does_not_grow_with_representations(client, participant,
                                                                     django_assert_max_num_queries):
    for _ in range(5):
        services.representation_add(user=participant, organisation=OrganisationFactory(), by=None)
    client.force_login(participant)
    client.get("/ro/account/")
    with django_assert_max_num_queries(12):
        client.get("/ro/account/")
