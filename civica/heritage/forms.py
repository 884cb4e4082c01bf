"""The inventory's forms: the staff's locality, object, craftsperson, site and photo forms, a Roots youth's
proposal, and the consent forms. Coordinates are ``core.maps`` fields (range, decimal comma); an LMI code
is normalised before it is validated."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from civica.core.maps import both_or_neither, latitude_field, longitude_field
from civica.core.uploads import check_image

from .lmi import normalise_lmi_code, validate_lmi_code
from .models import Craftsperson, HeritageObject, HeritagePhoto, Locality, ObjectKind, Site

TEXTAREAS = ("history_ro", "history_en", "remarkable_ro", "remarkable_en", "contacts", "description_ro",
             "description_en", "panel_text_ro", "panel_text_en")


def _textareas(fields):
    return {name: forms.Textarea(attrs={"rows": 4}) for name in fields if name in TEXTAREAS}


class _Located(forms.ModelForm):
    latitude = latitude_field()
    longitude = longitude_field()

    def clean(self):
        cleaned = super().clean()
        both_or_neither(self)
        return cleaned


class LocalityForm(_Located):
    class Meta:
        model = Locality
        fields = ["name", "county", "commune", "latitude", "longitude", "history_ro", "history_en", "remarkable_ro",
                  "remarkable_en", "contacts", "is_published", "is_fictional"]
        widgets = _textareas(fields)


class _ObjectFields(_Located):
    lmi_code = forms.CharField(label=_("LMI code"), required=False, max_length=40,
                               help_text=_("For a historic monument: its code in the List of Historic Monuments, "
                                           "such as CJ-II-m-A-07232."))

    def clean_lmi_code(self):
        code = normalise_lmi_code(self.cleaned_data.get("lmi_code") or "")
        if code:
            validate_lmi_code(code)
        return code

    def clean(self):
        cleaned = super().clean()
        kind, code = cleaned.get("kind"), cleaned.get("lmi_code")
        if "lmi_code" not in self.errors:
            if kind == ObjectKind.MONUMENT and not code:
                self.add_error("lmi_code", _("A historic monument needs its LMI code."))
            elif kind and kind != ObjectKind.MONUMENT and code:
                self.add_error("lmi_code", _("Only a historic monument has an LMI code."))
        return cleaned


class ObjectForm(_ObjectFields):
    class Meta:
        model = HeritageObject
        fields = ["locality", "kind", "name_ro", "name_en", "lmi_code", "period", "description_ro", "description_en",
                  "latitude", "longitude", "is_fictional"]
        widgets = _textareas(fields)


class ProposalForm(_ObjectFields):
    class Meta:
        model = HeritageObject
        fields = ["kind", "name_ro", "name_en", "lmi_code", "period", "description_ro", "description_en",
                  "latitude", "longitude"]
        widgets = _textareas(fields)

    def _post_clean(self):
        # The service builds and validates the proposal with its locality (not on this form).
        pass


class CraftspersonForm(forms.ModelForm):
    account_email = forms.EmailField(label=_("Their account's e-mail address"), required=False,
                                     help_text=_("When they have an account: they then see their entry, download "
                                                 "it with their data and can withdraw their consent."))

    class Meta:
        model = Craftsperson
        fields = ["locality", "kind", "name", "makes_ro", "makes_en", "phone", "email", "address", "is_fictional"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.user_id:
            self.fields["account_email"].initial = self.instance.user.email

    def clean_account_email(self):
        address = self.cleaned_data.get("account_email") or ""
        if not address:
            return None
        user = get_user_model().objects.filter(email__iexact=address, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active account has this e-mail address."))
        return user


class SiteForm(_Located):
    class Meta:
        model = Site
        fields = ["locality", "heritage_object", "name_ro", "name_en", "description_ro", "description_en",
                  "panel_text_ro", "panel_text_en", "panel_installed_on", "latitude", "longitude", "is_published",
                  "is_fictional"]
        widgets = {**_textareas(fields), "panel_installed_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        cleaned = super().clean()
        heritage_object, locality = cleaned.get("heritage_object"), cleaned.get("locality")
        if heritage_object is not None and locality is not None and heritage_object.locality_id != locality.pk:
            self.add_error("heritage_object", _("Choose an object of the same locality."))
        return cleaned


class PhotoForm(forms.ModelForm):
    upload = forms.ImageField(label=_("Photo"), help_text=_("JPEG, PNG or WebP, at most 5 MB."),
                              widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))

    class Meta:
        model = HeritagePhoto
        fields = ["upload", "heritage_object", "site", "alt_ro", "alt_en", "rights_holder", "photographer", "licence",
                  "keep_location"]

    def __init__(self, *args, locality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["heritage_object"].queryset = locality.heritage_objects.order_by("name_ro")
        self.fields["site"].queryset = locality.sites.order_by("name_ro")

    def clean_upload(self):
        return check_image(self.cleaned_data["upload"])

    def _post_clean(self):
        pass  # the service checks the photo with its locality and its stored original


class PhotoEditForm(forms.ModelForm):
    class Meta:
        model = HeritagePhoto
        fields = ["heritage_object", "site", "alt_ro", "alt_en", "rights_holder", "photographer", "licence", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["heritage_object"].queryset = self.instance.locality.heritage_objects.order_by("name_ro")
        self.fields["site"].queryset = self.instance.locality.sites.order_by("name_ro")

    def _post_clean(self):
        pass  # the service checks the photo under its row's lock


class ConsentForm(forms.Form):
    how = forms.CharField(label=_("How the consent was given"), max_length=200,
                          help_text=_("e.g. “signed form of 12 March, kept at the centre”."))
