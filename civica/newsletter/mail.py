"""The newsletter's e-mails, HTML with a plain-text part, styles inlined by ``css-inline`` (mail
programs drop ``<style>``), links on ``CIVICA_BASE_URL``.

- The confirmation e-mail: the only one sent before the subscriber confirms, with the expiring link.
- Every e-mail after confirmation (``send_newsletter_mail``: the welcome one; ``campaign_message``: campaigns) has
  the preference page's and the unsubscribe link in both parts, and the RFC 8058 headers
  ``List-Unsubscribe: <…/newsletter/unsubscribe/<token>/>`` and
  ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``.
- A campaign: ``render_campaign`` writes it once per language (subject, text, inlined HTML) with
  placeholders where each subscriber's own links go; ``campaign_message`` puts a subscriber's links in
  and adds the same headers. The preview shows ``render_campaign``'s output, the test e-mail and every
  delivery are ``campaign_message``s of it."""

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from civica.core.mail import send_in_language

from .selectors import campaign_blocks
from .tokens import confirm_token, preferences_token

_INLINER = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def inline_styles(html: str) -> str:
    return _INLINER.inline(html)


def absolute(path: str) -> str:
    return f"{settings.CIVICA_BASE_URL}{path}"


def links(subscriber, *, cache=None) -> dict:
    """The preference page's and the unsubscribe addresses, in the subscriber's language. ``cache`` (a
    dict kept by the caller) keeps the addresses of each language, so a batch reverses them once."""
    token = preferences_token(subscriber)
    if cache is None:
        with translation.override(subscriber.language):
            return {
                "preferences_url": absolute(reverse("newsletter:preferences", args=[token])),
                "unsubscribe_url": absolute(reverse("newsletter:unsubscribe", args=[token])),
            }
    if subscriber.language not in cache:
        cache[subscriber.language] = links(_Recipient("", subscriber.language, pk=0))
        cache[subscriber.language]["token"] = preferences_token(_Recipient("", subscriber.language, pk=0))
    found = cache[subscriber.language]
    return {name: found[name].replace(found["token"], token) for name in ("preferences_url", "unsubscribe_url")}


def send_confirmation_mail(consent) -> None:
    subscriber = consent.subscriber
    with translation.override(consent.language):
        url = absolute(reverse("newsletter:confirm", args=[confirm_token(consent)]))
    hours = settings.NEWSLETTER_CONFIRM_MAX_AGE // 3600
    person = _Recipient(subscriber.email, consent.language)
    send_in_language(
        person,
        "newsletter/email/confirm.txt",
        {"confirm_url": url, "hours": hours},
        subject=lambda: _("[Civica] Confirm your newsletter subscription"),
        transform_html=inline_styles,
    )


def send_newsletter_mail(subscriber, template, context, *, subject) -> None:
    """A newsletter e-mail to a confirmed subscriber, with its preference and unsubscribe links."""
    found = links(subscriber)
    send_in_language(
        subscriber,
        template,
        lambda: {**found, **(context() if callable(context) else context)},
        subject=subject,
        transform_html=inline_styles,
        headers={
            "List-Unsubscribe": f"<{found['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


class _Recipient:
    """The confirmation goes in the language of the request, which may not be the subscriber's yet."""

    def __init__(self, email, language, pk=None):
        self.email = email
        self.language = language
        self.pk = pk


# Where a subscriber's own links go in a rendered campaign (replaced per message, after inlining).
PREFERENCES_MARK = "https://civica.invalid/preferences-link"
UNSUBSCRIBE_MARK = "https://civica.invalid/unsubscribe-link"


def render_campaign(campaign, language) -> dict:
    """``{"subject", "text", "html"}`` of ``campaign`` in ``language``, its blocks as they are now."""
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        context = {
            "campaign": campaign, "blocks": campaign_blocks(campaign), "base_url": settings.CIVICA_BASE_URL,
            "language": language, "preferences_url": PREFERENCES_MARK, "unsubscribe_url": UNSUBSCRIBE_MARK,
        }
        return {
            "subject": f"[Civica] {campaign.translated('subject')}",
            "text": render_to_string("newsletter/email/campaign.txt", context),
            "html": inline_styles(render_to_string("newsletter/email/campaign.html", context)),
        }


def campaign_message(rendered: dict, subscriber, *, found=None, test=False, connection=None) -> EmailMultiAlternatives:
    """One subscriber's e-mail of a rendered campaign (``rendered[subscriber.language]``), with their own
    preference and unsubscribe links in both parts and the RFC 8058 headers. A test is marked so."""
    found = found or links(subscriber)
    subject, text, html = rendered["subject"], rendered["text"], rendered["html"]
    for mark, url in ((PREFERENCES_MARK, found["preferences_url"]), (UNSUBSCRIBE_MARK, found["unsubscribe_url"])):
        text, html = text.replace(mark, url), html.replace(mark, url)
    if test:
        with translation.override(subscriber.language):
            subject = _("[Test] %(subject)s") % {"subject": subject}
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[subscriber.email], connection=connection,
        headers={"List-Unsubscribe": f"<{found['unsubscribe_url']}>",
                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})
    message.attach_alternative(html, "text/html")
    return message
