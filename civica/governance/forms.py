"""The staff's forms for the bodies: a body, a seat, a term begun or ended, a meeting held by the body,
a decision, an objective. Each lays its fields out in ``SECTIONS`` (a group of ``_ro`` fields is shown
beside its ``_en`` twins); the services decide, and their refusals are shown by the fields they name."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from civica.core.forms import SectionsMixin
from civica.meetings.models import Meeting
from civica.network.models import Organisation

from .models import Body, BodyMeeting, BodyObjective, Decision, Seat

DATE_WIDGET = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}




class BodyForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("Name"), ["name_ro"]), (_("The body"), ["slug", "role", "position", "established_on",
                                                           "is_open_to_new_members",
                                                           "reviews_membership_applications"]),
                (_("Description"), ["description_ro"]),
                (_("Its rules"), ["size", "term_months", "held_by", "min_age", "max_age"]),
                (_("Who may hold a seat"), ["eligibility_ro"]))

    class Meta:
        model = Body
        fields = ["name_ro", "name_en", "slug", "role", "position", "established_on", "is_open_to_new_members",
                  "reviews_membership_applications", "description_ro", "description_en", "size", "term_months",
                  "held_by", "min_age", "max_age", "eligibility_ro", "eligibility_en"]
        widgets = {"established_on": DATE_WIDGET["widget"]} | {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("description_ro", "description_en", "eligibility_ro", "eligibility_en")}


class SeatForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("The seat"), ["role", "position"]), (_("Reserved for"), ["label_ro"]))

    class Meta:
        model = Seat
        fields = ["role", "position", "label_ro", "label_en"]


class TermForm(SectionsMixin, forms.Form):
    """Who takes the seat: a name shown publicly and, when they have an account, its e-mail (the term is
    then in their personal data)."""

    SECTIONS = ((_("The holder"), ["holder_name", "holder_email", "organisation", "born_on"]),
                (_("The term"), ["starts_on", "ends_on", "is_fictional"]))

    holder_name = forms.CharField(label=_("Name shown publicly"), max_length=200)
    holder_email = forms.EmailField(label=_("E-mail of their account"), required=False,
                                    help_text=_("Optional: the term is then part of their personal data."))
    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=Organisation.objects.order_by("name"),
                                          required=False, empty_label=_("In their own right"))
    born_on = forms.DateField(label=_("Date of birth"), required=False, **DATE_WIDGET,
                              help_text=_("Needed when the body has an age range; checked, not kept."))
    starts_on = forms.DateField(label=_("From"), **DATE_WIDGET)
    ends_on = forms.DateField(label=_("To"), required=False, **DATE_WIDGET,
                              help_text=_("Empty: the body's term length, or no end when it has none."))
    is_fictional = forms.BooleanField(label=_("Fictional (demo)"), required=False)

    def clean_holder_email(self):
        email = self.cleaned_data["holder_email"]
        if not email:
            return None
        holder = get_user_model().objects.filter(email__iexact=email).first()
        if holder is None:
            raise forms.ValidationError(_("No account has this e-mail address."))
        return holder

    def term_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["holder"] = data.pop("holder_email")
        return data


class TermEndForm(forms.Form):
    ends_on = forms.DateField(label=_("Ends on"), **DATE_WIDGET)


class BodyMeetingForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("The meeting"), ["meeting"]), (_("Agenda"), ["agenda_ro"]))

    class Meta:
        model = BodyMeeting
        fields = ["meeting", "agenda_ro", "agenda_en"]
        widgets = {"agenda_ro": forms.Textarea(attrs={"rows": 6}), "agenda_en": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A meeting belongs to one body: those not held by another body yet.
        taken = BodyMeeting.objects.exclude(pk=self.instance.pk).values("meeting_id")
        self.fields["meeting"].queryset = Meeting.objects.exclude(pk__in=taken).order_by("-starts_at")


class DecisionForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("The decision"), ["number", "decided_on", "meeting", "is_fictional"]), (_("Text"), ["text_ro"]))

    class Meta:
        model = Decision
        fields = ["number", "decided_on", "meeting", "is_fictional", "text_ro", "text_en"]
        widgets = {"decided_on": DATE_WIDGET["widget"], "text_ro": forms.Textarea(attrs={"rows": 5}),
                   "text_en": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(body_link__body=body).order_by("-starts_at")
        self.fields["meeting"].required = False


class ObjectiveForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("The objective"), ["year", "position", "level"]), (_("Objective"), ["text_ro"]),
                (_("What was done"), ["narrative_ro"]))

    class Meta:
        model = BodyObjective
        fields = ["year", "position", "level", "text_ro", "text_en", "narrative_ro", "narrative_en"]
        widgets = {name: forms.Textarea(attrs={"rows": 3})
                   for name in ("text_ro", "text_en", "narrative_ro", "narrative_en")}
