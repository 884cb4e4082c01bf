"""Draws static/img/og-card.png, the 1200 × 630 picture link previews show for a page without an image
of its own (Open Graph and Twitter cards want a raster image; core/templatetags/seo.py names it).

Civica's mark (scripts/make_icons.py draws it) on the brand colour, the site's name and what it is for,
in DejaVu Sans (Debian's fonts-dejavu-core). The file is committed; run again only when the mark or the
words change: .venv/bin/python scripts/make_og_card.py
"""

from pathlib import Path

from make_icons import BRAND, GOLD, IMG, WHITE, mark
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONTS = Path("/usr/share/fonts/truetype/dejavu")


def main():
    card = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(card)
    # A band of the accent colour along the bottom, as the site's header ends.
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=GOLD)
    emblem = mark(220)
    card.paste(emblem, (96, 180), emblem)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 120)
    regular = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 40)
    draw.text((364, 180), "Civica", font=bold, fill=WHITE)
    draw.text((370, 330), "Imaginăm viitorul orașului!", font=regular, fill=WHITE)
    draw.text((370, 390), "Centrul Cultural Clujean · CIIC", font=regular, fill=GOLD)
    card.save(IMG / "og-card.png", optimize=True)


if __name__ == "__main__":
    main()
