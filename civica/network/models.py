"""The centre's network and spaces.

- ``Organisation``: category as in the seeds (cultural institution, university, civil-society
  association, business association, local or county administration) and relationship (host, member,
  partner).
- ``Membership``: when an organisation is a member (since, dues category as the budget's cotizații name
  them: administrations, institutions, NGOs); it exists exactly while ``relationship`` is "member"
  (``services.organisation_save`` keeps the two together).
- ``Representation``: a user acting for an organisation, given by administrators
  (``services.representation_add``); moved from accounts, its table ``network_representation`` and rows kept.
- ``Programme``: the centre's programmes.
- ``Network`` and ``NetworkEntity``: the networks around the centre (Cluj School Network, România
  Remarcabilă, Culture Next, the partners) and their schools, localities, cities and partner organisations,
  each with where it is and, when it is one, its ``Organisation``; an entity the seeds do not name is
  marked fictional.
- ``Figure``: a number about the centre as a source states it (the demo loads the seeds': 117 members,
  35 schools, 12 municipalities, 40 cities, 60+ partners, 40+ debates), with a bilingual label and source,
  the year and source address when known; edited by editors (``/network/manage/figures/``), shown on the
  home page and the directory (which says how many of the members and partners it lists). No template
  holds such a number. A figure may instead be *counted* (``counts``: the member organisations, or the
  entities of one network): the pages then show the count and say it is counted from the records.
- ``Space``: bilingual name, description, accessibility, what it offers and booking terms; kind (hub,
  learning space, pavilion, cultural venue, studio); address, point on the maps (latitude and longitude) and
  capacity, empty when not known; opening
  status with a note; ``is_bookable``. It is booked only while open and bookable, and only by a member
  representative for a member organisation they represent (``network.book_space``,
  ``network.book_for_organisation``).
- ``Booking``: a member organisation's use of a space, asked for by its representative; its status moves
  through core's ``move`` (requested → confirmed / declined / cancelled, confirmed → cancelled), and a
  request or a confirmed booking holds its time."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.core.maps import latitude_column, longitude_column
from civica.core.models import PublicImage
from civica.core.transitions import Transitions


class Category(models.TextChoices):
    """The kinds of member the Cluj Cultural Centre names (seeds/001)."""

    CULTURAL_INSTITUTION = "cultural_institution", _("Cultural institution or organisation")
    UNIVERSITY = "university", _("University")
    CIVIL_SOCIETY = "civil_society", _("Civil-society association")
    BUSINESS_ASSOCIATION = "business_association", _("Business association")
    PUBLIC_ADMINISTRATION = "public_administration", _("Local or county administration")


class Relationship(models.TextChoices):
    HOST = "host", _("Runs this platform")
    MEMBER = "member", _("Member")
    PARTNER = "partner", _("Partner")


class OrganisationQuerySet(models.QuerySet):
    def members(self):
        return self.filter(relationship=Relationship.MEMBER)

    def hosts(self):
        """The organisation(s) running this platform (the Cluj Cultural Centre in the demo)."""
        return self.filter(relationship=Relationship.HOST)


class Organisation(Bilingual, models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    relationship = models.CharField(
        _("relationship to the centre"), max_length=16, choices=Relationship.choices, default=Relationship.PARTNER
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    description_ro = models.TextField(_("description (Romanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class DuesCategory(models.TextChoices):
    """The categories of membership dues (cotizații) in the centre's budget (seeds/000, Buget 2021)."""

    ADMINISTRATIONS = "administrations", _("Administrations")
    INSTITUTIONS = "institutions", _("Institutions")
    NGOS = "ngos", _("NGOs")


# The dues category an organisation of each category pays in by default (the budget's three lines).
DUES_BY_CATEGORY = {
    Category.PUBLIC_ADMINISTRATION: DuesCategory.ADMINISTRATIONS,
    Category.CULTURAL_INSTITUTION: DuesCategory.INSTITUTIONS,
    Category.UNIVERSITY: DuesCategory.INSTITUTIONS,
    Category.CIVIL_SOCIETY: DuesCategory.NGOS,
    Category.BUSINESS_ASSOCIATION: DuesCategory.NGOS,
}


