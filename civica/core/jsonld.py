"""schema.org JSON-LD in a page (moved out of the archive for the heritage inventory, issue 23): the JSON
escaped for a ``<script type="application/ld+json">`` data block (``json_script``-style: ``<``, ``>`` and
``&`` as \\u escapes), which browsers never run, so the CSP is unchanged."""

import json

from django.utils.safestring import mark_safe

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def as_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above
