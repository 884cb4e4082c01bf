"""The governance app's demo data (``loaddemo``): the General Assembly's motion (motions/demo.py)."""

from .motions import demo as motions_demo


def load(log):
    motions_demo.load(log)
