import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from civica.core.maps import both_or_neither, latitude_field, longitude_field
from civica.core.uploads import check_new_image, check_pdf

from .models import Idea, IdeaStatus


class IdeaForm(forms.ModelForm):
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    # A point picked on the map (the form's map_picker) or typed: both or neither.
    latitude = latitude_field()
    longitude = longitude_field()

    class Meta:
        model = Idea
        fields = ["title", "body", "category", "location", "latitude", "longitude", "image", "image_alt", "attachment"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
            "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "attachment": forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        }

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = process.categories.all()
        self.fields["category"].empty_label = _("No category")
        if not process.categories.exists():
            del self.fields["category"]
        self.fields["title"].widget.attrs.update({"autocomplete": "off"})
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def clean_image(self):
        return check_new_image(self.cleaned_data.get("image"))

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if attachment and hasattr(attachment, "content_type"):
            check_pdf(attachment)
        return attachment

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt") and "image" in self.changed_data:
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        both_or_neither(self)
        return cleaned

    def idea_fields(self):
        # A file field whose "clear" box was ticked cleans to False: the stored value is "" (no file).
        return {name: "" if value is False else value for name, value in self.cleaned_data.items()
                if name != "submission_key"}


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=IdeaStatus.choices)
    answer = forms.CharField(label=_("Official answer"), widget=forms.Textarea(attrs={"rows": 5}), required=False,
                             max_length=5000, help_text=_("Required when the idea is rejected. Markdown."))
