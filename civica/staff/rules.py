"""Who may open the staff dashboard: who has staff work (predicates.py). What each person sees on it is
decided item by item in selectors.py, from the same predicates the apps' own rules use."""

import rules

from .predicates import has_staff_work

rules.add_perm("staff.view_dashboard", has_staff_work)