class Membership(models.Model):
    """An organisation's membership of the centre: there is one exactly while its relationship is "member"."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="membership", verbose_name=_("organisation"))
    since = models.DateField(_("member since"), null=True, blank=True, help_text=_("Empty when not known."))
    dues_category = models.CharField(_("dues category"), max_length=16, choices=DuesCategory.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return str(self.organisation)


class Representation(models.Model):
    """A user acting for an organisation; for a member organisation this makes a member representative.

    Moved here from accounts (issue 13): the table and its rows were kept (``network_representation``);
    the unique constraint keeps its original name."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="representations", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="representatives", verbose_name=_("organisation")
    )
    position = models.CharField(_("position"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("representation")
        verbose_name_plural = _("representations")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="accounts_representation_unique")]

    def __str__(self):
        return f"{self.user} — {self.organisation}"


class Programme(Bilingual, PublicImage):
    """A programme of the centre (Academia Schimbării, Arta în Joacă, …)."""

    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("run by")
    )
    websites = models.JSONField(_("websites"), default=list, blank=True)
    summary_ro = models.TextField(_("summary (Romanian)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # The Sustainable Development Goals and the EU mission it serves (issue 19, point 5).
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="programmes", verbose_name=_("goals"))

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["position", "name_ro"]

    def __str__(self):
        return self.name_ro


class SpaceKind(models.TextChoices):
    HUB = "hub", _("Hub")
    LEARNING_SPACE = "learning_space", _("Learning space")
    PAVILION = "pavilion", _("Pavilion")
    CULTURAL_VENUE = "cultural_venue", _("Cultural venue")
    STUDIO = "studio", _("Studio")


class SpaceStatus(models.TextChoices):
    OPEN = "open", _("Open")
    PREPARING = "preparing", _("Not open yet")
    CLOSED = "closed", _("Closed")


class SpaceQuerySet(models.QuerySet):
    def taking_bookings(self):
        return self.filter(is_bookable=True, status=SpaceStatus.OPEN)


class Space(Bilingual, PublicImage):
    """One of the centre's spaces (CLTP Hub, Qub, Pavilionul ECCA, Garnizoana, the online-events studio).
    Meetings are held in it and member organisations book it; neither ever overlaps another."""

    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SpaceKind.choices)
    description_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    description_en = models.TextField(_("description (English, Markdown)"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    # Its point on the maps (core.maps), both or neither; meetings held in the space use it.
    latitude = latitude_column(help_text=_("Decimal degrees, such as 46.7712."))
    longitude = longitude_column(help_text=_("Decimal degrees, such as 23.6236."))
    coordinates_approximate = models.BooleanField(
        _("the point is approximate"), default=False,
        help_text=_("The point is the street's or the city's, not the building's: the maps say so."))
    capacity = models.PositiveIntegerField(_("capacity (people)"), null=True, blank=True,
                                           validators=[MinValueValidator(1)], help_text=_("Empty when not known."))
    accessibility_ro = models.TextField(_("accessibility (Romanian)"), blank=True)
    accessibility_en = models.TextField(_("accessibility (English)"), blank=True)
    equipment_ro = models.TextField(_("what it offers (Romanian, Markdown)"), blank=True)
    equipment_en = models.TextField(_("what it offers (English, Markdown)"), blank=True)
    status = models.CharField(_("opening status"), max_length=12, choices=SpaceStatus.choices,
                              default=SpaceStatus.OPEN)
    status_note_ro = models.TextField(_("about the opening (Romanian)"), blank=True)
    status_note_en = models.TextField(_("about the opening (English)"), blank=True)
    is_bookable = models.BooleanField(
        _("members may book it"), default=False,
        help_text=_("Representatives of member organisations may book it while it is open."))
    booking_terms_ro = models.TextField(_("booking terms (Romanian)"), blank=True)
    booking_terms_en = models.TextField(_("booking terms (English)"), blank=True)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="spaces", verbose_name=_("programme"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["position", "name_ro"]

    def __str__(self):
        return self.name_ro

    def get_absolute_url(self):
        return reverse("network:space_detail", args=[self.slug])

    @property
    def takes_bookings(self) -> bool:
        return self.is_bookable and self.status == SpaceStatus.OPEN


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


# The only moves a booking makes, each with the permission (rules.py) of whoever makes it
# ({from: {to: permission}}, moved by ``core.transitions.move``).
BOOKING_TRANSITIONS = {
    BookingStatus.REQUESTED: {
        BookingStatus.CONFIRMED: "network.confirm_booking",
        BookingStatus.DECLINED: "network.decline_booking",
        BookingStatus.CANCELLED: "network.cancel_booking",
    },
    BookingStatus.CONFIRMED: {BookingStatus.CANCELLED: "network.cancel_booking"},
}
# A request already holds its time (first come, first served) until it is declined or cancelled.
HOLDING_STATUSES = (BookingStatus.REQUESTED, BookingStatus.CONFIRMED)
MAX_BOOKING_PURPOSE = 500


class BookingQuerySet(models.QuerySet):
    def holding(self):
        return self.filter(status__in=HOLDING_STATUSES)

    def still_open(self, now=None):
        """Holding and not yet ended: what counts towards an organisation's limit."""
        return self.holding().filter(ends_at__gt=now or timezone.now())


class Booking(Transitions, models.Model):
    """A member organisation's use of a space for a stretch of time, asked for by its representative."""

    TRANSITIONS = BOOKING_TRANSITIONS
    STATUS = BookingStatus
    not_possible_message = _("This booking is “%(status)s”: that change is no longer possible.")

    space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("space"))
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="space_bookings",
                                     verbose_name=_("for the organisation"))
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="space_bookings", verbose_name=_("booked by"))
    purpose = models.CharField(_("what for"), max_length=MAX_BOOKING_PURPOSE)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    status = models.CharField(_("status"), max_length=12, choices=BookingStatus.choices,
                              default=BookingStatus.REQUESTED)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("status changed by"))
    decided_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=MAX_BOOKING_PURPOSE, blank=True,
                              help_text=_("Why it was declined or cancelled."))

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                              name="network_booking_dates_ordered")]
        indexes = [models.Index(fields=["space", "starts_at"], name="network_booking_space_time")]

    def __str__(self):
        return f"{self.space} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def holds_time(self) -> bool:
        return self.status in HOLDING_STATUSES


