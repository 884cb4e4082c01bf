"""Forms of the meetings editors' screens: a meeting's details (times on the Bucharest clock, a typed
place or one of the centre's spaces, whose clash is shown by the field), what follows it (minutes,
video), a document, and the cancellation with its reason."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.maps import both_or_neither, latitude_field, longitude_field
from civica.core.uploads import PublicImageFormMixin, check_pdf
from civica.network import services as network_services
from civica.network.models import Space

from ..models import Meeting, MeetingFormat

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y, %H:%M"]
MARKDOWN_HELP = _("Markdown: **bold**, *italic*, lists, links.")


def datetime_field(label, **options):
    return forms.DateTimeField(label=label, input_formats=DATETIME_FORMATS,
                               widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                               **options)


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"  # a link typed without its scheme is a secure one
    return field.formfield(**kwargs)


class MeetingForm(PublicImageFormMixin, forms.ModelForm):
    starts_at = datetime_field(_("Starts at"), help_text=_("Bucharest time."))
    ends_at = datetime_field(_("Ends at"), help_text=_("Bucharest time."))
    latitude = latitude_field(required=False, help_text=Meeting._meta.get_field("latitude").help_text)
    longitude = longitude_field(required=False, help_text=Meeting._meta.get_field("longitude").help_text)

    class Meta:
        model = Meeting
        formfield_callback = _formfield
        fields = ["kind", "format", "title_ro", "title_en", "description_ro", "description_en", "starts_at",
                  "ends_at", "when_known", "space", "place", "address", "latitude", "longitude",
                  "coordinates_approximate", "online_url", "programme", "process", "capacity", "registration_open",
                  "terms_ro", "terms_en", "image", "image_alt"]
        widgets = {
            "description_ro": forms.Textarea(attrs={"rows": 8}),
            "description_en": forms.Textarea(attrs={"rows": 8}),
            "terms_ro": forms.Textarea(attrs={"rows": 3}),
            "terms_en": forms.Textarea(attrs={"rows": 3}),
            "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }
        help_texts = {"description_ro": MARKDOWN_HELP, "description_en": MARKDOWN_HELP,
                      "terms_ro": _("If given, people accept them to register.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = Space.objects.order_by("position", "name_ro")
        self.fields["space"].empty_label = _("— none: the place typed below —")
        self.fields["space"].label_from_instance = lambda space: space.translated("name")
        self.fields["programme"].label_from_instance = lambda programme: programme.translated("name")
        self.fields["process"].label_from_instance = lambda process: process.translated("title")
        for name in ("programme", "process"):
            self.fields[name].empty_label = _("— none —")

    def clean(self):
        cleaned = super().clean()
        both_or_neither(self)
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must come after the start."))
        meeting_format, space = cleaned.get("format"), cleaned.get("space")
        if space is not None and meeting_format == MeetingFormat.ONLINE:
            self.add_error("space", _("An online meeting takes no space: choose in person or hybrid, or leave the "
                                      "space empty."))
        elif meeting_format and meeting_format != MeetingFormat.ONLINE and space is None \
                and not cleaned.get("place", "").strip():
            self.add_error("place", _("Type the place, or choose one of the centre's spaces."))
        elif meeting_format and meeting_format != MeetingFormat.ONLINE and "ends_at" not in self.errors:
            # Shown by the field now; checked again under the space's lock when saved.
            try:
                network_services.meeting_place_check(space=space, starts_at=starts_at, ends_at=ends_at,
                                                     meeting=self.instance)
            except ValidationError as clash:
                self.add_error(None, clash)
        if meeting_format and meeting_format != MeetingFormat.IN_PERSON and not cleaned.get("online_url"):
            self.add_error("online_url", _("An online or hybrid meeting needs its link."))
        return cleaned

    def meeting_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}
        if "image" not in self.changed_data:
            fields.pop("image", None)  # no new file: the one there stays
        elif fields.get("image") is False:  # "clear" ticked
            fields["image"] = ""
        return fields


class AfterMeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        formfield_callback = _formfield
        fields = ["minutes_ro", "minutes_en", "video_url"]
        widgets = {"minutes_ro": forms.Textarea(attrs={"rows": 12}), "minutes_en": forms.Textarea(attrs={"rows": 12})}
        help_texts = {"minutes_ro": MARKDOWN_HELP, "minutes_en": MARKDOWN_HELP,
                      "video_url": _("The address of the recording (YouTube, Vimeo…).")}


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=200)
    file = forms.FileField(label=_("File (PDF)"), help_text=_("A PDF, at most the site's upload size."))

    def clean_file(self):
        return check_pdf(self.cleaned_data["file"])


class CancelForm(forms.Form):
    reason_ro = forms.CharField(label=_("Reason (Romanian)"), max_length=2000,
                                widget=forms.Textarea(attrs={"rows": 4}),
                                help_text=_("Shown on the meeting's page and sent to everyone registered or waiting."))
    reason_en = forms.CharField(label=_("Reason (English)"), max_length=2000, required=False,
                                widget=forms.Textarea(attrs={"rows": 4}))
