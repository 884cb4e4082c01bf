"""Demo consultations in the spirit of CIIC's forum (seeds 002/003): the October 2017 debate on
Parcul Feroviarilor (past), the "Cluj for Youth 2030" action plan and the climate-neutral-city
mission (open now). Ideas and residents are fictional and say so; dates of the open
consultations move with today so the demo always has something open. "Cluj for Youth 2030" is
pre-moderated (its contributions wait for a moderator): two fictional ideas wait for approval."""

import datetime
import random
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils import timezone

from civica.accounts.models import User
from civica.comments.models import Alignment, Comment
from civica.core.illustrations import illustrate
from civica.goals.models import Goal
from civica.moderation.models import ReviewState

from .conversations.opinion import compute_map
from .conversations.services import participant_for
from .models import (
    Category,
    Choice,
    Conversation,
    Debate,
    Idea,
    IdeaStatus,
    Phase,
    Poll,
    PollAnswer,
    PollResponse,
    Process,
    Question,
    Statement,
    Support,
    Tag,
    Vote,
)
from .services import idea_tally_recount

FIRST_NAMES = ["Ana", "Bogdan", "Carmen", "Dan", "Elena", "Florin", "Gabriela", "Horia", "Ioana", "Lucian",
               "Maria", "Nicolae", "Oana", "Paul", "Raluca", "Sorin", "Teodora", "Vlad", "Zsófia", "Levente"]
LAST_NAMES = ["Pop", "Muresan", "Kovács", "Rus", "Moldovan", "Szabó", "Sabău", "Crișan"]

TAGS = [
    ("area", "cultura", "Cultură", "Culture"),
    ("area", "tineret", "Tineret", "Youth"),
    ("area", "spatiu-public", "Spațiu public", "Public space"),
    ("area", "mediu", "Mediu și climă", "Environment and climate"),
    ("area", "mobilitate", "Mobilitate", "Mobility"),
]

