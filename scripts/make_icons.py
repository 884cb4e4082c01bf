"""Draws the PNG and ICO fallbacks of Civica's mark (static/img/favicon.svg) with Pillow.

The files are committed; run again only when the mark changes: .venv/bin/python scripts/make_icons.py
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

IMG = Path(__file__).resolve().parents[1] / "static" / "img"
BRAND, WHITE, GOLD = "#8a1c3b", "#ffffff", "#ffbf47"
SCALE = 8  # drawn large, then reduced: smooth edges without an SVG renderer


def mark(size):
    """The mark as in favicon.svg (a 64-unit square): a rounded square, an open "C", a dot."""
    unit = size * SCALE / 64
    image = Image.new("RGBA", (size * SCALE, size * SCALE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 64 * unit - 1, 64 * unit - 1), radius=14 * unit, fill=BRAND)
    radius, width, gap = 16 * unit, 7 * unit, 40
    centre = 32 * unit
    outer = radius + width / 2
    box = (centre - outer, centre - outer, centre + outer, centre + outer)
    draw.arc(box, start=gap, end=360 - gap, fill=WHITE, width=round(width))
    for angle in (gap, -gap):  # round line caps, as stroke-linecap="round"
        x = centre + radius * math.cos(math.radians(angle))
        y = centre + radius * math.sin(math.radians(angle))
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=WHITE)
    dot = 5.5 * unit
    draw.ellipse((centre - dot, centre - dot, centre + dot, centre + dot), fill=GOLD)
    return image.resize((size, size), Image.LANCZOS)


def main():
    mark(32).save(IMG / "favicon-32.png", optimize=True)
    mark(180).save(IMG / "apple-touch-icon.png", optimize=True)
    mark(256).save(IMG / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
