"""The site's own pages: the home page (open consultations, programmes and the centre's figures, read from
participation and network), the accessibility statement and the privacy notice. Pages, news and the
newsletter will join it."""
