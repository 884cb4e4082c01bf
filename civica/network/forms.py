"""``BookingForm`` reads one day and two times on the Bucharest clock (a time the clock skips is refused)
and shows the service's refusals by their fields. The staff's screens (``manage_views``) edit an
organisation, a programme, a space and a figure with ``OrganisationForm``, ``ProgrammeForm``, ``SpaceForm`` and
``FigureForm``, and
add a representative by e-mail with ``RepresentativeForm``. Joining: ``MembershipApplicationForm`` (a
partner organisation or a new one), ``MembershipAcceptForm`` and ``MembershipRejectForm`` (the General
Assembly's decision)."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db.models import URLField as URLModelField
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civica.core.forms import SectionsMixin
from civica.core.params import parse_int
from civica.core.uploads import PublicImageFormMixin
from civica.goals.forms import GoalsField

from .models import (
    MAX_BOOKING_PURPOSE,
    MAX_STATEMENT,
    Category,
    DuesCategory,
    Figure,
    Organisation,
    Programme,
    Relationship,
    Space,
)

# The service's field names and the form's.
SERVICE_FIELDS = {"starts_at": "starts", "ends_at": "ends", "purpose": "purpose", "organisation": "organisation"}


def bucharest_time(day: datetime.date, time: datetime.time) -> datetime.datetime | None:
    """``day`` at ``time`` on the centre's clock; None for a time the clock skips (spring forward)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    wanted = datetime.datetime.combine(day, time)
    aware = wanted.replace(tzinfo=zone)
    if aware.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != wanted:
        return None
    return aware


class BookingForm(forms.Form):
    """One booking on one day, times on the centre's (Bucharest) clock. The form only reads what was
    typed; ``services.space_book`` decides, and its refusals are shown by the fields they concern."""

    organisation = forms.ModelChoiceField(label=_("For the organisation"), queryset=Organisation.objects.none(),
                                          empty_label=None)
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    starts = forms.TimeField(label=pgettext_lazy("start time", "From"),
                             widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends = forms.TimeField(label=pgettext_lazy("end time", "To"),
                           widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    purpose = forms.CharField(label=_("What for"), max_length=MAX_BOOKING_PURPOSE,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Only you and the centre's staff see it; the public sees only that the "
                                          "time is taken."))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("day")
        for field, target in (("starts", "starts_at"), ("ends", "ends_at")):
            if day is not None and cleaned.get(field) is not None:
                cleaned[target] = bucharest_time(day, cleaned[field])
                if cleaned[target] is None:
                    self.add_error(field, _("This time does not exist on that day: the clocks move forward."))
        return cleaned

    def booking_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("organisation", "starts_at", "ends_at", "purpose")}

    def add_refusal(self, refused) -> None:
        """Show a service's ValidationError by the fields it names (the rest above the form)."""
        if not hasattr(refused, "error_dict"):
            self.add_error(None, refused)
            return
        for name, errors in refused.message_dict.items():
            self.add_error(SERVICE_FIELDS.get(name) if name != NON_FIELD_ERRORS else None, errors)


class WebsitesField(forms.CharField):
    """A list of addresses typed one a line (``Programme.websites``); each must be a web address."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(_("“%(value)s” is not a web address (it starts with https://).") % {
                    "value": line}) from None
        return lines


def _https_by_default(field, **kwargs):
    """A model field's form field; an address typed without a scheme is taken as https."""
    if isinstance(field, URLModelField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)




