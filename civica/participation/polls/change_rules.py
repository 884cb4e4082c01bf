"""What may change in a poll once people have answered it: wording, yes; anything that would
make a recorded answer wrong, no. Plain data in, reasons out (like ``calls.form_rules``).

A question is a dict with ``text``, ``kind``, ``required`` and ``max_choices``."""

from django.utils.translation import gettext as _


def _name(question):
    return f"«{question['text']}»"


def question_change_problems(old: dict, new: dict, *, answered: bool) -> list[str]:
    if not answered:
        return []
    problems = []
    if new["kind"] != old["kind"]:
        problems.append(_("%(question)s has answers: its kind cannot change.") % {"question": _name(old)})
    if new["required"] and not old["required"]:
        problems.append(_("%(question)s has answers: an optional question cannot become required.")
                        % {"question": _name(old)})
    if new.get("max_choices") and (not old.get("max_choices") or new["max_choices"] < old["max_choices"]):
        problems.append(_("%(question)s has answers: the number of choices allowed cannot be lowered.")
                        % {"question": _name(old)})
    return problems


def question_removal_problems(old: dict, *, answered: bool) -> list[str]:
    if not answered:
        return []
    return [_("%(question)s has answers: it cannot be removed.") % {"question": _name(old)}]


def question_addition_problems(new: dict, *, poll_answered: bool) -> list[str]:
    if poll_answered and new["required"]:
        return [_("%(question)s: a question added once people have answered must be optional.")
                % {"question": _name(new)}]
    return []


def choice_removal_problems(question: dict, choice_text: str, *, answered: bool) -> list[str]:
    if not answered:
        return []
    return [_("«%(choice)s» was chosen by people who answered: it cannot be removed.") % {"choice": choice_text}]


def choice_addition_problems(question: dict, *, answered: bool) -> list[str]:
    if answered and question["kind"] == "ranking":
        return [_("%(question)s has answers: a choice added now would be missing from every ranking given.")
                % {"question": _name(question)}]
    return []
