"""The comment form (with a position on debates and ideas) and the edit form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_COMMENT_BODY, Alignment


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=MAX_COMMENT_BODY,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Markdown: **bold**, *italic*, links."))
    alignment = forms.ChoiceField(label=_("Your position"), choices=Alignment.choices, initial=Alignment.NEUTRAL,
                                  widget=forms.RadioSelect, required=False)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CommentEditForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=MAX_COMMENT_BODY,
                           widget=forms.Textarea(attrs={"rows": 4}))
