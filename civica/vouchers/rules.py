"""Who may do what with the vouchers. One line a permission; predicates in predicates.py.

- The public sees the open programmes and the offers their vouchers buy; the holder of a code sees that
  voucher's page (the code is the key: no permission, no account).
- Editors set programmes, venues and offers up (the admin) and open and close a programme; its staff
  do that too, and they alone with the referrers see beneficiaries: they cancel and re-issue vouchers and
  reverse a mistaken redemption (issue 22: beneficiaries' data is seen by their referrer and the
  programme's staff only).
- A referrer registers beneficiaries in an open programme and sees only those they registered.
- Venue staff redeem at their own venue only (not editors: redemption is the venue's act); a venue's API
  token does what its staff do there, nothing else. Its tokens are made and revoked by the venue's staff
  and by the staff of a programme that accepts the venue.
- A programme's staff issue vouchers in bulk while it is open.
- Settlement statements (issue 22, point 7): the programme's staff prepare, approve and mark them paid; a
  venue's staff see their own venue's statements only. The programme's dashboard is for its staff and the
  editors (aggregates, no person); its published figures are public.
- Residents apply online (signed in, e-mail verified) to a programme that takes applications, keep a
  draft, submit it, withdraw it until it is decided; the programme's staff approve or refuse it.
- The staff's screens: editors create programmes; editors and a programme's staff edit it, its eligibility
  questions, add venues to it and set who the staff of those venues are; a venue's staff publish their
  offers and propose them to the venue's programmes, whose staff accept or decline them."""

import rules
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_editor, is_verified
from civica.core import refusals
from civica.core.permissions import add_admin_perms
from civica.core.refusals import Requirements

from .predicates import (
    application_is_draft,
    application_is_submitted,
    application_is_undecided,
    application_programme_takes_applications,
    is_applicant,
    is_person_on_venue_staff,
    is_programme_staff,
    is_referrer,
    is_staff_of_offer_venue,
    is_staff_of_some_programme,
    is_staff_of_statement_venue,
    is_staff_of_venue,
    is_venue_staff,
    programme_is_open,
    redemption_not_reversed,
    referred_this,
    refers_or_runs_some_programme,
    runs_a_programme_of_venue,
    runs_programme_accepting,
    runs_some_programme,
    statement_is_draft,
    takes_applications,
)

runs_programme = is_editor | is_programme_staff

rules.add_perm("vouchers.run_programme", runs_programme)
rules.add_perm("vouchers.manage_voucher", is_programme_staff)
refusals.add_perm("vouchers.refer", Requirements(
    (rules.is_authenticated, gettext_lazy("Log in to register a beneficiary.")),
    (is_referrer | is_programme_staff, gettext_lazy(
        "Beneficiaries are registered by the programme's referring partners and staff."), "referrer"),
    (programme_is_open, gettext_lazy("This programme issues no vouchers now."), "open"),
))
rules.add_perm("vouchers.see_beneficiary", referred_this | is_programme_staff)
rules.add_perm("vouchers.use_referrals", refers_or_runs_some_programme)
refusals.add_perm("vouchers.redeem", Requirements(
    (rules.is_authenticated, gettext_lazy("Log in to redeem vouchers.")),
    (is_staff_of_venue, gettext_lazy("Only this venue's staff redeem vouchers here."), "venue_staff"),
))
rules.add_perm("vouchers.use_redeem_page", is_venue_staff)
refusals.add_perm("vouchers.manage_venue_tokens", Requirements(
    (rules.is_authenticated, gettext_lazy("Log in to manage a venue's API tokens.")),
    (is_person_on_venue_staff | runs_programme_accepting, gettext_lazy(
        "A venue's API tokens are managed by its staff and by the staff of a programme that accepts it."), "staff"),
))
refusals.add_perm("vouchers.issue_in_bulk", Requirements(
    (rules.is_authenticated, gettext_lazy("Log in to issue vouchers.")),
    (is_programme_staff, gettext_lazy("Only the programme's staff issue vouchers in bulk."), "staff"),
    (programme_is_open, gettext_lazy("This programme issues no vouchers now."), "open"),
))
refusals.add_perm("vouchers.reverse_redemption", Requirements(
    (is_programme_staff, gettext_lazy("Only the programme's staff reverse a redemption."), "staff"),
    (redemption_not_reversed, gettext_lazy("This redemption is already reversed."), "not_reversed"),
))
rules.add_perm("vouchers.see_dashboard", runs_programme)
rules.add_perm("vouchers.use_statements", runs_some_programme | is_venue_staff)
rules.add_perm("vouchers.see_statement", is_programme_staff | is_staff_of_statement_venue)
refusals.add_perm("vouchers.prepare_statements", Requirements(
    (is_programme_staff, gettext_lazy("Only the programme's staff prepare its settlement statements."), "staff"),
))
refusals.add_perm("vouchers.approve_statement", Requirements(
    (is_programme_staff, gettext_lazy("Only the programme's staff approve a settlement statement."), "staff"),
    (statement_is_draft, gettext_lazy("This statement is approved already."), "draft"),
))
rules.add_perm("vouchers.pay_statement", is_programme_staff)

# Residents' online applications.
refusals.add_perm("vouchers.apply", Requirements(
    (rules.is_authenticated, gettext_lazy("Log in to apply for a voucher.")),
    (is_verified, gettext_lazy("Verify your e-mail address to apply for a voucher.")),
    (takes_applications, gettext_lazy("This programme takes no applications now."), "takes_applications"),
))
rules.add_perm("vouchers.see_application", is_applicant | is_programme_staff)
refusals.add_perm("vouchers.edit_application", Requirements(
    (is_applicant, gettext_lazy("This application is not yours."), "applicant"),
    (application_is_draft, gettext_lazy("This application is no longer a draft: it cannot be changed."), "draft"),
    (application_programme_takes_applications, gettext_lazy("This programme takes no applications now."),
     "takes_applications"),
))
refusals.add_perm("vouchers.submit_application", refusals.requirements("vouchers.edit_application"))
refusals.add_perm("vouchers.withdraw_application", Requirements(
    (is_applicant, gettext_lazy("This application is not yours."), "applicant"),
    (application_is_undecided, gettext_lazy(
        "This application is decided or withdrawn already: it cannot be withdrawn."), "undecided"),
))
rules.add_perm("vouchers.review_applications", is_programme_staff)
refusals.add_perm("vouchers.review_application", Requirements(
    (is_programme_staff, gettext_lazy("Only the programme's staff decide on applications."), "staff"),
    (application_is_submitted, gettext_lazy("This application is not waiting for a decision (withdrawn or "
                                            "decided meanwhile)."), "submitted"),
))

# The staff's screens.
rules.add_perm("vouchers.create_programme", is_editor)
rules.add_perm("vouchers.use_staff_screens", is_editor | is_staff_of_some_programme)
rules.add_perm("vouchers.edit_venue", is_editor | runs_a_programme_of_venue)
rules.add_perm("vouchers.publish_offer", is_staff_of_venue)
rules.add_perm("vouchers.edit_offer", is_staff_of_offer_venue)
rules.add_perm("vouchers.accept_offer", is_programme_staff)

add_admin_perms("vouchers", ["voucherprogramme", "venue", "offer", "programmerole", "venuestaff",
                              "eligibilityquestion"], is_editor)
# Vouchers, beneficiaries and redemptions are not in the admin: they change only through the services,
# and beneficiaries are seen by their referrer and the programme's staff only.
