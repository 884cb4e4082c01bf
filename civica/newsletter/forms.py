"""The subscribe form (address, lists, consent) and the preference form (lists, language); the editors'
forms: a campaign's list and subject, a block, the moment to send a campaign at."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from civica.core.forms import ModelMultipleIdsField
from civica.news.forms import DATETIME_FORMATS, MARKDOWN_HELP
from civica.news.models import Article

from .models import Block, BlockKind, Campaign, NewsletterList


class ListChoiceField(ModelMultipleIdsField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.translated("name")


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    lists = ListChoiceField(
        label=_("Newsletters"),
        queryset=NewsletterList.objects.all(),
        required=False,
        help_text=_("None chosen: the centre's monthly newsletter."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to receive the newsletters I chose by e-mail. I can unsubscribe at any time with the link "
            "in every e-mail; my address is used for nothing else."
        )
    )


class PreferencesForm(forms.Form):
    lists = ListChoiceField(
        label=_("Newsletters"),
        queryset=NewsletterList.objects.all(),
        required=False,
        help_text=_("None chosen: you are unsubscribed from all."),
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["newsletter_list", "subject_ro", "subject_en", "is_fictional"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletter_list"].label_from_instance = lambda item: item.translated("name")
        self.fields["newsletter_list"].empty_label = None


class ArticleChoiceField(ModelMultipleIdsField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.translated("title")


class BlockForm(forms.ModelForm):
    articles = ArticleChoiceField(
        label=_("Articles (for a news block)"), required=False,
        queryset=Article.objects.visible().order_by("-published_at", "-id"))
    count = forms.IntegerField(label=_("How many (for meetings and calls)"), min_value=1, max_value=10, initial=3)

    class Meta:
        model = Block
        fields = ["kind", "title_ro", "title_en", "text_ro", "text_en", "articles", "count"]
        widgets = {"text_ro": forms.Textarea(attrs={"rows": 6}), "text_en": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"text_ro": MARKDOWN_HELP, "text_en": MARKDOWN_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["kind"].disabled = True

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind") or self.instance.kind
        if kind == BlockKind.TEXT and not cleaned.get("text_ro"):
            self.add_error("text_ro", _("Write the text of the block."))
        if kind == BlockKind.NEWS and not cleaned.get("articles"):
            self.add_error("articles", _("Choose at least one article."))
        return cleaned

    def block_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in ["title_ro", "title_en", "text_ro", "text_en", "count"]}


class CampaignScheduleForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label=_("Send at"), input_formats=DATETIME_FORMATS, help_text=_("Europe/Bucharest time."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