# Ideas by the category they belong to (None: the consultation has no categories); each title once.
YOUTH_IDEAS = {
    "Educație": [
        ("Spații de lucru gratuite pentru liceeni în biblioteci", "Săli deschise după ore, cu internet și prize."),
        ("Ateliere de orientare profesională cu firme locale", "Vizite la companii și mentorat pentru liceeni."),
        ("Cursuri de educație financiară în școli", "Lecții practice despre buget personal și economii."),
        ("Ore de educație civică ținute în primărie", "Elevii află la fața locului cum se iau deciziile în oraș."),
        ("Meditații gratuite oferite de studenți voluntari",
         "Sprijin la matematică și română pentru elevii care rămân în urmă."),
        ("Laboratoare de robotică deschise în școlile de cartier",
         "Echipamente comune, folosite prin rotație de mai multe școli."),
        ("Cursuri de programare pentru liceeni în weekend", "Predate de voluntari din firmele de IT ale orașului."),
        ("Bibliotecă de manuale și cărți la mâna a doua", "Elevii donează și împrumută gratuit."),
        ("Schimburi de experiență între liceele din zona metropolitană",
         "Vizite și proiecte comune ale elevilor din oraș și din comunele din jur."),
    ],
    "Cultură": [
        ("Scenă deschisă pentru trupe tinere în parcuri", "O scenă mobilă care se mută lunar între cartiere."),
        ("Festival al liceelor organizat de elevi", "Elevii aleg programul, orașul oferă spațiile."),
        ("Rezidențe artistice pentru tineri artiști clujeni", "Ateliere gratuite într-o clădire a orașului."),
        ("Cafenea culturală pentru adolescenți", "Un loc fără alcool, cu jocuri, lecturi și concerte."),
        ("Bilete reduse la teatru și concerte pentru elevi",
         "Un card cultural pentru tinerii sub 19 ani, valabil la instituțiile orașului."),
        ("Săli de repetiții pentru trupele de liceu", "Spații cu izolare fonică, rezervate online, la prețuri mici."),
        ("Cinematograf în aer liber în curțile școlilor", "Proiecții de vară cu filme alese de elevi."),
        ("Concurs de artă stradală pe pereții orașului", "Pereți aleși împreună cu locuitorii, pentru tineri artiști."),
        ("Club de lectură al tinerilor în bibliotecile de cartier", "Întâlniri lunare, cu autori invitați."),
    ],
    "Sănătate": [
        ("Puncte de consiliere psihologică pentru tineri", "Consiliere gratuită, fără listă lungă de așteptare."),
        ("Terenuri de sport deschise seara", "Iluminat și program prelungit la terenurile școlilor."),
        ("Apă potabilă gratuită în școli și parcuri", "Cișmele moderne în locul sticlelor de plastic."),
        ("Cabinet medical în fiecare liceu", "Un medic sau o asistentă medicală prezenți zilnic."),
        ("Campanii de prevenire a consumului de droguri făcute de tineri",
         "Mesaje gândite de adolescenți pentru adolescenți, împreună cu medici."),
        ("Sport gratuit în parcuri, duminică dimineața", "Antrenori voluntari pentru alergare, yoga și fitness."),
        ("Linie telefonică de sprijin pentru tineri, non-stop",
         "Sprijin psihologic prin telefon, cu anonimat garantat."),
        ("Meniuri sănătoase la cantinele școlare", "Mai puțin zahăr și mai multe legume, la același preț."),
        ("Bazine deschise elevilor la prețuri mici", "Program dedicat după ore la bazinele orașului."),
    ],
}
CLIMATE_IDEAS = {
    "Energie": [
        ("Panouri solare pe blocuri, cu finanțare comună", "Asociațiile de proprietari să poată aplica împreună."),
        ("Izolarea termică a școlilor vechi", "Mai puțină energie pierdută și clase mai calde."),
        ("Iluminat public cu LED și senzori de prezență", "Lumina se reduce noaptea pe străzile goale."),
        ("Inventar public al consumului de energie al clădirilor publice",
         "Date deschise, actualizate anual, pentru fiecare școală și birou."),
        ("Panouri solare pe acoperișurile școlilor", "Energia produsă acoperă o parte din consumul zilnic."),
        ("Consultanță gratuită pentru renovarea energetică a locuințelor",
         "Un birou al primăriei care explică pașii și finanțările."),
        ("Termoficare modernizată în cartierele vechi", "Mai puține pierderi pe conducte, facturi mai mici."),
        ("Comunități de energie în cartiere", "Vecinii produc și împart energie din surse regenerabile."),
    ],
    "Mobilitate": [
        ("Piste de biciclete continue spre zona industrială", "Legături sigure între cartiere și locurile de muncă."),
        ("Transport public electric pe toate liniile", "Un calendar public de înlocuire a autobuzelor."),
        ("Zile fără mașini în centru, lunar", "Străzi deschise pentru pietoni, biciclete și evenimente."),
        ("Parcări pentru biciclete la fiecare școală", "Acoperite și sigure."),
        ("Benzi dedicate autobuzelor pe marile bulevarde", "Autobuze mai rapide decât mașinile la orele de vârf."),
        ("Drumuri sigure pe jos spre școli", "Treceri de pietoni înălțate și viteză redusă în jurul școlilor."),
        ("Stații de încărcare pentru biciclete electrice", "În parcările publice, lângă stațiile de autobuz."),
        ("Abonament unic pentru transportul metropolitan",
         "Un singur bilet pentru autobuz, trenul metropolitan și bicicletele publice."),
    ],
    "Spații verzi": [
        ("Acoperișuri verzi pe clădirile publice", "Începând cu școlile și grădinițele din oraș."),
        ("Plantarea a 10.000 de arbori pe străzi", "Cu prioritate pe străzile fără umbră."),
        ("Grădini comunitare pe terenuri neutilizate", "Loturi mici pentru locuitorii din blocuri."),
        ("Compost de cartier în fiecare parc", "Puncte de compostare îngrijite de voluntari."),
        ("Pajiști cu flori sălbatice în locul gazonului tuns des",
         "Mai multă biodiversitate și mai puțină apă folosită."),
        ("Curți de școală transformate în mici păduri", "Umbră pentru copii și răcoare în verile fierbinți."),
        ("Un parc de-a lungul Someșului", "Alei, arbori și locuri de odihnă pe malul râului."),
        ("Arbori adoptați de locuitori", "Fiecare arbore nou are un vecin care îl udă vara."),
    ],
}
PARK_IDEAS = {
    None: [
        ("Păstrarea arborilor maturi din parc", "Proiectul câștigător să păstreze toți arborii sănătoși."),
        ("Loc de joacă pentru toate vârstele", "Inclusiv pentru copiii cu dizabilități."),
        ("Amintirea istoriei feroviare a parcului", "Elemente care să spună povestea cartierului feroviarilor."),
        ("Iluminat public eficient", "Lumini care nu deranjează locuitorii din jur."),
        ("Alei accesibile pentru cărucioare", "Fără trepte și cu bănci la distanțe mici."),
        ("Toalete publice îngrijite", "Deschise toată ziua, cu acces pentru persoanele cu dizabilități."),
        ("Bănci și mese la umbră", "Locuri de odihnă pentru vârstnici și pentru familiile cu copii."),
        ("Cișmea cu apă potabilă", "Lângă locul de joacă și lângă terenul de sport."),
        ("Teren de sport deschis tuturor", "Baschet și fotbal pe suprafețe sigure."),
        ("Loc pentru evenimentele cartierului", "O scenă mică pentru concerte și târguri de weekend."),
        ("Suporturi pentru biciclete la intrările parcului", "Sigure și la vedere."),
        ("Zonă îngrădită pentru câini", "Departe de locul de joacă al copiilor."),
    ],
}

