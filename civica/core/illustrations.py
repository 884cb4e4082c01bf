"""Illustrations for the demo, drawn here from a seed: abstract compositions of circles, bands and
triangles in the platform's colours. Our own work, no photograph of anyone; their description says
they are illustrations. ``illustrate`` gives a row one (only when it has no image yet, so loading the
demo again does not pile up files)."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from civica.core.uploads import random_name

# The brand's burgundy and teal, with sand, ochre and their tints (static/css/tokens.css).
PALETTES = (
    ("#f3f1ec", "#8a1c3b", "#0b5c6b", "#d9a441", "#f4d6de"),
    ("#eef6f7", "#0b5c6b", "#8a1c3b", "#cfe5e8", "#d9a441"),
    ("#fbf1f4", "#5e1228", "#d9a441", "#f4d6de", "#0b5c6b"),
    ("#fff4d6", "#d9a441", "#0b5c6b", "#8a1c3b", "#eef6f7"),
)
ALT = "Ilustrație abstractă: cercuri, benzi și triunghiuri colorate (imagine de demonstrație)."


def draw(seed: str, *, width: int = 1200, height: int = 675) -> bytes:
    """A PNG composition, always the same for the same seed."""
    rng = random.Random(seed)
    background, *colours = rng.choice(PALETTES)
    image = Image.new("RGB", (width, height), background)
    canvas = ImageDraw.Draw(image)
    # A few wide bands across, then large circles and triangles over them.
    for _ in range(rng.randint(2, 3)):
        top = rng.randint(0, height)
        canvas.rectangle((0, top, width, top + rng.randint(height // 12, height // 4)), fill=rng.choice(colours))
    for _ in range(rng.randint(3, 5)):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        canvas.ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.choice(colours))
    for _ in range(rng.randint(1, 2)):
        points = [(rng.randint(0, width), rng.randint(0, height)) for _ in range(3)]
        canvas.polygon(points, fill=rng.choice(colours))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def illustrate(row, field: str = "image", *, seed: str | None = None) -> bool:
    """Give ``row`` an illustration in ``field`` (and its ``<field>_alt``) unless it has an image;
    saves the row (its renditions are drawn on save). Whether one was given."""
    if getattr(row, field):
        return False
    setattr(row, field, ContentFile(draw(seed or f"{row._meta.label_lower}:{row.pk}"), name=random_name("png")))
    setattr(row, f"{field}_alt", ALT)
    row.save()
    return True