class OrganisationForm(SectionsMixin, forms.ModelForm):
    """An organisation; its membership (since, dues category) with it, kept only while it is a member."""

    SECTIONS = ((_("The organisation"), ["name", "slug", "category", "relationship"]),
                (_("Membership"), ["member_since", "dues_category"]),
                (_("Description"), ["description_ro"]),
                (_("Contact"), ["city", "website", "email"]))
    member_since = forms.DateField(label=_("Member since"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                   help_text=_("For a member; empty when not known."))
    dues_category = forms.ChoiceField(label=_("Dues category"), required=False,
                                      choices=[("", "—"), *DuesCategory.choices],
                                      help_text=_("For a member: the budget line its dues go to."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        membership = getattr(self.instance, "membership", None) if self.instance.pk else None
        if membership is not None:
            self.initial.setdefault("member_since", membership.since)
            self.initial.setdefault("dues_category", membership.dues_category)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("relationship") == Relationship.MEMBER and not cleaned.get("dues_category"):
            self.add_error("dues_category", _("A member pays its dues in one of the categories: choose it."))
        return cleaned

    class Meta:
        model = Organisation
        fields = ["name", "slug", "category", "relationship", "city", "website", "email",
                  "description_ro", "description_en"]
        formfield_callback = staticmethod(_https_by_default)
        widgets = {"description_ro": forms.Textarea(attrs={"rows": 5}),
                   "description_en": forms.Textarea(attrs={"rows": 5})}


class ProgrammeForm(SectionsMixin, PublicImageFormMixin, forms.ModelForm):
    SECTIONS = ((_("Name"), ["name_ro"]), (_("The programme"), ["slug", "organisation", "websites"]),
                (_("Summary"), ["summary_ro"]), (_("Image"), ["image", "image_alt"]), (_("Goals"), ["goals"]))
    websites = WebsitesField(label=_("Websites"), required=False, help_text=_("One address a line."))
    goals = GoalsField()

    class Meta:
        model = Programme
        fields = ["name_ro", "name_en", "slug", "organisation", "summary_ro", "summary_en", "websites",
                  "image", "image_alt", "goals"]
        widgets = {"summary_ro": forms.Textarea(attrs={"rows": 4}), "summary_en": forms.Textarea(attrs={"rows": 4}),
                   "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})}


class SpaceForm(SectionsMixin, PublicImageFormMixin, forms.ModelForm):
    SECTIONS = ((_("Name"), ["name_ro"]),
                (_("Opening and bookings"), ["status", "is_bookable"]),
                (_("About the opening and the booking terms"), ["status_note_ro", "booking_terms_ro"]),
                (_("The space"), ["slug", "kind", "programme", "capacity"]),
                (_("Description"), ["description_ro", "accessibility_ro", "equipment_ro"]),
                (_("Where it is"), ["address", "latitude", "longitude", "coordinates_approximate"]),
                (_("Image"), ["image", "image_alt"]))
    class Meta:
        model = Space
        fields = ["name_ro", "name_en", "slug", "kind", "programme", "description_ro", "description_en",
                  "accessibility_ro", "accessibility_en", "equipment_ro", "equipment_en",
                  "status", "status_note_ro", "status_note_en", "is_bookable", "booking_terms_ro", "booking_terms_en",
                  "address", "latitude", "longitude", "coordinates_approximate", "capacity", "image", "image_alt"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in (
            "description_ro", "description_en", "accessibility_ro", "accessibility_en", "equipment_ro",
            "equipment_en", "status_note_ro", "status_note_en", "booking_terms_ro", "booking_terms_en")} | {
            "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})}


class FigureForm(SectionsMixin, forms.ModelForm):
    SECTIONS = ((_("The figure"), ["key", "value", "more_than", "year"]), (_("What is counted"), ["label_ro"]),
                (_("Source"), ["source_ro"]), (_("Source address"), ["source_url"]),
                (_("Shown value"), ["counts", "network"]))

    class Meta:
        model = Figure
        fields = ["key", "value", "more_than", "year", "label_ro", "label_en", "source_ro", "source_en", "source_url",
                  "counts", "network"]
        formfield_callback = staticmethod(_https_by_default)


class RepresentativeForm(forms.Form):
    """An existing account, by its e-mail address, to act for an organisation."""

    email = forms.EmailField(label=_("E-mail address of the account"),
                             help_text=_("The person must already have an account on the platform."))
    position = forms.CharField(label=_("Position"), max_length=120, required=False,
                               help_text=_("For example: president, project manager."))


class IdChoiceField(forms.ModelChoiceField):
    """A row chosen by id; an id that is not an ASCII number within 64 bits is an invalid choice before
    any query (core.params)."""

    def to_python(self, value):
        if value not in self.empty_values and parse_int(str(value), minimum=1) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class MembershipApplicationForm(forms.Form):
    """An application to become a member: a partner organisation the applicant represents, or a new
    organisation's details; then the applicant's position and why. ``services.membership_application_submit``
    decides; its refusals are shown beside the fields, and everything typed stays in the form."""

    organisation = IdChoiceField(
        label=_("The organisation"), queryset=Organisation.objects.none(), required=False,
        empty_label=_("A new organisation (its details below)"),
        help_text=_("An organisation you already represent as a partner of the centre, or a new one."))
    name = forms.CharField(label=_("Name of the organisation"), max_length=200, required=False)
    category = forms.ChoiceField(label=_("Category"), choices=[("", "—"), *Category.choices], required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Contact e-mail of the organisation"), required=False)
    description = forms.CharField(label=_("Short description"), max_length=1000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text=_("What the organisation does, in a few sentences."))
    position = forms.CharField(label=_("Your position in the organisation"), max_length=120,
                               help_text=_("For example: president, executive director."))
    statement = forms.CharField(label=_("Why the organisation wants to become a member"),
                                max_length=MAX_STATEMENT, widget=forms.Textarea(attrs={"rows": 6}))

    NEW_ORGANISATION_FIELDS = ("name", "category", "city", "website", "email", "description")

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        if partners.exists():
            self.fields["organisation"].queryset = partners
        else:
            del self.fields["organisation"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation") is None:
            if not (cleaned.get("name") or "").strip() and "name" not in self.errors:
                self.add_error("name", _("Give the organisation's name."))
            if not cleaned.get("category") and "category" not in self.errors:
                self.add_error("category", _("Choose the organisation's category."))
        return cleaned

    def application_fields(self) -> dict:
        data = self.cleaned_data
        fields = {"organisation": data.get("organisation"), "position": data["position"],
                  "statement": data["statement"]}
        if fields["organisation"] is None:
            fields.update({name: data.get(name) or "" for name in self.NEW_ORGANISATION_FIELDS})
        return fields

    def new_organisation_fields(self):
        return [self[name] for name in self.NEW_ORGANISATION_FIELDS]


class MembershipAcceptForm(forms.Form):
    """The General Assembly's acceptance: its date and the reference of its decision."""

    decided_on = forms.DateField(label=_("Date of the General Assembly's decision"),
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(label=_("Decision reference"), max_length=300,
                           help_text=_("The motion or the minutes of the General Assembly, as a reference."))


class MembershipRejectForm(forms.Form):
    """The General Assembly's rejection: its date, why (the applicant reads it) and the reference."""

    decided_on = forms.DateField(label=_("Date of the General Assembly's decision"),
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    reason = forms.CharField(label=_("Reason"), max_length=MAX_STATEMENT, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("The applicant reads it in the e-mail."))
    note = forms.CharField(label=_("Decision reference"), max_length=300, required=False)


class DirectoryFilterForm(forms.Form):
    """The directory's filters from the query string. A value that is not one of the choices is an error
    shown above the list (that filter is then not applied), never a failure."""

    category = forms.ChoiceField(label=_("Category"), required=False)
    relationship = forms.ChoiceField(label=_("Relationship to the centre"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False)

    def __init__(self, data, *, networks, programmes):
        super().__init__(data)
        self._networks = {network.slug: network for network in networks}
        self._programmes = {programme.slug: programme for programme in programmes}
        self.fields["category"].choices = [("", _("All categories")), *Category.choices]
        self.fields["relationship"].choices = [("", _("Members and partners")), *Relationship.choices]
        self.fields["network"].choices = [("", _("All networks"))] + [
            (network.slug, network.translated("name")) for network in networks]
        self.fields["programme"].choices = [("", _("All programmes"))] + [
            (programme.slug, programme.translated("name")) for programme in programmes]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _(
                "“%(value)s” is not one of the choices for this filter: it is not applied.")

    def filters(self) -> dict:
        """The valid filters as the directory's selector takes them (rows for network and programme)."""
        self.is_valid()
        valid = {name: self.cleaned_data.get(name) or None for name in self.fields if name not in self.errors}
        return {"category": valid.get("category"), "relationship": valid.get("relationship"),
                "network": self._networks.get(valid.get("network")),
                "programme": self._programmes.get(valid.get("programme"))}
