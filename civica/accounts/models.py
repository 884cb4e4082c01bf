"""People and their roles.

- ``User``: the e-mail is the login (unique whatever its case); display name, optional organisation,
  language (of the pages and e-mails), how often notifications are e-mailed (``EmailFrequency``).
- ``RoleAssignment``: editor and administrator are given globally, evaluator and facilitator on one
  object (a generic scope: a call, a workshop), moderator either way (the site, or one consultation);
  database constraints hold each of these rules and make an assignment unique."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .roles import GLOBAL_ONLY, SCOPED_ONLY, Role


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("As they happen")
    DAILY = "daily", _("One daily digest")
    NEVER = "never", _("Never")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def normalize_email(self, email):
        return (email or "").strip().lower()

    def create_user(self, email, password=None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. The e-mail address is the login."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"), max_length=80, blank=True,
        help_text=_("Shown next to what you write. Leave empty to appear as a numbered participant."),
    )
    organisation_name = models.CharField(
        _("organisation"), max_length=200, blank=True,
        help_text=_("Optional: the organisation you belong to, shown on your profile."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE,
        help_text=_("The language of the site and of the e-mails we send you."),
    )
    email_frequency = models.CharField(
        _("e-mail notifications"), max_length=12, choices=EmailFrequency.choices, default=EmailFrequency.IMMEDIATELY,
        help_text=_("E-mails about answers, replies and what you follow. You always see them on the site too."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Kept for Django's own tools (createsuperuser); access to admin is decided by roles.
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        if self.display_name:
            return self.display_name
        return _("Participant %(number)s") % {"number": self.pk}


class RoleAssignmentQuerySet(models.QuerySet):
    def for_object(self, obj):
        content_type = ContentType.objects.get_for_model(obj)
        return self.filter(scope_type=content_type, scope_id=obj.pk)

    def global_roles(self):
        return self.filter(scope_type__isnull=True)


class RoleAssignment(models.Model):
    """A role given to a user, on the whole platform or on one object (a call, a workshop, a process)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    scope_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("scope type")
    )
    scope_id = models.PositiveBigIntegerField(_("scope id"), null=True, blank=True)
    scope = GenericForeignKey("scope_type", "scope_id")
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("granted by")
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope_type__isnull=True, scope_id__isnull=True)
                | models.Q(scope_type__isnull=False, scope_id__isnull=False),
                name="accounts_role_scope_complete",
            ),
            models.CheckConstraint(
                condition=~models.Q(role__in=sorted(SCOPED_ONLY), scope_type__isnull=True),
                name="accounts_role_scoped_needs_scope",
            ),
            models.CheckConstraint(
                condition=~models.Q(role__in=sorted(GLOBAL_ONLY), scope_type__isnull=False),
                name="accounts_role_global_has_no_scope",
            ),
            models.UniqueConstraint(
                fields=["user", "role"], condition=models.Q(scope_type__isnull=True), name="accounts_role_global_unique"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "scope_type", "scope_id"],
                condition=models.Q(scope_type__isnull=False),
                name="accounts_role_scoped_unique",
            ),
        ]

    def __str__(self):
        if self.scope_type_id:
            return f"{self.get_role_display()}: {self.scope}"
        return str(self.get_role_display())