# A few ideas with a point on the consultation's map. The ideas are fictional and so are their points:
# around Parcul Feroviarilor (near Cluj-Napoca's railway station, about 46.782 N, 23.587 E) and along
# the Someș and in the city's centre, approximate to a street or a park, never a building.
IDEA_POINTS = {
    "Loc de joacă pentru toate vârstele": ("46.781900", "23.586600", "Parcul Feroviarilor"),
    "Teren de sport deschis tuturor": ("46.782300", "23.587600", "Parcul Feroviarilor"),
    "Zonă îngrădită pentru câini": ("46.781400", "23.587900", "Parcul Feroviarilor"),
    "Un parc de-a lungul Someșului": ("46.774800", "23.585000", "Malul Someșului, Cluj-Napoca"),
    "Zile fără mașini în centru, lunar": ("46.769700", "23.589800", "Piața Unirii, Cluj-Napoca"),
    "Scenă deschisă pentru trupe tinere în parcuri": ("46.768200", "23.578800", "Parcul Central, Cluj-Napoca"),
}

COMMENTS_FOR = [
    "Susțin: ar face cartierul mai prietenos pentru copii.",
    "Foarte bună idee, mai ales dacă e gândită împreună cu școlile din zonă.",
    "Ar ajuta și vârstnicii, nu doar tinerii.",
    "Am văzut ceva asemănător la Timișoara și a funcționat bine.",
]
COMMENTS_AGAINST = [
    "Mă tem că întreținerea va costa mai mult decât credem.",
    "Nu cred că e o prioritate acum; sunt probleme mai urgente.",
    "Ar trebui întâi un studiu despre cine ar folosi-o.",
]
COMMENTS_NEUTRAL = [
    "Cine s-ar ocupa de program în weekend?",
    "Există un buget estimat pentru asta?",
    "Poate ar merge testat întâi într-un singur cartier.",
    "Aș adăuga și o variantă pentru zona metropolitană.",
    "Ce spun asociațiile de proprietari din zonă?",
]
REPLIES = [
    "Bună întrebare; cred că primăria are deja date despre asta.",
    "De acord, un pilot ar fi un început bun.",
    "Am participat la o dezbatere la CIIC pe tema asta; merită continuat.",
]
# (question_ro, description_ro, question_en, description_en)
DEBATES = {
    "parcul-feroviarilor-2017": [("Ar trebui păstrată vechea locomotivă în parc?",
                                  "Unii locuitori o văd ca pe un simbol al cartierului, alții ca pe un pericol.",
                                  "Should the old locomotive stay in the park?",
                                  "Some residents see it as a symbol of the neighbourhood, others as a danger.")],
    "cluj-for-youth-2030": [("Ar trebui ca tinerii de 16 ani să voteze în bugetarea participativă?",
                             "Consiliul Consultativ de Tineret propune vârsta de 16 ani.",
                             "Should 16-year-olds vote in participatory budgeting?",
                             "The Youth Advisory Council proposes the age of 16.")],
    "cluj-oras-neutru-climatic": [("Ar trebui închis centrul orașului pentru mașini în weekend?",
                                   "O măsură discutată în multe orașe europene din misiunea climatică.",
                                   "Should the city centre be closed to cars at weekends?",
                                   "A measure discussed in many European cities of the climate mission.")],
}


