"""Who may do what with the newsletter's campaigns. One line a permission.

Subscribing, confirming, the preference page and unsubscribing need no permission (a signed link is
what authorises them). The centre's editors (administrators too) compose campaigns, preview them, send
a test to themselves, schedule, cancel and send them."""

import rules

from civica.accounts.predicates import is_editor

rules.add_perm("newsletter.manage_campaigns", is_editor)
rules.add_perm("newsletter.edit_campaign", is_editor)
rules.add_perm("newsletter.send_campaign", is_editor)
