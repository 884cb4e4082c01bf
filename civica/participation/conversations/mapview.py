"""The stored map (``opinion.map_as_data``) made into what the map page shows: groups lettered A, B, …
with their size and representative statements (texts read in one query), consensus statements,
where the person stands, and the 2-D map as accessible SVG (``<svg role="img">`` with a title and a
description naming every group; the figures are in the table beside it). Groups are told apart by
shape and letter, not by colour alone; the person's own place is ringed and labelled. Drawn with
attributes and classes only, no inline style (the site's CSP)."""

import random
import string

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.core.formatting import format_decimal

from .opinion import MAX_POINTS_DRAWN

SIZE, MARGIN = 420, 24
SHAPES = ("circle", "square", "triangle", "diamond", "cross")
COLOURS = ("#0b5c6b", "#8a1c3b", "#6b4e00", "#2f5d1e", "#4b2e83")  # tokens' dark hues, contrast ≥ 4.5 on white


def letter(number: int) -> str:
    return string.ascii_uppercase[number] if number < 26 else str(number + 1)


def _percent(share):
    return f"{round(share * 100)}%"


def map_page(data: dict | None, texts: dict, own_number: int | None) -> dict | None:
    """Plain context for the template; None when never computed."""
    if data is None:
        return None
    page = {"data": data, "too_few": data.get("too_few", True), "groups": [], "agreed": [], "rejected": [],
            "own_group": None, "svg": None}
    if page["too_few"]:
        return page
    for group in data["groups"]:
        page["groups"].append({
            "letter": letter(group["number"]), "number": group["number"], "size": group["size"],
            "shape": SHAPES[group["number"] % len(SHAPES)],
            "representative": [{"text": texts.get(item["statement"], ""), "agree": item["agree"],
                                "agree_share": _percent(item["agree_share"]),
                                "disagree_share": _percent(item["disagree_share"])}
                               for item in group["representative"]]})
    for item in data["consensus"]:
        row = {"text": texts.get(item["statement"], ""), "by_group": [
            {"letter": letter(group), "agree_share": _percent(agree), "disagree_share": _percent(disagree)}
            for group, agree, disagree in item["by_group"]]}
        page["agreed" if item["agree"] else "rejected"].append(row)
    own = next((point for point in data["points"] if point[0] == own_number), None)
    if own is not None:
        page["own_group"] = letter(own[3])
    page["svg"] = map_svg(data, own)
    return page


def _shape(kind, x, y, r, colour, css):
    if kind == "circle":
        return f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"/>'
    if kind == "square":
        return f'<rect class="{css}" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{colour}"/>'
    if kind == "triangle":
        return (f'<polygon class="{css}" points="{x:.1f},{y - r - 1:.1f} {x - r - 1:.1f},{y + r:.1f} '
                f'{x + r + 1:.1f},{y + r:.1f}" fill="{colour}"/>')
    if kind == "diamond":
        return (f'<polygon class="{css}" points="{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y:.1f} {x:.1f},'
                f'{y + r + 1:.1f} {x - r - 1:.1f},{y:.1f}" fill="{colour}"/>')
    return (f'<path class="{css}" d="M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}'
            f'L{x + r:.1f},{y - r:.1f}" stroke="{colour}" stroke-width="2"/>')


def map_svg(data: dict, own) -> str:
    points = data["points"]
    xs, ys = [point[1] for point in points], [point[2] for point in points]
    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    span = max(high_x - low_x, high_y - low_y, 1e-9)

    def place(x, y):
        inner = SIZE - 2 * MARGIN
        return (MARGIN + (x - low_x) / span * inner + (inner - (high_x - low_x) / span * inner) / 2,
                MARGIN + (high_y - y) / span * inner + (inner - (high_y - low_y) / span * inner) / 2)

    drawn = points
    if len(points) > MAX_POINTS_DRAWN:  # a fixed sample, so the picture does not change between loads
        drawn = random.Random(len(points)).sample(points, MAX_POINTS_DRAWN)
    body = [f'<rect x="0" y="0" width="{SIZE}" height="{SIZE}" fill="#ffffff" stroke="#6b7280"/>',
            f'<line class="chart-axis" x1="{SIZE / 2}" y1="8" x2="{SIZE / 2}" y2="{SIZE - 8}" stroke="#d1d5db"/>',
            f'<line class="chart-axis" x1="8" y1="{SIZE / 2}" x2="{SIZE - 8}" y2="{SIZE / 2}" stroke="#d1d5db"/>']
    for number, x, y, group in drawn:
        if own is not None and number == own[0]:
            continue
        body.append(_shape(SHAPES[group % len(SHAPES)], *place(x, y), 3, COLOURS[group % len(COLOURS)],
                           "opinion-point"))
    described = []
    for group in data["groups"]:
        members = [point for point in points if point[3] == group["number"]]
        centre = place(sum(point[1] for point in members) / len(members),
                       sum(point[2] for point in members) / len(members))
        body.append(f'<text class="chart-text opinion-group-label" x="{centre[0]:.1f}" y="{centre[1] - 8:.1f}" '
                    f'text-anchor="middle" font-size="20" font-weight="bold" fill="#1b1f24" stroke="#ffffff" '
                    f'stroke-width="4" paint-order="stroke">{letter(group["number"])}</text>')
        described.append(ngettext("group %(letter)s: %(count)s participant", "group %(letter)s: %(count)s participants",
                                  group["size"]) % {"letter": letter(group["number"]),
                                                    "count": format_decimal(group["size"], 0)})
    if own is not None:
        x, y = place(own[1], own[2])
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="none" stroke="#1b1f24" stroke-width="3"/>')
        body.append(_shape(SHAPES[own[3] % len(SHAPES)], x, y, 4, COLOURS[own[3] % len(COLOURS)], "opinion-point"))
        body.append(f'<text class="chart-text" x="{x + 11:.1f}" y="{y + 4:.1f}" font-size="13" fill="#1b1f24" '
                    f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(_("You"))}</text>')
        described.append(_("you are in group %(letter)s") % {"letter": letter(own[3])})
    title = _("Map of opinions: each mark is a participant, placed near those who vote like them")
    description = "; ".join(described)
    if len(points) > MAX_POINTS_DRAWN:
        description += "; " + _("%(drawn)s of %(total)s participants drawn") % {
            "drawn": MAX_POINTS_DRAWN, "total": format_decimal(len(points), 0)}
    return mark_safe(
        f'<svg class="chart opinion-map" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}" role="img" '
        f'aria-labelledby="opinion-map-title opinion-map-desc"><title id="opinion-map-title">{escape(title)}</title>'
        f'<desc id="opinion-map-desc">{escape(description)}.</desc>{"".join(body)}</svg>')