def _moment(process):
    """'Now' for a demo process: today, or the end of its ideas phase if that is past."""
    ideas_end = process.phases.filter(kind="ideas").values_list("ends_at", flat=True).first()
    return min(timezone.now(), ideas_end or timezone.now())


def _comments(process, targets, residents, rng):
    """Comments and replies on ``targets`` (ideas or debates), only the first time."""
    if Comment.objects.filter(scope_type=ContentType.objects.get_for_model(process), scope_id=process.pk).exists():
        return
    for target in targets:
        target_type = ContentType.objects.get_for_model(target)
        count = rng.randint(3, 9) if isinstance(target, Debate) else rng.randint(2, 6)
        for _number in range(count):
            alignment = rng.choice([Alignment.IN_FAVOUR, Alignment.AGAINST, Alignment.NEUTRAL, Alignment.NEUTRAL])
            texts = {Alignment.IN_FAVOUR: COMMENTS_FOR, Alignment.AGAINST: COMMENTS_AGAINST}.get(
                alignment, COMMENTS_NEUTRAL)
            author = rng.choice(residents)
            comment = Comment.objects.create(
                target_type=target_type, target_id=target.pk, scope=process, author=author,
                body=rng.choice(texts), alignment=alignment, upvotes=rng.randint(0, 12), downvotes=rng.randint(0, 4),
                created_at=_moment(process) - datetime.timedelta(days=rng.randint(0, 9), minutes=rng.randint(0, 600)),
            )
            if rng.random() < 0.4:
                Comment.objects.create(
                    target_type=target_type, target_id=target.pk, scope=process, parent=comment, depth=1,
                    author=rng.choice(residents), body=rng.choice(REPLIES),
                    created_at=min(_moment(process), comment.created_at + datetime.timedelta(hours=rng.randint(1, 30))),
                )
                Comment.objects.filter(pk=comment.pk).update(reply_count=1)
        type(target).objects.filter(pk=target.pk).update(
            comment_count=Comment.objects.filter(target_type=target_type, target_id=target.pk).count()
        )


