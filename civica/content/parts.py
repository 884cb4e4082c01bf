"""The personal parts of the home page (core/personal_parts.py): the hero's "Create an account" button,
shown to visitors only, and the "Your account" card's link (the profile for a signed-in person, the
sign-up page for a visitor). The rest of the page is the same for everyone and is kept whole; the
header's parts (account menu, staff dashboard link, unread count) are core's."""

from civica.core.personal_parts import template_part

template_part("content.signup_button", "content/parts/signup_button.html", lambda request: {})
template_part("content.account_card", "content/parts/account_card.html", lambda request: {})
