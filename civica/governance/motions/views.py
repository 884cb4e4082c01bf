"""The motions' screens: the list (``/network/bodies/motions/``), a motion's page with its documents,
the organisation's vote and form for its representatives, the turnout so far while voting runs and the
results once it has closed (``…/motions/<id>/``; ``…/vote/`` takes the vote), and the editors' screens
(``…/motions/new/``, ``…/<id>/open/``). Motion pages change with the clock alone (results appear at
the close), so they are never kept in the page cache."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from civica.core import refusals
from civica.core.params import parse_int

from . import selectors, services
from .forms import MotionForm, VoteForm
from .predicates import closed_message


def _motion_or_404(user, pk) -> object:
    motion = selectors.motion_for(user, parse_int(str(pk), minimum=1))
    if motion is None:
        raise Http404
    return motion


@require_safe
@never_cache
def motion_list(request):
    return render(request, "governance/motions/motion_list.html", {
        "motions": list(selectors.motions_for(request.user)),
        "can_edit": request.user.has_perm("governance.edit_motions"), "now": timezone.now(),
    })


def _detail(request, motion, *, vote_form=None, status=200):
    now = timezone.now()
    organisations = selectors.voting_organisations(request.user, motion)
    can_vote = request.user.has_perm("governance.vote_on_motion", motion)
    not_voted = [organisation for organisation in organisations if organisation.vote is None]
    if vote_form is None and can_vote and not_voted:
        vote_form = VoteForm(motion=motion, organisations=not_voted)
    closed = motion.is_closed(now)
    return render(request, "governance/motions/motion_detail.html", {
        "motion": motion, "closed": closed, "result": selectors.result(motion) if closed else None,
        "organisations": organisations, "vote_form": vote_form if can_vote else None,
        "why_not_vote": None if can_vote else refusals.why_not(request.user, "governance.vote_on_motion", motion),
        "closed_message": closed_message(motion) if not motion.is_accepting_votes(now) else None,
        "can_open": request.user.has_perm("governance.open_motion", motion),
    }, status=status)


@require_safe
@never_cache
def motion_detail(request, pk):
    return _detail(request, _motion_or_404(request.user, pk))


@require_POST
@never_cache
def motion_vote(request, pk):
    motion = _motion_or_404(request.user, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(motion.get_absolute_url())
    organisations = [organisation for organisation in selectors.voting_organisations(request.user, motion)
                     if organisation.vote is None]
    form = VoteForm(request.POST, motion=motion, organisations=organisations)
    if not organisations:
        refusals.show_refusal(request, PermissionDenied(refusals.why_not(
            request.user, "governance.vote_on_motion", motion) or _(
            "The organisations you represent have already voted on this motion.")))
        return redirect(motion.get_absolute_url())
    if form.is_valid():
        try:
            vote = services.vote_cast(motion=motion, by=request.user, **form.vote_fields())
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, _("The vote of %(organisation)s is recorded: %(option)s.") % {
                "organisation": vote.organisation.name, "option": vote.option.translated("label")})
            return redirect(f"{motion.get_absolute_url()}#your-vote")
    return _detail(request, motion, vote_form=form, status=400)


@require_http_methods(["GET", "HEAD", "POST"])
@refusals.permission_required("governance.edit_motions", _("Motions are written by the centre's editors."))
def motion_new(request):
    form = MotionForm(request.POST or None, request.FILES or None)
    if form.is_bound and form.is_valid():
        try:
            motion = services.motion_create(by=request.user, **form.motion_fields())
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, _("The motion is saved as a draft: open it for voting from its page."))
            return redirect(motion.get_absolute_url())
    return render(request, "governance/motions/motion_form.html", {"form": form},
                  status=400 if form.errors else 200)


@require_POST
def motion_open(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    motion = _motion_or_404(request.user, pk)
    try:
        services.motion_open(motion=motion, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("The motion is open: member organisations may vote until it closes."))
    return redirect(motion.get_absolute_url())
