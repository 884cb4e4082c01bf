"""The newsletter's pages: subscribe (``/newsletter/``; the compact boxes on the home page, the footer
and the news list send the address here by GET, so the pages carrying them hold no form token and stay
in the page cache), "check your inbox", the confirmation link, the preference page and the one-click
unsubscribe of every e-mail (by signed token, no log-in), and a signed-in person's own subscription
(``/newsletter/mine/``). The subscribe form answers the same for every address; it is rate-limited per
client IP (a 429 page) and per address (no further e-mail, same page)."""

from allauth.core import ratelimit
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services
from .forms import PreferencesForm, SubscribeForm
from .models import NewsletterList, Subscriber
from .services import Confirmation
from .tokens import preferences_token


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            refused = ratelimit.consume_or_429(request, action="newsletter_by_address")
            if refused is not None:
                return refused
            email = services.normalise_email(form.cleaned_data["email"])
            send = ratelimit.consume(request, action="newsletter_by_email", key=email)
            services.subscribe(
                email=email,
                lists=form.cleaned_data["lists"],
                language=translation.get_language(),
                send=send,
                by=request.user,
            )
            return redirect("newsletter:check_inbox")
    else:
        email = request.GET.get("email", "")
        form = SubscribeForm(initial={"email": email[:254] if "\x00" not in email else ""})
    return render(request, "newsletter/subscribe.html", {"form": form, "lists": NewsletterList.objects.all()})


def check_inbox(request):
    return render(request, "newsletter/check_inbox.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET asks (so a mail program that opens links confirms nothing), POST confirms and goes on to the
    preference page."""
    if request.method == "POST":
        outcome, subscriber = services.confirm(token=token)
        if outcome is Confirmation.CONFIRMED:
            return redirect("newsletter:preferences", token=preferences_token(subscriber))
        return render(request, "newsletter/confirm.html", {"outcome": outcome.value}, status=400)
    return render(request, "newsletter/confirm.html", {"outcome": "ask"})


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    subscriber = services.subscriber_from_token(token)
    if subscriber is None:
        return render(request, "newsletter/invalid_link.html", status=400)
    return _preferences(request, subscriber, token=token)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def mine(request):
    subscriber = (
        Subscriber.objects.filter(user=request.user).first()
        or Subscriber.objects.filter(email__iexact=request.user.email).first()
    )
    if subscriber is None or subscriber.confirmed_at is None:
        return render(request, "newsletter/mine_none.html", {"email": request.user.email})
    return _preferences(request, subscriber, token=preferences_token(subscriber))


def _preferences(request, subscriber, *, token):
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.preferences_save(
                subscriber=subscriber,
                lists=form.cleaned_data["lists"],
                language=form.cleaned_data["language"],
                by=request.user,
            )
            saved = True
    else:
        form = PreferencesForm(initial={"lists": list(subscriber.lists.all()), "language": subscriber.language})
    return render(
        request, "newsletter/preferences.html", {"form": form, "subscriber": subscriber, "saved": saved, "token": token}
    )


@csrf_exempt  # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" with no form token; the signed
# token in the address is what authorises it, and all it can do is unsubscribe its own subscriber.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET asks (a confirm button), POST unsubscribes from every list."""
    subscriber = services.subscriber_from_token(token)
    if subscriber is None:
        return render(request, "newsletter/invalid_link.html", status=400)
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber)
        return render(request, "newsletter/unsubscribe.html", {"done": True, "subscriber": subscriber, "token": token})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "token": token})
