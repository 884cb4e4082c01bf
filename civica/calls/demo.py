"""Demo calls named in the seeds (FIX Cluj, Bursele de Inovare Cluj, Artiști Împreună, re:form) and one
blind solution competition, in different stages. Amounts, dates, applications and reviews are
fictional and say so; descriptions are our own words. Deadlines fall at 17:00, Bucharest time."""

import datetime
from decimal import Decimal

from django.utils import timezone

from civica.core.illustrations import illustrate
from civica.network.models import Category, Programme

from .models import (
    Application,
    ApplicationStatus,
    Assignment,
    Call,
    CallKind,
    CallQuestion,
    CallStatus,
    Criterion,
    Decision,
    Eligibility,
    FieldKind,
    FormField,
    Review,
    Score,
)

FICTIONAL = " *(Sume și termene fictive, pentru demonstrație.)*"
FICTIONAL_EN = " *(Amounts and dates are fictional, for demonstration.)*"

STANDARD_FORM = [
    ("summary", FieldKind.LONG_TEXT, "Rezumatul proiectului", "Project summary", {"max_length": 2000}),
    ("activities", FieldKind.LONG_TEXT, "Activități și calendar", "Activities and timeline", {"max_length": 5000}),
    ("start", FieldKind.DATE, "Data de început", "Start date", {}),
    ("field", FieldKind.SINGLE_CHOICE, "Domeniul principal", "Main field",
     {"choices": ["Arte vizuale", "Arte performative", "Educație", "Tehnologie", "Spațiu public"]}),
    ("budget", FieldKind.BUDGET_TABLE, "Bugetul proiectului", "Project budget", {}),
    ("team", FieldKind.TEAM_MEMBERS, "Echipa", "Team", {"required": False}),
    ("portfolio", FieldKind.FILE, "Portofoliu (PDF)", "Portfolio (PDF)", {"file_types": ["pdf"], "max_file_mb": 10}),
    ("rules", FieldKind.DECLARATION, "Am citit și accept regulamentul apelului",
     "I have read and accept the rules of the call", {}),
]

CRITERIA = [
    ("Relevanță pentru obiectivele apelului", "Relevance to the call's aims", 3),
    ("Calitatea și originalitatea propunerii", "Quality and originality", 3),
    ("Fezabilitate și buget", "Feasibility and budget", 2),
    ("Impact în comunitate", "Community impact", 2),
]


def _call(slug, form=STANDARD_FORM, criteria=CRITERIA, **fields):
    call, _created = Call.objects.update_or_create(slug=slug, defaults=fields)
    illustrate(call, seed=slug)
    for position, (key, kind, label_ro, label_en, options) in enumerate(form):
        FormField.objects.update_or_create(call=call, key=key, defaults={
            "position": position, "kind": kind, "label_ro": label_ro, "label_en": label_en,
            "required": options.get("required", True), "max_length": options.get("max_length"),
            "choices": options.get("choices", []), "file_types": options.get("file_types", []),
            "max_file_mb": options.get("max_file_mb", 10), "identifying": options.get("identifying", False),
        })
    for position, (name_ro, name_en, weight) in enumerate(criteria):
        Criterion.objects.update_or_create(call=call, name_ro=name_ro, defaults={
            "name_en": name_en, "weight": Decimal(weight), "position": position})
    if call.tie_break_criterion_id is None:
        call.tie_break_criterion = call.criteria.order_by("position").first()
        call.save(update_fields=["tie_break_criterion"])
    return call


