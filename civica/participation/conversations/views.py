"""The conversation's pages: voting one statement at a time (htmx swaps the voting box; without JavaScript
the same forms post and redirect), submitting a statement, the map, the public Pol.is export; and the
staff's screen (settings, seeding, the waiting statements and the shown ones with the forms of
``civica.moderation``, which decides, Pol.is import and the full export). Bad input answers 400 with the
page and what was typed; refusals 403 with their reason."""

import io
import zipfile
from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import personal_parts, refusals
from civica.moderation.selectors import rejection_reasons

from ..lookups import process_for_action_or_404, process_or_404
from . import mapview, selectors, services, tasks
from .forms import ConversationForm, ImportForm, SeedForm, StatementForm, VoteForm
from .models import Conversation
from .polis import polis_files, polis_import, read_uploaded

LATEST_VOTES = 10  # the votes the voting box lists after an htmx vote
# As votes hold them; their labels translated once a request (the list of votes repeats them).
VOTE_CHOICES = [(int(value), label) for value, label in VoteForm.base_fields["choice"].choices]


def _conversation_or_404(request, slug, conversation_id, *, for_action=False, with_map=False):
    """``for_action``: a form's post, which needs the consultation's phases only (its permissions);
    ``with_map``: the page reads the map last computed."""
    process = (process_for_action_or_404 if for_action else process_or_404)(slug, request.user)
    conversation = selectors.conversation_for_page(process=process, conversation_id=conversation_id,
                                                   with_map=with_map)
    if conversation is None:
        raise Http404
    return process, conversation


@lru_cache(maxsize=4096)  # a conversation of 200 statements in two languages holds 1,200
def _vote_item(statement_id: int, text: str, choice: int, language: str, vote_url: str) -> str:
    """One vote of the list, with the buttons that change it: the same for everyone who voted so on that
    statement, so rendered once per process and language (rendering ten of them was a third of a vote's CPU)."""
    choices = [(value, str(label)) for value, label in VOTE_CHOICES]
    return personal_parts.render_for_anyone("participation/conversations/_vote_item.html", {
        "statement_id": statement_id, "text": text, "choice": choice, "choice_label": dict(choices)[choice],
        "choices": choices, "vote_url": vote_url})


def _vote_items(request, votes, vote_url) -> list[str]:
    """The list's items for ``votes``, the request's CSRF token put in each form."""
    language = get_language()
    return [personal_parts.with_csrf_token(
        request, _vote_item(vote.statement_id, vote.statement.text, vote.choice, language, vote_url)) for vote in votes]


def _voting_context(request, process, conversation, participant_id, vote_form, statement=None):
    """What the voting box shows: the next statement with its form (``statement``: the caller found it), or why
    this person may not vote."""
    statement = statement or selectors.next_statement(conversation, participant_id)
    if statement is not None:
        statement.conversation = conversation  # its permission checks read the conversation already loaded
    vote_refusal = refusals.why_not(request.user, "participation.vote_statement", statement) if statement else None
    return {
        "process": process, "conversation": conversation, "statement": statement,
        "vote_form": vote_form or VoteForm(initial={"statement": statement.pk if statement else None}),
        "vote_refusal": vote_refusal, "choices": [(value, str(label)) for value, label in VOTE_CHOICES],
        "vote_url": reverse("participation:conversation_vote", args=[process.slug, conversation.pk]),
    }


def _voting_box(request, process, conversation, participant_id, *, vote_form=None, status=200):
    """The voting box alone, htmx's answer: no layout, and only the latest votes (the whole list, every
    time, made a person's 200th vote cost 200 forms); the page itself lists them all."""
    statement, latest = selectors.voting_box(conversation, participant_id, latest=LATEST_VOTES + 1)
    context = _voting_context(request, process, conversation, participant_id, vote_form, statement)
    my_votes = latest[:LATEST_VOTES]
    context.update({"my_votes": my_votes, "more_votes": len(latest) > LATEST_VOTES,
                    "vote_items": _vote_items(request, my_votes, context["vote_url"])})
    return render(request, "participation/conversations/_voting.html", context, status=status)


