"""Meetings: public debates, workshops, conferences, network and board meetings, held in a typed place or
in one of the centre's spaces (network), with registrations, a waiting list, check-in, iCal feeds and
comments once a meeting has begun (registered in the comments app's ``registry.commentables``). World-café
workshops run on a meeting but are the workshops app's, which imports meetings, never the reverse."""