def _poll(process, residents, rng):
    """A poll on the youth plan, answered by the demo residents (results shown right away)."""
    if process.polls.exists():
        return
    poll = Poll.objects.create(
        process=process, phase=process.phases.get(kind="ideas"), title="Ce contează cel mai mult pentru tineri?",
        title_en="What matters most to young people?",
        description="Un sondaj scurt pentru planul „Cluj for Youth 2030” (răspunsuri fictive).",
        description_en="A short poll for the “Cluj for Youth 2030” plan (fictional answers).",
        results_visibility=Poll.ResultsVisibility.IMMEDIATELY,
    )
    single = Question.objects.create(poll=poll, position=1, kind=Question.Kind.SINGLE,
                                     text="Unde petreceți cel mai mult timp liber?",
                                     text_en="Where do you spend most of your free time?")
    places = [Choice.objects.create(question=single, position=n, text=text, text_en=text_en)
              for n, (text, text_en) in enumerate([("În parcuri", "In parks"),
                                                   ("La evenimente culturale", "At cultural events"),
                                                   ("Online", "Online"), ("La sport", "Doing sport")])]
    multiple = Question.objects.create(poll=poll, position=2, kind=Question.Kind.MULTIPLE, max_choices=2,
                                       text="Ce ar trebui să aibă orașul mai mult? (cel mult două)",
                                       text_en="What should the city have more of? (at most two)")
    wishes = [Choice.objects.create(question=multiple, position=n, text=text, text_en=text_en)
              for n, (text, text_en) in enumerate([("Spații de lucru", "Workspaces"), ("Concerte", "Concerts"),
                                                   ("Piste de biciclete", "Cycle lanes"),
                                                   ("Consiliere", "Counselling")])]
    ranking = Question.objects.create(poll=poll, position=3, kind=Question.Kind.RANKING,
                                      text="Ordonați prioritățile (1 = cea mai importantă)",
                                      text_en="Put the priorities in order (1 = the most important)")
    priorities = [Choice.objects.create(question=ranking, position=n, text=text, text_en=text_en)
                  for n, (text, text_en) in enumerate([("Educație", "Education"), ("Locuri de muncă", "Jobs"),
                                                       ("Cultură", "Culture")])]
    scale = Question.objects.create(poll=poll, position=4, kind=Question.Kind.SCALE,
                                    text="Cât de mult vă implicați în viața orașului?",
                                    text_en="How much do you take part in the life of the city?")
    free = Question.objects.create(poll=poll, position=5, kind=Question.Kind.TEXT, required=False,
                                   text="Altceva ce vreți să ne spuneți?",
                                   text_en="Anything else you want to tell us?")
    notes = ["Mai multe evenimente în cartiere.", "Transport de noapte în weekend.", ""]
    for person in residents[:24]:
        response = PollResponse.objects.create(poll=poll, respondent=person)
        order = rng.sample(priorities, len(priorities))
        rows = [PollAnswer(response=response, question=single, choice=rng.choice(places)),
                *[PollAnswer(response=response, question=multiple, choice=choice)
                  for choice in rng.sample(wishes, rng.randint(1, 2))],
                *[PollAnswer(response=response, question=ranking, choice=choice, rank=place)
                  for place, choice in enumerate(order, start=1)],
                PollAnswer(response=response, question=scale, value=rng.randint(1, 5))]
        note = rng.choice(notes)
        if note:
            rows.append(PollAnswer(response=response, question=free, text=note))
        PollAnswer.objects.bulk_create(rows)
    Poll.objects.filter(pk=poll.pk).update(response_count=24)


# The demo conversation's statements (fictional, written for the demo): two camps of opinion (more
# for the centre, more for the neighbourhoods) and what both share.
CONVERSATION_STATEMENTS = [
    ("Tinerii ar trebui să aibă un loc de întâlnire în fiecare cartier.", "neighbourhoods"),
    ("Banii pentru tineret ar trebui cheltuiți mai ales în centrul orașului, unde ajung toți.", "centre"),
    ("Transportul public de noapte în weekend este necesar.", "both"),
    ("Festivalurile mari aduc mai mult tinerilor decât activitățile mici din cartiere.", "centre"),
    ("Școlile ar trebui să rămână deschise după-amiaza pentru cluburi și sport.", "neighbourhoods"),
    ("Consiliul de Tineret ar trebui să decidă o parte din buget.", "both"),
    ("Terenurile de sport din cartiere sunt mai importante decât o sală mare în centru.", "neighbourhoods"),
    ("Un centru de tineret mare, în centru, e mai bun decât multe spații mici.", "centre"),
    ("Tinerii nu sunt întrebați destul când orașul decide.", "both"),
    ("Ar trebui mai puține evenimente și mai multe locuri deschise zilnic.", "neighbourhoods"),
]


