"""Open calls, grants, members' calls and solution competitions: a call's own application form, applications
with drafts, versioned submissions and receipts, the jury's blind or open review, the ranking, the
decisions and the published results. Who may apply comes from accounts (verified participants) and
network (member representatives, organisations' categories)."""
