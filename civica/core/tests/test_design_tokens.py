"""The design system's colour tokens (static/css/tokens.css) meet WCAG AA where text sits on a background,
and the static files every page links (stylesheets, script, icons) exist."""

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[3] / "static"
TOKENS = STATIC / "css" / "tokens.css"

# (text, background, the least ratio): every pair the stylesheets put text on. 4.5:1 for text; 3:1 for
# large text and for the parts of controls (a field's border) — WCAG 2.2, 1.4.3 and 1.4.11.
PAIRS = [
    ("ink", "paper", 4.5),
    ("ink", "soft", 4.5),
    ("ink", "sunken", 4.5),
    ("ink", "brand-tint", 4.5),
    ("ink", "accent-tint", 4.5),
    ("ink", "warning-bg", 4.5),
    ("ink", "success-bg", 4.5),
    ("ink", "error-bg", 4.5),
    ("ink", "highlight", 4.5),
    ("muted", "paper", 4.5),
    ("muted", "soft", 4.5),
    ("muted", "sunken", 4.5),
    ("accent", "paper", 4.5),
    ("accent", "soft", 4.5),
    ("accent", "accent-tint", 4.5),
    ("accent", "warning-bg", 4.5),
    ("brand", "paper", 4.5),
    ("brand", "brand-tint", 4.5),
    ("brand-dark", "paper", 4.5),
    ("brand-dark", "accent-tint", 4.5),
    ("error", "paper", 4.5),
    ("error", "error-bg", 4.5),
    ("on-brand", "brand", 4.5),
    ("on-brand", "brand-dark", 4.5),
    ("on-brand", "accent", 4.5),
    ("on-brand", "error", 4.5),
    ("on-brand", "ink", 4.5),
    ("on-dark", "dark", 4.5),
    ("link-on-dark", "dark", 4.5),
    ("line-strong", "paper", 3),
    ("focus", "brand", 3),
    ("focus", "ink", 3),
]


def tokens():
    """The colour custom properties of tokens.css: {"ink": "#1b1f24", …}."""
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\b", TOKENS.read_text()))


def luminance(colour):
    """Relative luminance of an sRGB colour "#rrggbb" (WCAG 2.2 definition)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_computed_as_wcag_says():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("text", "background", "least"), PAIRS, ids=[f"{t}-on-{b}" for t, b, _ in PAIRS])
def test_text_colours_meet_wcag_aa(text, background, least):
    colours = tokens()
    ratio = contrast(colours[text], colours[background])
    assert ratio >= least, f"--{text} on --{background}: {ratio:.2f}:1, needs {least}:1"


def test_the_stylesheets_use_only_declared_tokens():
    declared = set(tokens()) | set(re.findall(r"--([\w-]+):", TOKENS.read_text()))
    for sheet in (STATIC / "css").glob("*.css"):
        used = set(re.findall(r"var\(--([\w-]+)", sheet.read_text()))
        assert used <= declared, f"{sheet.name} uses undeclared tokens: {sorted(used - declared)}"


@pytest.mark.parametrize("name", [
    "css/tokens.css", "css/base.css", "css/layout.css", "css/components.css", "css/pages.css",
    "js/menu.js", "img/favicon.svg", "img/favicon-32.png", "img/favicon.ico", "img/apple-touch-icon.png",
    "img/mark-inverse.svg", "img/logo.svg",
])
def test_the_design_systems_files_exist(name):
    assert (STATIC / name).is_file()


def test_favicon_ico_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.ico")
