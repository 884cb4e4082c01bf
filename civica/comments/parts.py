"""The personal parts of a comment section (core/personal_parts.py): the form (or why not, with a
refused draft given back), each comment's buttons and reply form, and a hidden comment's text for its
author and moderators; the comments waiting for a moderator, for their authors and the moderators
(``comments.waiting``). The thread itself is the same for everyone and stays in the shared page.

A thread of fifty comments has fifty marks of each kind. Their permissions are worked out once for
the thread from the same predicates as the rules (rules.py: who is a participant, who moderates the
scope) plus each comment's own facts (author, live, edit window), and each distinct combination is
rendered once, with a stand-in id replaced by each comment's: a page costs a few small renders, not
two hundred permission checks and fifty templates."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.template.loader import get_template

from civica.accounts.predicates import is_participant
from civica.core import refusals
from civica.core.personal_parts import base_context, once, part, recall, remember
from civica.moderation.predicates import moderates
from civica.moderation.selectors import rejection_reasons

from .forms import CommentForm
from .models import Comment, CommentVote
from .predicates import comment_editable_now, comment_live, is_comment_author
from .section import pop_draft_once
from .selectors import unpublished_comments

# Stands for a comment's id in a combination rendered once; no real id is this long.
STAND_IN_ID = "918273645546372819"


def _comments(request, calls) -> dict:
    """The comments named by ``calls``, with the person's vote: one query for all the parts of a page
    (the comments loaded for the buttons serve the reply forms too)."""
    loaded = request.__dict__.setdefault("_civica_part_comments", {})
    ids = {int(args[0]) for args in calls if args and args[0].isdecimal()} - {int(pk) for pk in loaded}
    if ids:
        comments = Comment.objects.filter(pk__in=ids)
        if request.user.is_authenticated:
            comments = comments.annotate(my_vote=Subquery(
                CommentVote.objects.filter(comment=OuterRef("pk"), user=request.user).values("value")[:1]))
        else:
            comments = comments.annotate(my_vote=Value(None, output_field=IntegerField()))
        loaded.update({str(comment.pk): comment for comment in comments})
    return loaded


def _rendered_once_per_combination(template_name, request, calls, facts_of):
    """One render per distinct ``facts_of(comment)`` (None: nothing), the stand-in id replaced."""
    comments = _comments(request, calls)
    template = get_template(template_name)
    base = base_context(request)
    rendered, outputs = {}, []
    for args in calls:
        comment = comments.get(args[0])
        facts = facts_of(comment, args) if comment is not None else None
        if facts is None:
            outputs.append("")
            continue
        key = tuple(sorted(facts.items()))
        if key not in rendered:
            rendered[key] = template.render({**base, **facts, "comment_id": STAND_IN_ID})
        outputs.append(rendered[key].replace(STAND_IN_ID, args[0]))
    return outputs


@part("comments.actions")
def actions(request, calls):
    user = request.user
    if not user.is_authenticated:
        return [""] * len(calls)
    participant = is_participant.test(user)
    moderated_scopes = {}

    def facts_of(comment, args):
        scope = (comment.scope_type_id, comment.scope_id)
        if scope not in moderated_scopes:
            if comment.scope_type_id:  # the consultation another part of the page loaded, if one did
                loaded = recall(request, ContentType.objects.get_for_id(comment.scope_type_id).model_class(),
                                comment.scope_id)
                if loaded is not None:
                    comment.scope = loaded
            moderated_scopes[scope] = moderates.test(user, comment)
        author, live = is_comment_author.test(user, comment), comment_live.test(user, comment)
        return {
            "can_vote": participant and live and not author,
            "my_vote": comment.my_vote,
            "can_edit": participant and author and comment_editable_now.test(user, comment),
            "can_remove": author and live,
            "can_moderate": moderated_scopes[scope],
            "can_report": not author,
        }

    return _rendered_once_per_combination("comments/parts/actions.html", request, calls, facts_of)


def _target(request, content_type_id, target_id):
    """The thread's target (as another part of the page loaded it, if one did), or None if it is gone."""
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        target = recall(request, model, int(target_id))
        if target is None:
            target = remember(request, model._default_manager.get(pk=int(target_id)))
    except (ValueError, ObjectDoesNotExist):
        return None
    return target


