"""How fast user text becomes safe HTML (Markdown + nh3). Prints figures; asserts nothing.

Run: make bench   (or .venv/bin/python bench/bench_markup.py)
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from civica.core.markup import render_markdown  # noqa: E402

PARAGRAPH = (
    "Propun ca **Parcul Feroviarilor** să aibă mai multe bănci și [un loc de joacă](https://example.org). "
    "<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n- un punct\n- alt punct\n\n"
)
SIZES = {"short comment (≈300 chars)": PARAGRAPH, "idea body (≈10,000 chars)": PARAGRAPH * 33}


def measure(text, repeat):
    start = time.perf_counter()
    for _ in range(repeat):
        render_markdown(text)
    return (time.perf_counter() - start) / repeat


for label, text in SIZES.items():
    repeat = 2000 if len(text) < 1000 else 200
    # A new text each time (as a first view) and the same text again (served from the render cache).
    texts = [f"{index} {text}" for index in range(repeat)]
    start = time.perf_counter()
    for item in texts:
        render_markdown(item)
    seconds = (time.perf_counter() - start) / repeat
    print(f"markup  {label:<28} {seconds * 1e6:9.1f} µs/render  {1 / seconds:9.0f} renders/s  (new text)")
    seconds = measure(text, repeat)
    print(f"markup  {label:<28} {seconds * 1e6:9.1f} µs/render  {1 / seconds:9.0f} renders/s  (shown again)")
