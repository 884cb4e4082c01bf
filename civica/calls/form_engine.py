"""The form engine: questions stored as rows, turned into Django form fields, answered as drafts or strictly.

A call's application form was the first user (``FormField``, ``application_form.ApplicationForm``); the
observatory's data collection campaigns ask their questions the same way (issue 19: one form engine, not
a second). What is shared lives here, public:

- ``FieldKind``: the kinds of question; ``Question``: an abstract model with a question's columns (key,
  kind, bilingual label and help, required, limits, choices, file types and size). ``FormField`` inherits
  it with the very same columns, so calls' table did not change.
- ``form_field_for(question)``: the Django form field of one question of a simple kind (text, number,
  money, date, choices, file, declaration); the tables of a call's form (budget, team) stay in
  ``application_form``.
- ``QuestionFormMixin``: a form made of questions, in two modes. A **draft** (``strict=False``) keeps
  everything typed: nothing is required, and a value that does not validate is kept as typed
  (``typed_values``) and flagged; **strict** (submission) validates everything. Files are checked by
  their content and size (``core.uploads``) and stored without their metadata (``without_metadata``).
- ``plain(value)`` and ``stored_to_data(question, value)``: an answer to and from what a JSON column keeps.
- ``GroupedDecimalField``: a number as the page's language writes it, thousands grouped or not
  (``1.234,5`` in Romanian, ``1,234.5`` in English); a form asks for it with ``grouped_numbers``.

Nothing here knows calls' rows: the engine is given questions and gives fields and values."""

import datetime
from decimal import Decimal

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.core.uploads import CONTENT_TYPES, check_file, reencode_image, strip_pdf_metadata


class FieldKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    MONEY = "money", _("Amount in lei")
    DATE = "date", _("Date")
    SINGLE_CHOICE = "single_choice", _("One choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Several choices")
    FILE = "file", _("File")
    BUDGET_TABLE = "budget_table", _("Budget table")
    TEAM_MEMBERS = "team_members", _("Team members")
    DECLARATION = "declaration", _("Declaration to accept")


# The kinds ``form_field_for`` builds on its own (one question, one form field).
SIMPLE_KINDS = (FieldKind.SHORT_TEXT, FieldKind.LONG_TEXT, FieldKind.NUMBER, FieldKind.MONEY, FieldKind.DATE,
                FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE, FieldKind.FILE, FieldKind.DECLARATION)
NUMERIC_KINDS = (FieldKind.NUMBER, FieldKind.MONEY)