def _conversation(process, residents, rng):
    """A conversation of the youth plan with fictional statements and votes, and its map computed."""
    if process.conversations.exists():
        return
    conversation = Conversation.objects.create(
        process=process, phase=process.phases.get(kind="ideas"), title="Ce fel de oraș pentru tineri?",
        title_en="What kind of city for young people?",
        description="Votați de acord, dezacord sau treceți mai departe și adăugați propriile afirmații. "
        "Afirmațiile și voturile de aici sunt **fictive**, pentru demonstrație.",
        description_en="Vote agree, disagree or pass, and add your own statements. The statements and votes "
        "here are **fictional**, for demonstration.",
    )
    statements = [(Statement.objects.create(conversation=conversation, text=text, is_seed=True), camp)
                  for text, camp in CONVERSATION_STATEMENTS]
    votes = []
    for number, person in enumerate(residents[:26]):
        participant = participant_for(conversation=conversation, user=person)
        side = "centre" if number % 3 == 0 else "neighbourhoods"
        for statement, camp in rng.sample(statements, rng.randint(7, len(statements))):
            if camp == "both":
                choice = 1 if rng.random() < 0.85 else 0
            else:
                choice = (1 if camp == side else -1) if rng.random() < 0.8 else rng.choice((0, 1, -1))
            votes.append(Vote(participant=participant, statement=statement, choice=choice))
    Vote.objects.bulk_create(votes)
    compute_map(conversation.pk)


def _residents(count=30):
    residents = []
    for number in range(1, count + 1):
        name = f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {LAST_NAMES[number % len(LAST_NAMES)]} (demo)"
        user, created = User.objects.get_or_create(email=f"resident{number:02d}@civica.test",
                                                   defaults={"display_name": name})
        if created:
            user.set_password("civica-demo")
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        residents.append(user)
    return residents


def _process(slug, phases, tags, **fields):
    """``tags``: the short names of its areas and the codes of its goals (``sdg-11``)."""
    process, _created = Process.objects.update_or_create(slug=slug, defaults=fields)
    illustrate(process, "hero_image", seed=slug)
    process.tags.set(Tag.objects.filter(slug__in=tags))
    process.goals.set(Goal.objects.filter(code__in=tags))
    for position, (kind, starts_at, ends_at) in enumerate(phases):
        Phase.objects.update_or_create(process=process, position=position,
                                       defaults={"kind": kind, "starts_at": starts_at, "ends_at": ends_at})
    process.phases.filter(position__gte=len(phases)).delete()
    return process


