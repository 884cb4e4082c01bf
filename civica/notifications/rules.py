"""Who may follow: any active signed-in person (unverified people too: following writes nothing others see)."""

import rules

rules.add_perm("notifications.follow", rules.is_authenticated & rules.is_active)
