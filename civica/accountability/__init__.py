"""Plans and results: the centre's annual and multi-year plans, their activities' progress, indicators and
budget, shown as public pages and as the plan document (HTML and tagged PDF), exported to and imported
from spreadsheets. Residents discuss a plan on its page (registered in the comments app's
``registry.commentables``); an activity can implement ideas of a consultation, and a workshop's action item
can become an activity."""
