"""The governance demo: the bodies' calls for seats (seat_calls/demo.py)."""

from .seat_calls import demo as seat_calls_demo


def load(log):
    seat_calls_demo.load(log)