def load(log):
    # Deadlines at 17:00 on the Bucharest clock (adding days keeps the wall-clock hour).
    now = timezone.localtime().replace(hour=17, minute=0, second=0, microsecond=0)
    day = datetime.timedelta(days=1)
    academy = Programme.objects.filter(slug="academia-schimbarii").first()
    diu = Programme.objects.filter(slug="divizia-de-inovare-urbana").first()

    fix = _call(
        "fix-cluj", kind=CallKind.GRANT, programme=diu, status=CallStatus.PUBLISHED,
        title_ro="FIX Cluj – Fondul de Inovare și Experiment", title_en="FIX Cluj – the Innovation and Experiment Fund",
        summary_ro="Granturi pentru proiecte de imaginație civică și cercetare care testează idei noi pentru oraș."
        + FICTIONAL,
        summary_en="Grants for civic imagination and research projects that test new ideas for the city."
        + FICTIONAL_EN,
        guide_ro="## Cine poate aplica\nOrice participant verificat.\n\n## Ce finanțăm\nProiecte-pilot de "
        "imaginație civică și cercetare aplicată.",
        guide_en="## Who may apply\nAny verified participant.\n\n## What we fund\nPilot projects of civic "
        "imagination and applied research.",
        eligibility=Eligibility.PARTICIPANTS, budget_total=Decimal("200000"), amount_min=Decimal("5000"),
        amount_max=Decimal("40000"), opens_at=now - 10 * day, closes_at=now + 20 * day,
        questions_until=now + 10 * day, evaluation_until=(now + 40 * day).date(), results_on=(now + 45 * day).date(),
    )
    _call(
        "re-form", kind=CallKind.OPEN_CALL, programme=academy, status=CallStatus.PUBLISHED,
        title_ro="re:form – apel pentru organizații culturale", title_en="re:form – a call for cultural organisations",
        summary_ro="Sprijin pentru organizațiile culturale care își reinventează modul de lucru." + FICTIONAL,
        summary_en="Support for cultural organisations that reinvent the way they work." + FICTIONAL_EN,
        eligibility=Eligibility.ORGANISATION_CATEGORIES,
        eligible_categories=[Category.CULTURAL_INSTITUTION, Category.CIVIL_SOCIETY],
        budget_total=Decimal("150000"), amount_min=Decimal("10000"), amount_max=Decimal("30000"),
        opens_at=now - 5 * day, closes_at=now + 30 * day,
    )
    bursaries = _call(
        "bursele-de-inovare-cluj", kind=CallKind.GRANT, programme=diu, status=CallStatus.EVALUATION,
        title_ro="Bursele de Inovare Cluj", title_en="Cluj Innovation Bursaries",
        summary_ro="Burse pentru profesioniști care dezvoltă idei inovatoare pentru viitorul muncii." + FICTIONAL,
        summary_en="Bursaries for professionals developing innovative ideas for the future of work." + FICTIONAL_EN,
        budget_total=Decimal("100000"), amount_min=Decimal("5000"), amount_max=Decimal("20000"),
        opens_at=now - 60 * day, closes_at=now - 15 * day, evaluation_until=(now + 10 * day).date(),
    )
    artists = _call(
        "artisti-impreuna", kind=CallKind.OPEN_CALL, programme=academy, status=CallStatus.RESULTS_PUBLISHED,
        title_ro="Artiști Împreună", title_en="Artists Together",
        summary_ro="Apel deschis pentru artiști, pentru proiecte realizate împreună cu comunitatea." + FICTIONAL,
        summary_en="An open call for artists, for projects made together with the community." + FICTIONAL_EN,
        budget_total=Decimal("120000"), amount_min=Decimal("3000"), amount_max=Decimal("15000"),
        opens_at=now - 120 * day, closes_at=now - 80 * day, results_on=(now - 40 * day).date(),
    )
    competition = _call(
        "concurs-spatiu-public", kind=CallKind.COMPETITION, status=CallStatus.EVALUATION,
        title_ro="Concurs de soluții pentru un spațiu public (demonstrație)",
        title_en="Solution competition for a public space (demonstration)",
        summary_ro="Concurs de soluții, organizat după modelul celor derulate cu Ordinul Arhitecților din România: "
        "juriul evaluează propunerile anonim, după criterii publicate." + FICTIONAL,
        summary_en="A solution competition modelled on those run with the Romanian Order of Architects: the jury "
        "judges the entries anonymously, against published criteria." + FICTIONAL_EN,
        budget_total=Decimal("90000"), amount_min=Decimal("30000"), amount_max=Decimal("60000"),
        opens_at=now - 90 * day, closes_at=now - 20 * day, evaluation_until=(now + 15 * day).date(),
        form=[*STANDARD_FORM[:2], ("authors", FieldKind.TEAM_MEMBERS, "Autorii propunerii", "Authors", {}),
              ("boards", FieldKind.FILE, "Planșe (PDF)", "Boards (PDF)", {"file_types": ["pdf"], "max_file_mb": 20}),
              STANDARD_FORM[-1]],
        criteria=[("Calitatea soluției urbane", "Quality of the urban solution", 4),
                  ("Integrarea în context", "Fit with the context", 3),
                  ("Sustenabilitate", "Sustainability", 3)],
    )
    CallQuestion.objects.get_or_create(
        call=fix, question="Pot aplica și persoanele fizice, fără o organizație?",
        defaults={"answer": "Da: apelul este deschis oricărui participant verificat (răspuns fictiv).",
                  "answered_at": now - 3 * day})
    _demo_applications(artists, bursaries, competition)
    _demo_reviews(bursaries, competition, artists)
    log(f"{Call.objects.count()} calls, {Application.objects.count()} applications, "
        f"{Review.objects.count()} reviews")


