"""Sign-up that does not tell whether an address already has an account.

allauth refuses a taken address on the form ("A user is already registered…") unless verification
is mandatory; here (verification is optional) the form accepts it, creates nothing, e-mails the
address's owner ("someone tried to sign up with your address: reset your password") and answers
with the same "check your e-mail" page a new account gets."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal.flows.email_verification import send_verification_email_to_address
from allauth.account.models import EmailAddress
from allauth.account.utils import filter_users_by_email
from django.shortcuts import redirect


class SignupForm(AllauthSignupForm):
    def validate_unique_email(self, value):
        email = get_adapter().clean_email(value)
        self.account_already_exists = bool(filter_users_by_email(email))
        return email

    def try_save(self, request):
        if not self.account_already_exists:
            return self.save(request), None
        # The owner is told (rate-limited per address, as allauth's verification e-mails are).
        address = EmailAddress(user=None, email=self.cleaned_data["email"])
        send_verification_email_to_address(request, address, signup=True)
        return None, redirect("account_email_verification_sent")
