"""A remarkable site's panel: its QR code and the printable PDF.

- ``site_url(site)``: the site's page in Romanian (the panel's language first; the page offers English),
  absolute (``CIVICA_BASE_URL``): what the QR code holds, printed under it too.
- ``qr_svg(site)``: the QR code (segno, SVG), error correction "q" so a weathered panel still scans.
- ``panel_html(site)`` / the view's PDF: A4, the network's name, the site's name and panel text in
  Romanian and English, the QR code and its address; rendered by WeasyPrint through the queue's stored
  PDFs (``queue.responses.pdf_response``: once per version of its HTML)."""

import base64
import io

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def site_url(site) -> str:
    with translation.override("ro"):
        return settings.CIVICA_BASE_URL + reverse("heritage:site", args=[site.slug])


def qr_svg(site, *, scale: int = 6) -> str:
    buffer = io.BytesIO()
    segno.make(site_url(site), error="q").save(buffer, kind="svg", scale=scale, xmldecl=False, svgns=True,
                                               title=site.name_ro)
    return buffer.getvalue().decode()


def panel_html(site) -> str:
    svg = qr_svg(site, scale=8)
    with translation.override("ro"):
        return render_to_string("heritage/panel.html", {
            "site": site, "url": site_url(site),
            "qr": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
        })