def _demo_applications(artists, bursaries, competition):
    from civica.accounts.models import User

    from .services import reference_prefix

    residents = list(User.objects.filter(email__startswith="resident").order_by("email")[:12])
    titles = ["Atelier de mozaic în cartier", "Harta sonoră a Mănășturului", "Teatru pe scări de bloc",
              "Grădina de lectură", "Fotografii din Pata Rât", "Murale cu elevii", "Dans în piață",
              "Arhiva vie a fabricii"]
    for call, count in ((artists, 8), (bursaries, 6), (competition, 6)):
        if call.applications.exists():
            continue
        for number, person in enumerate(residents[:count], start=1):
            Application.objects.create(
                call=call, applicant=person, reference=f"{reference_prefix(call.slug)}-2026-{number:04d}",
                title=f"{titles[number % len(titles)]} (fictiv)", amount_requested=call.amount_max - 1000 * number,
                status=ApplicationStatus.SUBMITTED, version=1,
                submitted_at=call.closes_at - datetime.timedelta(days=number),
                answers={"summary": "Propunere fictivă, creată pentru demonstrație."},
            )
    if not artists.applications.filter(decision=Decision.FUNDED).exists():
        for application in artists.applications.order_by("reference")[:4]:
            application.decision = Decision.FUNDED
            application.amount_awarded = application.amount_requested
            application.feedback = "Felicitări! Proiect finanțat (decizie fictivă)."
            application.save(update_fields=["decision", "amount_awarded", "feedback"])
    # Published results have a decision for every submitted application (evaluation.call_move checks it).
    for number, application in enumerate(artists.applications.filter(decision=Decision.PENDING)
                                          .order_by("reference")):
        application.decision = Decision.RESERVE if number < 2 else Decision.REJECTED
        application.feedback = "Decizie fictivă, pentru demonstrație."
        application.save(update_fields=["decision", "feedback"])


def _demo_reviews(bursaries, competition, artists):
    """The demo evaluator and two fictional jury members review the calls in evaluation; one review
    of the competition is left as a draft so "My reviews" has work to do."""
    import random

    from civica.accounts.demo import demo_user
    from civica.accounts.models import User
    from civica.accounts.roles import Role
    from civica.accounts.services import role_grant

    rng = random.Random(5)
    jury = [demo_user("evaluator"), *User.objects.filter(email__in=["resident20@civica.test",
                                                                  "resident21@civica.test"])]
    for call in (bursaries, competition, artists):
        for person in jury:
            role_grant(user=person, role=Role.EVALUATOR, scope=call, by=None)
        if Assignment.objects.filter(application__call=call).exists():
            continue
        criteria = list(call.criteria.all())
        for application in call.applications.order_by("reference"):
            for person in jury:
                assignment = Assignment.objects.create(application=application, evaluator=person)
                draft = call == competition and person == jury[0] and application.reference.endswith("0001")
                review = Review.objects.create(
                    assignment=assignment, comment="Evaluare fictivă.",
                    status=Review.Status.DRAFT if draft else Review.Status.SUBMITTED,
                    submitted_at=None if draft else call.closes_at + datetime.timedelta(days=3))
                for criterion in criteria:
                    Score.objects.create(review=review, criterion=criterion, value=rng.randint(4, 10))
