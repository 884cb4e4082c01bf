"""Codes of the List of Historic Monuments (Lista monumentelor istorice, LMI), as the Ministry of Culture
writes them: ``CJ-II-m-A-07232`` — the county (its licence-plate code, ``B`` for Bucharest), the group
(I archaeology, II architecture, III public monuments, IV memorials), the form (``m`` monument, ``a``
ensemble, ``s`` site), the value (``A`` national, ``B`` local) and a five-digit number, with ``.01`` (and
``.01.02``) for a component of an ensemble or a site. ``normalise_lmi_code`` forgives the way people type
it (spaces, dashes of other widths, letters in the wrong case); ``validate_lmi_code`` accepts only the
written form."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

COUNTIES = frozenset({
    "AB", "AR", "AG", "B", "BC", "BH", "BN", "BT", "BV", "BR", "BZ", "CS", "CL", "CJ", "CT", "CV", "DB", "DJ",
    "GL", "GR", "GJ", "HR", "HD", "IL", "IS", "IF", "MM", "MH", "MS", "NT", "OT", "PH", "SM", "SJ", "SB", "SV",
    "TR", "TM", "TL", "VS", "VL", "VN",
})
LMI_PATTERN = re.compile(r"(?P<county>[A-Z]{1,2})-(?:I|II|III|IV)-[mas]-[AB]-\d{5}(?:\.\d{2}){0,2}")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})


def normalise_lmi_code(value: str) -> str:
    parts = re.sub(r"\s+", "", (value or "").translate(_DASHES)).split("-")
    if len(parts) != 5:
        return "".join(re.sub(r"\s+", "", value or "").translate(_DASHES))
    county, group, form, category, number = parts
    return "-".join([county.upper(), group.upper(), form.lower(), category.upper(), number])


def validate_lmi_code(value: str) -> None:
    match = LMI_PATTERN.fullmatch(value or "")
    if match is None or match.group("county") not in COUNTIES:
        raise ValidationError(_("Write the LMI code as in the List of Historic Monuments, such as "
                                "CJ-II-m-A-07232."), code="invalid_lmi")
