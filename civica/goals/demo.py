"""The goals' demo: the 17 Sustainable Development Goals and the EU climate mission are made by a data
migration; a database emptied since (the browser tests') gets them again here, before the apps that tag
with them load their demo."""

from .models import Goal
from .the_goals import create_missing


def load(log):
    log(f"{create_missing(Goal)} goals")
