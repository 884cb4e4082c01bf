"""Every refusal of the API as one JSON shape: RFC 9457 problem details (``application/problem+json``),
its ``title`` and ``detail`` in the caller's language, and for invalid parameters an ``errors`` list
naming each parameter with what is wrong with it. A refusal a program must tell apart from others (the
venues' API: ``wrong_code``, ``spent``…) carries a stable ``code`` too."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

PROBLEM_TYPE = "application/problem+json"


def problem(status: int, title: str, detail: str = "", *, errors=None, headers=None, code=None) -> JsonResponse:
    body = {"type": "about:blank", "title": title, "status": status}
    if code:
        body["code"] = code
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = JsonResponse(body, status=status, content_type=PROBLEM_TYPE, json_dumps_params={"ensure_ascii": False})
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _parameter(location) -> str:
    # pydantic's location: ("query", "page_size") or ("path", "slug"); the parameter is the last name.
    names = [str(part) for part in location if part not in ("query", "path", "header", "body")]
    return ".".join(names) or "?"


def _message(error: dict) -> str:
    """Pydantic's reason in the caller's language: the kinds our parameters can give, else its own text."""
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return _("This parameter is required.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Enter a whole number.")
    if kind == "greater_than_equal":
        return _("Enter a number of at least %(limit)s.") % {"limit": context.get("ge")}
    if kind == "less_than_equal":
        return _("Enter a number of at most %(limit)s.") % {"limit": context.get("le")}
    if kind in ("literal_error", "enum"):
        return _("Choose one of: %(choices)s.") % {"choices": context.get("expected", "")}
    if kind in ("string_too_long",):
        return _("At most %(limit)s characters.") % {"limit": context.get("max_length")}
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "finite_number"):
        return _("Enter a number.")
    if kind == "greater_than":
        return _("Enter a number greater than %(limit)s.") % {"limit": context.get("gt")}
    if kind in ("decimal_max_places", "decimal_max_digits", "decimal_whole_digits"):
        return _("Enter a number with at most two decimals and eight digits before them.")
    if kind == "string_too_short":
        return _("This parameter is required.")
    if kind in ("model_attributes_type", "dict_type", "json_invalid"):
        return _("Send a JSON object.")
    if kind in ("string_type", "string_pattern_mismatch", "string_unicode"):
        return _("This value is not valid here.")
    return str(error.get("msg") or _("This value is not valid here."))


def invalid_parameters(errors) -> JsonResponse:
    return problem(400, _("Some parameters are not valid."), errors=[
        {"parameter": _parameter(error.get("loc", ())), "message": _message(error)} for error in errors])