class Question(Bilingual, models.Model):
    """The columns of one question of a form. A concrete model adds what the question belongs to (a
    call, a campaign) and its own constraints; a subclass may narrow ``kind``'s choices."""

    key = models.SlugField(_("key"), max_length=50, help_text=_("Stable name of the answer in exports."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=16, choices=FieldKind.choices)
    label_ro = models.CharField(_("label (Romanian)"), max_length=300)
    label_en = models.CharField(_("label (English)"), max_length=300, blank=True)
    help_ro = models.TextField(_("help (Romanian)"), blank=True)
    help_en = models.TextField(_("help (English)"), blank=True)
    required = models.BooleanField(_("required"), default=True)
    max_length = models.PositiveIntegerField(_("maximum characters"), null=True, blank=True)
    min_value = models.DecimalField(_("minimum"), max_digits=14, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(_("maximum"), max_digits=14, decimal_places=2, null=True, blank=True)
    choices = models.JSONField(_("choices"), default=list, blank=True, help_text=_("One text per choice."))
    file_types = models.JSONField(_("allowed file types"), default=list, blank=True,
                                  help_text=_('For files: any of "pdf", "jpeg", "png".'))
    max_file_mb = models.PositiveSmallIntegerField(_("maximum file size (MB)"), default=10)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self):
        return self.label_ro

    def value_limits(self) -> tuple[Decimal | None, Decimal | None]:
        """The smallest and largest number accepted (a subclass may narrow them: an indicator's range)."""
        return self.min_value, self.max_value


class GroupedDecimalField(forms.DecimalField):
    """A number as the active language writes it: its thousands separator (and spaces) left out, its
    decimal separator read as the point. In Romanian ``1.234,5`` is 1234.5 and ``1.234`` is 1234."""

    def __init__(self, **options):
        super().__init__(localize=True, widget=forms.TextInput(attrs={"inputmode": "decimal"}), **options)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
            value = value.replace(get_format("THOUSAND_SEPARATOR"), "").replace(get_format("DECIMAL_SEPARATOR"), ".")
        return super().to_python(value)


def localized_number(value) -> str:
    """A stored number (``"1234.5"``) as the active language writes it in a field (``1234,5``); a value
    that is not a number (a draft's, as typed) as it is."""
    try:
        return number_format(Decimal(str(value)), use_l10n=True)
    except (ArithmeticError, ValueError):
        return value


def form_field_for(question, *, has_file: bool = False, grouped_numbers: bool = False) -> forms.Field:
    """The Django form field asking ``question`` (of a ``SIMPLE_KINDS`` kind). ``has_file``: a file is
    stored already, so a required file question may be left empty; ``grouped_numbers``: numbers are read
    with the language's thousands separator (``GroupedDecimalField``)."""
    common = {"label": question.translated("label"), "help_text": question.translated("help"),
              "required": question.required}
    kind = question.kind
    if kind == FieldKind.SHORT_TEXT:
        return forms.CharField(max_length=question.max_length or 300, **common)
    if kind == FieldKind.LONG_TEXT:
        return forms.CharField(max_length=question.max_length or 5000, widget=forms.Textarea(attrs={"rows": 6}),
                               **common)
    if kind in NUMERIC_KINDS:
        minimum, maximum = question.value_limits()
        limits = {"min_value": minimum, "max_value": maximum, "max_digits": 14,
                  "decimal_places": 2 if kind == FieldKind.MONEY else None}
        if grouped_numbers:
            return GroupedDecimalField(**limits, **common)
        return forms.DecimalField(localize=True, **limits, **common)
    if kind == FieldKind.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               input_formats=["%Y-%m-%d"], **common)
    if kind == FieldKind.SINGLE_CHOICE:
        return forms.ChoiceField(choices=[(c, c) for c in question.choices], widget=forms.RadioSelect, **common)
    if kind == FieldKind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(choices=[(c, c) for c in question.choices],
                                         widget=forms.CheckboxSelectMultiple, **common)
    if kind == FieldKind.FILE:
        common["required"] = question.required and not has_file
        return forms.FileField(**common)
    if kind == FieldKind.DECLARATION:
        return forms.BooleanField(**common)
    raise ValueError(f"No single form field asks a question of kind {kind!r}")


def without_metadata(upload, kind):
    """What is stored of an upload: a PDF without its Author, Title and XMP, an image drawn again without
    EXIF; the uploader's file name stays for the uploader's own page."""
    content = strip_pdf_metadata(upload) if kind == "pdf" else reencode_image(upload).read()
    return SimpleUploadedFile(upload.name, content, CONTENT_TYPES[kind])


def plain(value):
    """A cleaned value as a JSON column keeps it (decimals and dates as text)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def stored_to_data(question, value, data: dict) -> None:
    """Put a stored answer to a simple question back into form ``data`` (to show a draft or check it)."""
    if question.kind == FieldKind.DECLARATION:
        if value:
            data[question.key] = "on"
    elif question.kind != FieldKind.FILE and value is not None:
        data[question.key] = value


class QuestionFormMixin:
    """For a ``forms.Form`` asking questions: ``add_question`` adds one, ``relax()`` makes a draft of the
    form (nothing required), ``clean_files`` checks uploads, ``typed_values`` gives what to keep."""

    strict = True
    grouped_numbers = False

    def add_question(self, question, *, has_file=False):
        self.fields[question.key] = form_field_for(question, has_file=has_file, grouped_numbers=self.grouped_numbers)

    def relax(self):
        for form_field in self.fields.values():
            form_field.required = False

    def clean_files(self, cleaned, questions):
        """Check every upload by its content and size; keep it without its metadata."""
        for question in questions:
            upload = cleaned.get(question.key) if question.kind == FieldKind.FILE else None
            if upload:
                try:
                    kind = check_file(upload, allowed_types=question.file_types or ["pdf"],
                                      max_bytes=question.max_file_mb * 1024 * 1024)
                    cleaned[question.key] = without_metadata(upload, kind)
                except forms.ValidationError as error:
                    self.add_error(question.key, error)

    def typed_values(self):
        """Cleaned values, and for fields that did not validate, the value as typed."""
        values = dict(self.cleaned_data)
        for name in self.errors:
            if name in self.fields and self.data:
                widget = self.fields[name].widget
                values[name] = widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        return values

    def question_uploads(self, questions):
        """The files that passed the checks, by question key."""
        return {question.key: self.cleaned_data.get(question.key) for question in questions
                if question.kind == FieldKind.FILE and self.cleaned_data.get(question.key)
                and question.key not in self.errors}