class FigureCount(models.TextChoices):
    STATED = "", _("As its source states it")
    MEMBERS = "members", _("Counted: the member organisations in the directory")
    NETWORK = "network", _("Counted: the entities of its network")


class Figure(Bilingual, models.Model):
    """A figure about the centre and its network as a source states it ("117 member organisations", the
    centre's About page), with the year the source gives it for, until Civica holds the records it counts.
    Shown on the home page and the organisations directory; edited in the admin."""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    value = models.PositiveIntegerField(_("value"))
    more_than = models.BooleanField(
        _("more than the value"), default=False, help_text=_("The source says “over …”: shown as “60+”.")
    )
    label_ro = models.CharField(_("what is counted (Romanian)"), max_length=200)
    label_en = models.CharField(_("what is counted (English)"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True,
        help_text=_("The year the source gives the figure for; empty if it gives none."),
    )
    source_ro = models.CharField(_("source (Romanian)"), max_length=200)
    source_en = models.CharField(_("source (English)"), max_length=200, blank=True)
    source_url = models.URLField(_("source address"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # Counted from the records rather than stated: the value, year and source are then the source's,
    # kept for the record, and the pages show the count.
    counts = models.CharField(_("shown value"), max_length=12, choices=FigureCount.choices, blank=True,
                              default=FigureCount.STATED)
    network = models.ForeignKey("Network", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="figures", verbose_name=_("network"),
                                help_text=_("The network the figure is about; required when it counts its "
                                            "entities."))

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["position", "key"]
        constraints = [models.CheckConstraint(
            condition=~models.Q(counts=FigureCount.NETWORK) | models.Q(network__isnull=False),
            name="network_figure_counted_network_given")]

    def __str__(self):
        return f"{self.value}{'+' if self.more_than else ''} {self.label_ro}"

    def clean(self):
        if self.counts == FigureCount.NETWORK and self.network_id is None:
            raise ValidationError({"network": _("Choose the network whose entities the figure counts.")})


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The moves of an application to become a member ({from: {to: permission}}, core.transitions.move):
# the reviewers (staff and the Board of Directors, rules.py) take it under review, then record the
# General Assembly's decision; the applicant withdraws it until it is decided.
MEMBERSHIP_APPLICATION_TRANSITIONS = {
    ApplicationStatus.SUBMITTED: {
        ApplicationStatus.UNDER_REVIEW: "network.review_membership_application",
        ApplicationStatus.WITHDRAWN: "network.withdraw_membership_application",
    },
    ApplicationStatus.UNDER_REVIEW: {
        ApplicationStatus.ACCEPTED: "network.decide_membership_application",
        ApplicationStatus.REJECTED: "network.decide_membership_application",
        ApplicationStatus.WITHDRAWN: "network.withdraw_membership_application",
    },
}
OPEN_APPLICATION_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW)
MAX_STATEMENT = 3000


class MembershipApplicationQuerySet(models.QuerySet):
    def still_open(self):
        return self.filter(status__in=OPEN_APPLICATION_STATUSES)


class MembershipApplication(Transitions, models.Model):
    """An organisation's application to become a member of the centre, made by the person who will
    represent it: a new organisation's details, or an existing partner organisation the applicant
    represents (``organisation``). The General Assembly decides; reviewers record its decision (the
    day and the motion's reference as text). On acceptance ``organisation`` is the member organisation."""

    TRANSITIONS = MEMBERSHIP_APPLICATION_TRANSITIONS
    STATUS = ApplicationStatus
    not_possible_message = _("This application is “%(status)s”: that change is no longer possible.")

    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="membership_applications", verbose_name=_("applicant"))
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="membership_applications", verbose_name=_("organisation"))
    name = models.CharField(_("name of the organisation"), max_length=200)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    description = models.TextField(_("short description"), max_length=1000, blank=True)
    position = models.CharField(_("your position in the organisation"), max_length=120)
    statement = models.TextField(_("why the organisation wants to become a member"), max_length=MAX_STATEMENT)
    status = models.CharField(_("status"), max_length=16, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.SUBMITTED)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    decided_on = models.DateField(_("date of the General Assembly's decision"), null=True, blank=True)
    decision_note = models.CharField(_("decision reference"), max_length=300, blank=True,
                                     help_text=_("The General Assembly's motion or minutes, as a reference."))
    reason = models.TextField(_("reason"), max_length=MAX_STATEMENT, blank=True,
                              help_text=_("Why the application was rejected."))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("status changed by"))
    decided_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    objects = MembershipApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="network_memberapp_status")]

    def __str__(self):
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_APPLICATION_STATUSES



