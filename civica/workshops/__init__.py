"""World-café workshops, run on a meeting: notes captured live at the tables, harvested into themes
(``insights.themes``), dot-voted, and turned into an action plan whose items can become activities of an
accountability plan. Moved out of meetings; it imports meetings and accountability, never the reverse, and
its demo loads after theirs (INSTALLED_APPS order)."""
