"""Every e-mail Civica writes goes through ``send_in_language``: rendered in the recipient's
language, with times in Bucharest, and sent through Django's mail backend.

Whatever depends on the language (the subject, links built with ``reverse`` under the
language prefix, a rendered attachment) is passed as a function of no arguments, so that it
is computed inside the recipient's language rather than the sender's. It is called from the apps'
tasks (``tasks.py``), which the task queue runs on a worker after the transaction commits, each
e-mail sent once (``civica.queue.delivery.once``). (allauth's own e-mails are written by
``accounts.adapter`` and sent by ``queue.tasks.send_prepared_mail``.)"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation


def _value(value):
    return value() if callable(value) else value


def send_in_language(person, template, context=None, *, subject, to=None, headers=None, attachments=(),
                     transform_html=None) -> None:
    """Render ``template`` (a ``.txt`` template; a sibling ``.html`` one, when it exists, becomes the
    HTML alternative) and ``subject`` in ``person.language`` and send them to ``person.email``.

    ``context`` is a dict or a function returning one (``person`` is added); ``subject`` a string or a
    function returning one; ``attachments`` ``(filename, content, mimetype)`` triples, or a function
    returning them; ``transform_html`` a function applied to the rendered HTML (the newsletter's inlines its
    styles). A template that does not exist raises ``TemplateDoesNotExist``: nothing is sent."""
    with translation.override(person.language), timezone.override(settings.TIME_ZONE):
        data = {"person": person, **(_value(context) or {})}
        body = render_to_string(template, data)
        html = None
        if template.endswith(".txt"):
            try:
                html_template = get_template(template[: -len(".txt")] + ".html")
            except TemplateDoesNotExist:
                html_template = None
            if html_template is not None:
                html = html_template.render(data)
                if transform_html is not None:
                    html = transform_html(html)
        message = EmailMultiAlternatives(subject=str(_value(subject)), body=body, to=to or [person.email],
                                         headers=headers)
        if html is not None:
            message.attach_alternative(html, "text/html")
        for filename, content, mimetype in _value(attachments) or ():
            message.attach(filename, content, mimetype)
        message.send()
