"""The bodies that govern and advise the centre: the General Assembly of members, the Board of Directors,
the CIIC Board and the Youth Consultative Council, with their seats, terms, motions and votes."""
