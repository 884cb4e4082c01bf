from django import forms
from django.utils.translation import gettext_lazy as _


class QuestionForm(forms.Form):
    question = forms.CharField(label=_("Your question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=_("Answers are published to everyone on this page; your name is not shown."))
