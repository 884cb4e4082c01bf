"""What every app stands on and no capability owns.

The base templates (``base.html``, which every page extends; ``_pagination.html``, which every paginated
list includes) and the error pages (400, 403, 404, 429, 500); ``/healthz`` and the admin site (views.py,
admin_site.py); the one Markdown renderer (markup.py), CSV/XLSX writer (exports.py), number and money
format (formatting.py), bilingual field (i18n.py), query-string number reader (params.py), upload
handling with images' renditions (uploads.py), shown by ``{% responsive_image %}`` (templatetags/images.py),
and the demo's drawn illustrations (illustrations.py); the request guards (middleware.py) and the page
cache (page_cache.py); status changes (transitions.py), e-mails (mail.py), admin permissions
(permissions.py); and discovery.py, by which an app joins the demo data and download-my-data /
delete-my-account. core imports no other app."""
