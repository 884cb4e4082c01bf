"""A person's notifications (list, open, mark read) and the unsubscribe link of every e-mail:
``/<lang>/notifications/…``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from civica.core.params import page_param

from . import services
from .models import Notification
from .selectors import unread_count


@login_required
@require_safe
def notification_list(request):
    page = Paginator(Notification.objects.filter(recipient=request.user), 30).get_page(page_param(request.GET))
    return render(request, "notifications/notification_list.html", {
        "page": page, "items": page.object_list, "unread_notifications": unread_count(request.user)})


@login_required
@require_safe
def notification_open(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.mark_read(by=request.user, notification_ids=[notification.pk])
    return redirect(notification.url)


@login_required
@require_POST
def notification_read_all(request):
    services.mark_read(by=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


@csrf_exempt  # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" with no form token; the signed
# token in the address is what authorises it, and all it can do is stop its own person's e-mails.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """From the link in every e-mail: works without logging in. GET asks, POST does it (the confirm
    button, or the mail program's one-click request)."""
    person = services.user_from_unsubscribe_token(token)
    if person is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.unsubscribe(person)
        return render(request, "notifications/unsubscribe.html", {"done": True, "person": person})
    return render(request, "notifications/unsubscribe.html", {"person": person})
