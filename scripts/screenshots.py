"""Screenshots of the pages a resident sees first, at a desktop's and a phone's width, for reviews and
release notes: ``python scripts/screenshots.py http://127.0.0.1:8000 docs/screenshots``.

Against a running demo (``make demo``): the home page, a consultation, an idea, a call, the 2021 plan
and a workshop's room screen, in Romanian, at 1280 and 390 px wide; the first screen of each page
(what one sees before scrolling). Uses Debian's chromium through Playwright, as the browser tests do.
"""

import re
import sys
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORTS = [(1280, 800), (390, 844)]  # a desktop, a phone


def first_link(base, path, pattern):
    """The first address on ``path`` that matches ``pattern`` (an idea of the consultation, say)."""
    page = urlopen(base + path, timeout=30).read().decode()
    match = re.search(pattern, page)
    if not match:
        raise SystemExit(f"no link matching {pattern} on {path}")
    return match.group(0)


def pages(base):
    return {
        "home": "/ro/",
        "process": "/ro/processes/cluj-for-youth-2030/",
        "idea": first_link(base, "/ro/processes/cluj-for-youth-2030/ideas/",
                           r"/ro/processes/cluj-for-youth-2030/ideas/\d+/"),
        "call": "/ro/calls/fix-cluj/",
        "plan": "/ro/plans/2021/",
        "room-screen": "/ro/workshops/world-cafe-timisoara-2020/screen/",
    }


def main(base="http://127.0.0.1:8000", folder="docs/screenshots"):
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for name, path in pages(base).items():
            for width, height in VIEWPORTS:
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                page.goto(base + path, wait_until="networkidle")
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target))
                print(f"{target}  {path}")
                context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