class Network(Bilingual, models.Model):
    """A network around the centre: the Cluj School Network, România Remarcabilă, Culture Next, the
    national and international partners."""

    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    description_en = models.TextField(_("description (English, Markdown)"), blank=True)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="networks", verbose_name=_("programme"))
    source_ro = models.CharField(_("source (Romanian)"), max_length=200, blank=True,
                                 help_text=_("Where what is said of the network comes from."))
    source_en = models.CharField(_("source (English)"), max_length=200, blank=True)
    source_url = models.URLField(_("source address"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["position", "name_ro"]

    def __str__(self):
        return self.name_ro

    def get_absolute_url(self):
        return reverse("network:network_detail", args=[self.slug])


class EntityKind(models.TextChoices):
    SCHOOL = "school", _("School")
    LOCALITY = "locality", _("Locality")
    CITY = "city", _("City")
    PARTNER = "partner", _("Partner organisation")


class NetworkEntity(models.Model):
    """A school, locality, city or partner organisation in a network, and where it is."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="entities",
                                verbose_name=_("network"))
    kind = models.CharField(_("kind"), max_length=12, choices=EntityKind.choices)
    name = models.CharField(_("name"), max_length=200)
    locality = models.CharField(_("city or locality"), max_length=120, blank=True)
    county = models.CharField(_("county"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True)
    latitude = latitude_column()
    longitude = longitude_column()
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="network_entities", verbose_name=_("organisation"))
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        verbose_name = _("network entity")
        verbose_name_plural = _("network entities")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="network_entity_name_unique"),
            models.CheckConstraint(condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                                   | models.Q(latitude__isnull=False, longitude__isnull=False),
                                   name="network_entity_both_coordinates_or_neither"),
        ]

    def __str__(self):
        return self.name
