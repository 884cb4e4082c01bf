"""Calls for seats (issue 18, point 4): a body recruits through the calls app.

- ``services.seat_call_open``: an editor opens a draft call of the calls app (its form asks for the date
  of birth when the body has an age range, a motivation and the rules) with its ``SeatCall``: the body,
  the seats' role, how many seats and the term's length. The editor publishes and runs it on the calls
  app's screens like any call.
- ``outcome.py`` registers the calls app's outcome hooks (calls/outcomes.py), so calls never imports
  governance: the call's page says what the call leads to; a submission outside the body's age range is
  refused with the range and the applicant's age; a decision "accepted" (funded, with no money) starts a
  term for the applicant on a vacant seat of the body, or on a new seat while the body's size allows,
  and otherwise the decision is refused. Under a lock of the body's row, once per application
  (``SeatAppointment``): deciding twice never starts two terms. A decision changed away from accepted
  (before the results are published) removes the term the acceptance had started.
- ``selectors.open_seat_calls(body)``: the body's calls for seats open now, for the body's page
  (``governance/seat_calls/_open_calls.html``)."""