def _detail(request, process, conversation, *, vote_form=None, statement_form=None, status=200):
    """The conversation's page, or (htmx) its voting box alone."""
    participant = selectors.participant_of(conversation, request.user)
    participant_id = participant.pk if participant else None
    if request.headers.get("HX-Request"):
        return _voting_box(request, process, conversation, participant_id, vote_form=vote_form, status=status)
    context = _voting_context(request, process, conversation, participant_id, vote_form)
    context["participant"] = participant
    context["my_votes"] = selectors.votes_of(participant_id)
    context["vote_items"] = _vote_items(request, context["my_votes"], context["vote_url"])
    my_statements = selectors.statements_of(participant)
    reasons = rejection_reasons(my_statements)  # what the author is told of a rejection (moderation's log)
    for item in my_statements:
        item.rejection_reason = reasons.get(item.pk, "")
    context.update({
        "statement_form": statement_form or StatementForm(),
        "statement_refusal": refusals.why_not(request.user, "participation.submit_statement", conversation),
        "statement_count": selectors.shown_statement_count(conversation), "my_statements": my_statements,
        "can_review": request.user.has_perm("participation.moderate_conversation", conversation),
    })
    return render(request, "participation/conversations/conversation_detail.html", context, status=status)


@require_safe
def conversation_detail(request, slug, conversation_id):
    process, conversation = _conversation_or_404(request, slug, conversation_id)
    return _detail(request, process, conversation)


@require_POST
def conversation_vote(request, slug, conversation_id):
    """A vote: the consultation with its phases, then the statement with its conversation in one query;
    the conversation alone is read when there is no such statement (or no one signed in)."""
    form = VoteForm(request.POST)
    statement = None
    if request.user.is_authenticated and form.is_valid():
        statement = selectors.statement_for_vote_by_address(slug=slug, conversation_id=conversation_id,
                                                            statement_id=form.cleaned_data["statement"])
        if statement is not None and not request.user.has_perm("participation.read_process",
                                                                statement.conversation.process):
            statement = None  # answered below as for any consultation this person may not read: not found
    if statement is None:
        process = process_for_action_or_404(slug, request.user)
        conversation = selectors.conversation_for_page(process=process, conversation_id=conversation_id)
        if conversation is None:
            raise Http404
        if not request.user.is_authenticated:
            return redirect_to_login(conversation.get_absolute_url())
        if form.is_valid():
            form.add_error("statement", _("This is not a statement of the conversation."))
        return _detail(request, process, conversation, vote_form=form, status=400)
    conversation = statement.conversation
    process = conversation.process
    try:
        vote = services.vote_cast(statement=statement, by=request.user, choice=form.cleaned_data["choice"])
    except refusals.REFUSALS as refused:
        form.add_error(None, refusals.refusal_message(refused))
        return _detail(request, process, conversation, vote_form=form,
                       status=403 if isinstance(refused, PermissionDenied) else 400)
    if request.headers.get("HX-Request"):
        return _voting_box(request, process, conversation, vote.participant_id)
    return redirect(conversation.get_absolute_url() + "#voting")


@require_POST
def conversation_statement(request, slug, conversation_id):
    process, conversation = _conversation_or_404(request, slug, conversation_id)
    if not request.user.is_authenticated:
        return redirect_to_login(conversation.get_absolute_url())
    form = StatementForm(request.POST)
    if form.is_valid():
        try:
            services.statement_submit(conversation=conversation, by=request.user, text=form.cleaned_data["text"])
        except refusals.REFUSALS as refused:
            form.add_error(None, refusals.refusal_message(refused))
            return _detail(request, process, conversation, statement_form=form,
                           status=403 if isinstance(refused, PermissionDenied) else 400)
        messages.success(request, _("Thank you: your statement is awaiting review by a moderator."))
        return redirect(conversation.get_absolute_url() + "#my-statements")
    return _detail(request, process, conversation, statement_form=form, status=400)


@require_safe
def conversation_map(request, slug, conversation_id):
    process, conversation = _conversation_or_404(request, slug, conversation_id, with_map=True)
    data = conversation.map_data
    ids = set()
    for group in (data or {}).get("groups", []):
        ids.update(item["statement"] for item in group["representative"])
    ids.update(item["statement"] for item in (data or {}).get("consensus", []))
    participant = selectors.participant_of(conversation, request.user)
    return render(request, "participation/conversations/conversation_map.html", {
        "process": process, "conversation": conversation, "participant": participant,
        "due": tasks.recomputation_due(conversation),
        "map": mapview.map_page(data, selectors.statement_texts(conversation, ids) if ids else {},
                                participant.number if participant else None),
    })


