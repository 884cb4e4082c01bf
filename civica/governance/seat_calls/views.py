"""The editors' screen that opens a call for seats of a body; the call is then run on the calls app's
screens like any other."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from civica.core import refusals

from ..models import Body
from . import services
from .forms import SeatCallForm


@login_required
def seat_call_new(request, slug):
    body = get_object_or_404(Body, slug=slug)
    if not request.user.has_perm("governance.open_seat_call", body):
        raise PermissionDenied(_("Only the centre's editors open calls for seats."))
    form = SeatCallForm(request.POST or None, initial={"seats": 1})
    if request.method == "POST" and form.is_valid():
        try:
            seat_call = services.seat_call_open(body=body, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The call for seats is created as a draft. Add its guide and criteria, "
                                        "then publish it."))
            return redirect("calls:manage_call", slug=seat_call.call.slug)
    return render(request, "governance/seat_calls/new.html", {"body": body, "form": form},
                  status=400 if form.errors else 200)
