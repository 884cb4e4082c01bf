import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from civica.accounts.models import RoleAssignment, User
from civica.network.models import Organisation, Programme, Representation


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Organisation, Programme, User, EmailAddress, RoleAssignment, Representation)
    }


@pytest.mark.django_db
def test_loaddemo_creates_the_seed_organisations_programmes_and_accounts():
    call_command("loaddemo", verbosity=0)
    ccc = Organisation.objects.get(slug="centrul-cultural-clujean")
    assert ccc.name == "Centrul Cultural Clujean"
    assert ccc.website == "https://www.cccluj.ro"
    assert Programme.objects.count() == 12
    assert Programme.objects.get(slug="academia-schimbarii").websites == ["https://www.academiaschimbarii.ro"]
    assert Programme.objects.get(slug="spatiu-interior").websites == [
        "https://www.innerspace.ro", "https://www.art-wellbeing.eu"
    ]
    # The seeds' members, and the observatory demo's fictional ones (its campaign needs three answers),
    # each saying so in its name.
    members = dict(Organisation.objects.members().values_list("slug", "name"))
    assert {"primaria-cluj-napoca", "consiliul-judetean-cluj"} <= set(members)
    assert all("fictiv" in name for slug, name in members.items()
               if slug not in {"primaria-cluj-napoca", "consiliul-judetean-cluj"})
    admin = User.objects.get(email="admin@civica.test")
    assert admin.check_password("civica-demo")
    assert admin.has_perm("accounts.grant_role")
    member = User.objects.get(email="member@civica.test")
    assert member.representations.get().organisation.slug == "consiliul-judetean-cluj"
    assert not User.objects.get(email="unverified@civica.test").has_perm("accounts.contribute")


@pytest.mark.django_db
def test_loaddemo_is_idempotent():
    call_command("loaddemo", verbosity=0)
    first = _counts()
    call_command("loaddemo", verbosity=0)
    assert _counts() == first


@pytest.mark.django_db
def test_loaddemo_keeps_a_changed_demo_password():
    call_command("loaddemo", verbosity=0)
    user = User.objects.get(email="participant@civica.test")
    user.set_password("changed-by-the-person")
    user.save()
    call_command("loaddemo", verbosity=0)
    user.refresh_from_db()
    assert user.check_password("changed-by-the-person")