def _zip_response(files, filename):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def conversation_export(request, slug, conversation_id):
    """The public Pol.is export: pseudonym numbers, no names, no text of statements taken out."""
    process, conversation = _conversation_or_404(request, slug, conversation_id, with_map=True)
    return _zip_response(polis_files(conversation, public=True), f"conversation-{conversation.pk}-polis.zip")


# --- The staff's screens -------------------------------------------------------------------------

def _staff_conversation(request, slug, conversation_id, permission, *, with_map=False):
    process, conversation = _conversation_or_404(request, slug, conversation_id, with_map=with_map)
    if not request.user.has_perm(permission, conversation):
        raise PermissionDenied(_("Only the moderators and editors of this consultation may do this."))
    return process, conversation


def _staff_page(request, process, conversation, *, forms=None, status=200):
    forms = forms or {}
    user = request.user
    return render(request, "participation/conversations/conversation_staff.html", {
        "process": process, "conversation": conversation,
        "can_manage": user.has_perm("participation.manage_conversation", conversation),
        "waiting": selectors.waiting_statements(conversation),
        "statements": selectors.statements_for_staff(conversation),
        "seed_form": forms.get("seed") or SeedForm(), "import_form": forms.get("import") or ImportForm(),
    }, status=status)


def conversation_staff(request, slug, conversation_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    process, conversation = _staff_conversation(request, slug, conversation_id, "participation.moderate_conversation")
    return _staff_page(request, process, conversation)


@require_POST
def statements_seed(request, slug, conversation_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    process, conversation = _staff_conversation(request, slug, conversation_id, "participation.manage_conversation")
    form = SeedForm(request.POST)
    if form.is_valid():
        try:
            added = services.statements_seed(conversation=conversation, by=request.user,
                                             texts=form.cleaned_data["texts"].splitlines())
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, _("%(count)s statements added.") % {"count": len(added)})
            return redirect("participation:conversation_staff", slug=process.slug, conversation_id=conversation.pk)
    return _staff_page(request, process, conversation, forms={"seed": form}, status=400)


@require_POST
def conversation_import(request, slug, conversation_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    process, conversation = _staff_conversation(request, slug, conversation_id, "participation.manage_conversation")
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            export = read_uploaded(votes_file=form.cleaned_data["votes_file"],
                                   comments_file=form.cleaned_data["comments_file"])
            summary = polis_import(conversation=conversation, by=request.user, export=export)
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, _("Imported %(statements)s statements, %(participants)s participants and "
                                        "%(votes)s votes; the map has %(groups)s groups.") % summary)
            return redirect("participation:conversation_map", slug=process.slug, conversation_id=conversation.pk)
    return _staff_page(request, process, conversation, forms={"import": form}, status=400)


@require_safe
def conversation_staff_export(request, slug, conversation_id):
    """The moderators' Pol.is export: with the text of statements taken out or waiting."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    process, conversation = _staff_conversation(request, slug, conversation_id,
                                                "participation.export_conversation_full", with_map=True)
    return _zip_response(polis_files(conversation, public=False), f"conversation-{conversation.pk}-polis-full.zip")


def conversation_edit(request, slug, conversation_id=None):
    """The editors' settings of a conversation (new, or an existing one)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    process = process_or_404(slug, request.user)
    conversation = None
    if conversation_id is not None:
        conversation = selectors.conversation_for_page(process=process, conversation_id=conversation_id,
                                                       with_map=True)
        if conversation is None:
            raise Http404
    if not request.user.has_perm("participation.manage_conversation", process):
        raise PermissionDenied(_("Only the centre's editors run consultations."))
    form = ConversationForm(request.POST or None, instance=conversation or Conversation(process=process),
                            process=process)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in services.CONVERSATION_FIELDS}
            try:
                conversation = services.conversation_save(
                    process=process, by=request.user, phase=form.cleaned_data["phase"], conversation=conversation,
                    **values)
            except refusals.REFUSALS as refused:
                refusals.add_to_form(form, refused)
            else:
                messages.success(request, _("The conversation is saved."))
                return redirect("participation:conversation_staff", slug=process.slug, conversation_id=conversation.pk)
        status = 400
    return render(request, "participation/conversations/conversation_form.html", {
        "process": process, "conversation": conversation, "form": form}, status=status)


