"""The vouchers' background work (civica.queue): a voucher e-mailed to a beneficiary who gave an address,
in the language of their card, with the code, the link to their page and the card as a PDF; sent once.
Every night (beat) the beneficiaries of programmes whose retention date has passed are erased
(``personal_data.beneficiary_erase``: redemptions kept without the person), and their applications.
A refused application is told to its applicant, in their language, with the staff's reason; sent once.

A bulk issue's cards are rendered in parts (``render_bulk_cards``: one PDF of ``BulkIssue.CARDS_PER_PART``
cards drawn by ``cards.part_pdf``, stored once under the part's name by ``queue.documents``), each part its
own task so the workers share them; the issue's ``parts_done`` counts the parts stored, under the issue's row lock."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core.mail import send_in_language
from civica.queue.delivery import once
from civica.queue.tasks import background_task

from .models import Application, Beneficiary, BulkIssue, Voucher

# A part's cards never change once issued: one version of each part's PDF.
PART_VERSION = "cards"


@background_task
def send_voucher(voucher_id, key):
    from . import cards

    voucher = Voucher.objects.select_related("programme", "beneficiary").filter(pk=voucher_id).first()
    if voucher is None or voucher.beneficiary is None or not voucher.beneficiary.email:
        return
    person = voucher.beneficiary

    once(key, lambda: send_in_language(
        person, "vouchers/email/voucher.txt",
        lambda: {"voucher": voucher, "url": settings.CIVICA_BASE_URL + reverse("vouchers:mine", args=[voucher.code])},
        subject=lambda: _("[Civica] Your cultural voucher: %(programme)s") % {
            "programme": voucher.programme.translated("name")},
        attachments=lambda: [(f"voucher-{voucher.code[:4]}.pdf", cards.card_pdf(voucher), "application/pdf")]))


@background_task
def send_application_refused(application_id, key):
    application = Application.objects.select_related("programme", "applicant").filter(pk=application_id).first()
    if application is None or not application.applicant.email:
        return
    person = application.applicant

    once(key, lambda: send_in_language(
        person, "vouchers/email/application_refused.txt",
        lambda: {"application": application, "url": settings.CIVICA_BASE_URL + reverse(
            "vouchers:apply", args=[application.programme.slug])},
        subject=lambda: _("[Civica] Your application for a cultural voucher: %(programme)s") % {
            "programme": application.programme.translated("name")}))


@background_task
def erase_past_retention():
    from .personal_data import beneficiary_erase

    past = timezone.localdate()
    erased = beneficiary_erase(Beneficiary.objects.filter(programme__retention_until__lt=past))
    # The applications' answers are the applicants' data too: they go at the same date.
    Application.objects.filter(programme__retention_until__lt=past).delete()
    return erased


@background_task
def render_bulk_cards(bulk_issue_id, part):
    from civica.queue import documents
    from civica.queue.models import StoredDocument

    from . import cards

    batch = BulkIssue.objects.select_related("programme").filter(pk=bulk_issue_id).first()
    if batch is None:
        return
    if documents.find(batch.part_name(part), PART_VERSION) is None:
        size = BulkIssue.CARDS_PER_PART
        vouchers = list(batch.vouchers.select_related("programme", "bulk_issue")
                        .order_by("pk")[part * size:(part + 1) * size])
        documents.store_rendered(name=batch.part_name(part), version=PART_VERSION, render=lambda: cards.part_pdf(
            vouchers, programme=batch.programme, language=batch.language))
    with transaction.atomic():
        # What is stored is counted (not added to), so a task run twice counts its part once.
        locked = BulkIssue.objects.select_for_update().get(pk=batch.pk)
        locked.parts_done = min(locked.parts, StoredDocument.objects.filter(
            name__startswith=f"vouchers.bulk:{locked.pk}:", version=PART_VERSION).exclude(file="").count())
        locked.save(update_fields=["parts_done"])
