"""Newsletter subscriptions (issue 15, point 4, first slice): the lists a person chooses, double opt-in,
the preference page reached from every newsletter e-mail, one-click unsubscribe (RFC 8058) and the
subscribers' personal data. Campaigns, their batched sending and bounces are not built yet."""
