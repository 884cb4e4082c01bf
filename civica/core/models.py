"""Core has no tables of its own; it holds the abstract shapes several apps' models share."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civica.core.uploads import ImagesFolder

# A scope is all or nothing: both columns set, or neither (the site's moderators).
SCOPE_COMPLETE = Q(scope_type__isnull=True, scope_id__isnull=True) | Q(scope_type__isnull=False,
                                                                       scope_id__isnull=False)


class TargetInScope(models.Model):
    """A row about something (``target``: an idea, a debate, a comment, a meeting…) that belongs to a
    scope whose moderators decide about it (``scope``: a consultation; empty for the site's moderators),
    both generic, as ``accounts.RoleAssignment.scope`` is, so comments and moderation never name the
    apps whose content they carry."""

    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    scope_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                                   verbose_name=_("scope type"))
    scope_id = models.PositiveBigIntegerField(_("scope id"), null=True, blank=True)
    scope = GenericForeignKey("scope_type", "scope_id")

    class Meta:
        abstract = True


class PublicImage(models.Model):
    """A row shown with an image (a call, a meeting, a space…): the file, what it shows for people who
    cannot see it, and the original's size. ``core.uploads.keep_public_images(Model, "image")`` in the
    app's ``ready`` draws the renditions on upload and deletes the files with the row;
    ``{% responsive_image %}`` shows them."""

    image = models.ImageField(_("image"), upload_to=ImagesFolder(), blank=True,
                              help_text=_("JPEG, PNG or WebP, at most 5 MB. Smaller copies are made for phones."))
    image_alt = models.CharField(_("image description"), max_length=200, blank=True,
                                 help_text=_("What the image shows, for people who cannot see it."))
    # The original's size, filled when its renditions are drawn (core.uploads.keep_renditions).
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True
