import factory
from allauth.account.models import EmailAddress

from civica.accounts.models import RoleAssignment, User

PASSWORD = "a-strong-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    """A participant with a verified e-mail. ``verified=False`` and ``role=Role.X`` vary it."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=extracted is not False)

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        if create and extracted:
            RoleAssignment.objects.create(user=obj, role=extracted, scope=kwargs.get("scope"))
