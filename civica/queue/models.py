"""What the queue's tasks did, so that a task run twice (a retry, a message the broker delivered again
after its worker died) does nothing the second time: each e-mail sent (``SentMail``, by a key the caller
names, e.g. ``calls.decision:<application>``), and each PDF rendered (``StoredDocument``, one a version
of its source)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SentMail(models.Model):
    key = models.CharField(_("key"), max_length=200, unique=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")

    def __str__(self):
        return self.key


class StoredDocument(models.Model):
    """A rendered PDF in the private storage: ``name`` says what it is (``accountability.plan:3:ro``),
    ``version`` which version of it (the hash of the HTML it was rendered from, or a cheaper key its app
    gives). A row without ``file`` is a claim: that version is being rendered (``documents.claim``)."""

    name = models.CharField(_("name"), max_length=200)
    version = models.CharField(_("version"), max_length=64)
    file = models.CharField(_("file"), max_length=300, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("stored document")
        verbose_name_plural = _("stored documents")
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="queue_document_once")]

    def __str__(self):
        return f"{self.name} ({self.version[:8]})"