def _may_comment(request, target) -> bool:
    return once(request, ("comments.may_comment", type(target), target.pk),
                lambda: request.user.has_perm("comments.post", target))


@part("comments.reply")
def reply(request, calls):
    """args: comment id, target's content type id, target id, the thread's post address."""
    if not request.user.is_authenticated:
        return [""] * len(calls)
    targets = {}

    def facts_of(comment, args):
        if len(args) < 4:
            return None
        if args[1:3] not in targets:
            targets[args[1:3]] = _target(request, args[1], args[2])
        target = targets[args[1:3]]
        if target is None or not _may_comment(request, target):
            return None
        draft = pop_draft_once(request, target) or {}
        opened = draft.get("parent") == args[0]
        return {"post_url": args[3], "draft_body": draft.get("body", "") if opened else "", "opened": opened}

    return _rendered_once_per_combination("comments/parts/reply.html", request, calls, facts_of)


@part("comments.form")
def form(request, calls):
    """args: the target's content type id, its id, the post address, "1" when comments take a position."""
    template = get_template("comments/parts/form.html")
    outputs = []
    for args in calls:
        target = _target(request, args[0], args[1]) if len(args) >= 4 else None
        if target is None:
            outputs.append("")
            continue
        can_comment = _may_comment(request, target)
        draft = pop_draft_once(request, target) or {}
        reply_draft = draft.get("parent")
        outputs.append(template.render({
            **base_context(request),
            "can_comment": can_comment,
            "comment_form": CommentForm(initial=draft) if draft and not reply_draft else CommentForm(),
            "comment_kept_text": draft.get("body", ""),
            "comment_refusal": None if can_comment else refusals.why_not(request.user, "comments.post", target),
            "comment_step": None if can_comment else refusals.next_step(request.user, "comments.post", target),
            "comment_remedy": None if can_comment else refusals.remedy(request.user, "comments.post", target),
            "comment_post_url": args[2],
            "with_alignment": args[3] == "1",
        }))
    return outputs


@part("comments.hidden")
def hidden(request, calls):
    """args: a comment's id, then as for a reply. A comment hidden while moderators review it: its
    text, buttons and reply form for its author and the moderators only."""
    comments = _comments(request, calls)
    template = get_template("comments/parts/hidden.html")
    outputs = []
    for args in calls:
        comment = comments.get(args[0])
        shown = comment is not None and request.user.is_authenticated and (
            is_comment_author.test(request.user, comment) or moderates.test(request.user, comment))
        target_type, target_id, post_url = (list(args[1:4]) + ["", "", ""])[:3]
        outputs.append(template.render({**base_context(request), "comment": comment, "shown": shown,
                                        "target_type": target_type, "target_id": target_id, "post_url": post_url}))
    return outputs


@part("comments.waiting")
def waiting(request, calls):
    """args: the target's content type id, its id. The comments on it that wait for a moderator (or
    were rejected, with the reason): the person's own, with an "awaiting review" badge; all of them,
    with a link to the waiting section, for its moderators. Nothing for anyone else."""
    if not request.user.is_authenticated:
        return [""] * len(calls)
    template = get_template("comments/parts/waiting.html")
    outputs = []
    for args in calls:
        target = _target(request, args[0], args[1]) if len(args) >= 2 else None
        if target is None:
            outputs.append("")
            continue
        moderator = moderates.test(request.user, target)
        comments = list(unpublished_comments(target=target, user=request.user, moderator=moderator))
        reasons = rejection_reasons(comments)
        for comment in comments:
            comment.rejection_reason = reasons.get(comment.pk, "")
        outputs.append(template.render({**base_context(request), "waiting_comments": comments,
                                        "moderator": moderator}) if comments else "")
    return outputs