def _ideas(process, items, residents, rng, answered=()):
    """``items``: ``{category name_ro or None: [(title, body), ...]}``; each idea goes to its own category."""
    if process.ideas.exists():
        return
    categories = {category.name_ro: category for category in process.categories.all()}
    moment = _moment(process)
    ideas = []
    for category_name, category_items in items.items():
        for title, body in category_items:
            ideas.append(Idea(
                process=process, author=residents[(len(ideas) * 7) % len(residents)], title=title,
                body=f"{body}\n\n*Idee fictivă, creată pentru demonstrație. / A fictional idea, made for the demo.*",
                category=categories[category_name] if category_name else None,
                created_at=moment - datetime.timedelta(days=rng.randint(10, 25), hours=rng.randint(0, 23)),
            ))
    Idea.objects.bulk_create(ideas)
    for idea in ideas[:2]:  # a couple of ideas come with a picture, most without (the placeholder shows)
        illustrate(idea, seed=f"{process.slug}:{idea.title}")
    supports, used = [], {}
    cap = process.supports_per_person or len(ideas)
    for idea in process.ideas.all():
        for user in rng.sample(residents, rng.randint(0, len(residents) // 2)):
            if user.pk != idea.author_id and used.get(user.pk, 0) < cap:
                used[user.pk] = used.get(user.pk, 0) + 1
                supports.append(Support(idea=idea, user=user))
    Support.objects.bulk_create(supports, ignore_conflicts=True)
    for idea in process.ideas.annotate(total=Count("supports")):
        Idea.objects.filter(pk=idea.pk).update(support_count=idea.total)
    for title, status, answer in answered:
        process.ideas.filter(title=title).update(status=status, answer=answer, answered_at=timezone.now())
    idea_tally_recount(process=process)


# Ideas waiting for a moderator's approval in the youth consultation (pre-moderation): the demo's
# moderator finds them in the moderation queue's "waiting for approval" section. Fictional.
WAITING_IDEAS = [
    ("Cultură", "Un festival de film făcut de liceeni", "Liceele din zona metropolitană să organizeze împreună un "
     "festival de scurtmetraje, cu proiecții în aer liber."),
    ("Sănătate", "Alergare de seară pe malul Someșului", "O alergare săptămânală, deschisă oricui, cu voluntari "
     "tineri care o conduc și un traseu iluminat."),
]


def _waiting_ideas(process, residents):
    if process.ideas.filter(review_state=ReviewState.WAITING).exists():
        return
    categories = {category.name_ro: category for category in process.categories.all()}
    for index, (category, title, body) in enumerate(WAITING_IDEAS):
        Idea.objects.create(
            process=process, author=residents[index + 3], title=title, category=categories.get(category),
            is_hidden=True,
            review_state=ReviewState.WAITING,
            body=f"{body}\n\n*Idee fictivă, creată pentru demonstrație. / A fictional idea, made for the demo.*")
    idea_tally_recount(process=process)


def load(log):
    rng = random.Random(2017)
    for kind, slug, name_ro, name_en in TAGS:
        Tag.objects.update_or_create(slug=slug, defaults={"kind": kind, "name_ro": name_ro, "name_en": name_en})
    residents = _residents()
    # Phases change at 17:00 on the Bucharest clock (adding days keeps the wall-clock hour).
    now = timezone.localtime().replace(hour=17, minute=0, second=0, microsecond=0)
    day = datetime.timedelta(days=1)
    tz = timezone.get_current_timezone()

    park = _process(
        "parcul-feroviarilor-2017",
        [("information", datetime.datetime(2017, 9, 15, tzinfo=tz), datetime.datetime(2017, 10, 1, tzinfo=tz)),
         ("ideas", datetime.datetime(2017, 10, 1, tzinfo=tz), datetime.datetime(2017, 10, 31, tzinfo=tz)),
         ("results", datetime.datetime(2017, 10, 31, tzinfo=tz), datetime.datetime(2017, 12, 31, tzinfo=tz))],
        ["spatiu-public", "sdg-11"],
        title_ro="Parcul Feroviarilor – concursul de soluții pentru reabilitarea parcului",
        title_en="Parcul Feroviarilor – the solution competition for the park's rehabilitation",
        summary_ro="Dezbaterea publică cu care s-a deschis CIIC în octombrie 2017: ce așteaptă locuitorii "
        "de la parcul reabilitat prin concurs de soluții.",
        summary_en="The public debate that opened CIIC in October 2017: what residents expect from the park "
        "rehabilitated through a solution competition.",
        body_ro="Concursul de soluții a fost organizat împreună cu Ordinul Arhitecților din România. "
        "Ideile de mai jos sunt **fictive**, pentru demonstrație.",
        body_en="The solution competition was organised with the Romanian Order of Architects. "
        "The ideas below are **fictional**, for demonstration.",
        scope=Process.Scope.NEIGHBOURHOOD, starts_on=datetime.date(2017, 9, 15), ends_on=datetime.date(2017, 12, 31),
        is_published=True,
    )
    youth = _process(
        "cluj-for-youth-2030",
        [("information", now - 30 * day, now - 20 * day), ("ideas", now - 20 * day, now + 20 * day),
         ("voting", now + 20 * day, now + 40 * day), ("results", now + 40 * day, now + 70 * day)],
        ["tineret", "cultura", "sdg-4"],
        title_ro="Cluj for Youth 2030 – planul de acțiune pentru tineret",
        title_en="Cluj for Youth 2030 – the youth action plan",
        summary_ro="Ce ar trebui să facă orașul și zona metropolitană pentru tineri până în 2030? Propuneți și "
        "susțineți idei; Consiliul Consultativ de Tineret le discută.",
        summary_en="What should the city and the metropolitan area do for young people by 2030? Propose and "
        "support ideas; the Youth Consultative Council discusses them.",
        body_ro="Planul de acțiune pentru tineret „Cluj for Youth 2030” îmbină proiecte de la nivel urban și "
        "metropolitan. Ideile afișate aici sunt **fictive**, pentru demonstrație.",
        body_en="The \"Cluj for Youth 2030\" youth action plan brings together urban and metropolitan projects. "
        "The ideas shown here are **fictional**, for demonstration.",
        scope=Process.Scope.METROPOLITAN, starts_on=(now - 30 * day).date(), ends_on=(now + 70 * day).date(),
        is_published=True, supports_per_person=12,
        # Pre-moderation: young people's contributions wait for a moderator (two below do).
        contributions_wait=True,
    )
    climate = _process(
        "cluj-oras-neutru-climatic",
        [("information", now - 10 * day, now - 5 * day), ("ideas", now - 5 * day, now + 30 * day),
         ("results", now + 30 * day, now + 60 * day)],
        ["mediu", "mobilitate", "sdg-13", "sdg-11", "climate-neutral-cities"],
        title_ro="Cluj, oraș neutru climatic până în 2030",
        title_en="Cluj, a climate-neutral city by 2030",
        summary_ro="Cluj-Napoca face parte din misiunea europeană a 100 de orașe inteligente și neutre climatic "
        "până în 2030. Ce pot face orașul și locuitorii?",
        summary_en="Cluj-Napoca takes part in the EU mission of 100 climate-neutral and smart cities by 2030. "
        "What can the city and its residents do?",
        body_ro="Ideile afișate aici sunt **fictive**, pentru demonstrație.",
        body_en="The ideas shown here are **fictional**, for demonstration.",
        scope=Process.Scope.CITY, starts_on=(now - 10 * day).date(), ends_on=(now + 60 * day).date(),
        is_published=True,
    )
    for process, names in ((youth, [("Educație", "Education"), ("Cultură", "Culture"), ("Sănătate", "Health")]),
                           (climate, [("Energie", "Energy"), ("Mobilitate", "Mobility"), ("Spații verzi", "Green")])):
        for name_ro, name_en in names:
            Category.objects.get_or_create(process=process, name_ro=name_ro, defaults={"name_en": name_en})

    _ideas(park, PARK_IDEAS, residents, rng, answered=[
        ("Păstrarea arborilor maturi din parc", IdeaStatus.ACCEPTED,
         "Caietul de sarcini al concursului cere păstrarea arborilor sănătoși (răspuns fictiv)."),
    ])
    _ideas(youth, YOUTH_IDEAS, residents, rng, answered=[
        ("Terenuri de sport deschise seara", IdeaStatus.EVALUATING, "Analizăm costurile de iluminat (fictiv)."),
    ])
    _ideas(climate, CLIMATE_IDEAS, residents, rng)
    _waiting_ideas(youth, residents)
    for title, (latitude, longitude, location) in IDEA_POINTS.items():
        Idea.objects.filter(process__in=(park, youth, climate), title=title, latitude=None).update(
            latitude=Decimal(latitude), longitude=Decimal(longitude), location=location)
    _poll(youth, residents, rng)
    _conversation(youth, residents, rng)
    for process in (park, youth, climate):
        for question, description, question_en, description_en in DEBATES[process.slug]:
            Debate.objects.get_or_create(process=process, question=question, defaults={
                "description": description, "question_en": question_en, "description_en": description_en})
        targets = list(process.ideas.order_by("pk")) + list(process.debates.order_by("pk"))
        _comments(process, targets, residents, rng)
    log(f"{Process.objects.count()} consultations, {Idea.objects.count()} ideas, {Support.objects.count()} supports, "
        f"{Debate.objects.count()} debates, {Comment.objects.count()} comments, {Poll.objects.count()} poll, "
        f"{Conversation.objects.count()} conversation")
