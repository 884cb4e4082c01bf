"""Demo news and press releases for the seeds' events: the CIIC's opening debate on Parcul
Feroviarilor (October 2017, seed 002), the Art & Well-being Forum (8–10 September 2021) and the
Școala Curatorială de Toamnă #3 (11–15 September 2021) and the ECCA pavilion's launch (21 October 2021),
all from the 2021 plan (seed 000), and the CIIC's reorganisation with the Urban Innovation Division
(end of August 2022, seeds 002 and 003). The facts are the seeds'; the sentences are ours, and an
article whose text goes beyond the seed (announcements, quotes, details) is marked fictional. One
article is scheduled for next week and one is a draft, for the editors' screens. Loading again
changes nothing (rows by slug, images and comments only once)."""

import datetime

from django.utils import timezone

from civica.accounts.models import User
from civica.comments.demo import seed_conversation
from civica.core.illustrations import ALT, illustrate
from civica.network.models import Programme

from .models import Article, ArticleKind, ArticleStatus, Tag

ALT_EN = "Abstract illustration: coloured circles, bands and triangles (demonstration image)."

TAGS = [
    ("arta-contemporana", "Artă contemporană", "Contemporary art"),
    ("bunastare", "Cultură și bunăstare", "Culture and well-being"),
    ("dezbateri-publice", "Dezbateri publice", "Public debates"),
    ("inovare-civica", "Inovare civică", "Civic innovation"),
    ("spatii", "Spații", "Spaces"),
]


def _articles(tz, now):
    return [
        {"slug": "ciic-se-deschide-cu-o-dezbatere-despre-parcul-feroviarilor", "kind": ArticleKind.NEWS,
         "published_at": datetime.datetime(2017, 10, 31, 12, 0, tzinfo=tz), "is_fictional": True,
         "tags": ["dezbateri-publice", "inovare-civica"], "programme": None,
         "title_ro": "Centrul de Inovare și Imaginație Civică s-a deschis cu o dezbatere despre Parcul Feroviarilor",
         "title_en": "The Centre for Civic Innovation and Imagination opened with a debate on Parcul Feroviarilor",
         "summary_ro": "În octombrie 2017, Primăria Cluj-Napoca a inaugurat CIIC cu o dezbatere publică despre "
         "concursul de soluții pentru reabilitarea Parcului Feroviarilor.",
         "summary_en": "In October 2017 Cluj-Napoca City Hall opened the CIIC with a public debate on the solution "
         "competition for the rehabilitation of Parcul Feroviarilor.",
         "body_ro": "Centrul de Inovare și Imaginație Civică (CIIC) a luat naștere în **octombrie 2017**, ca un "
         "laborator permanent în care actorii orașului colaborează.\n\nPrima temă a fost **Parcul Feroviarilor** "
         "și concursul de soluții pentru reabilitarea lui. *Text fictiv, pentru demonstrație:* locuitorii au "
         "venit cu întrebări despre arbori, locuri de joacă și accesul din cartier, iar echipa a promis că "
         "răspunsurile vor fi publicate.",
         "body_en": "The Centre for Civic Innovation and Imagination (CIIC) was born in **October 2017**, as a "
         "permanent laboratory where the city's actors work together.\n\nIts first subject was **Parcul "
         "Feroviarilor** and the solution competition for its rehabilitation. *Fictional text, for "
         "demonstration:* residents came with questions about the trees, playgrounds and access from the "
         "neighbourhood, and the team promised to publish the answers."},
        {"slug": "art-well-being-forum-8-10-septembrie-2021", "kind": ArticleKind.PRESS_RELEASE,
         "published_at": datetime.datetime(2021, 8, 25, 10, 0, tzinfo=tz), "is_fictional": True,
         "tags": ["bunastare"], "programme": "spatiu-interior",
         "title_ro": "Art & Well-being Forum: trei zile despre cultură și bunăstare, 8–10 septembrie",
         "title_en": "Art & Well-being Forum: three days on culture and well-being, 8–10 September",
         "summary_ro": "Forumul internațional Art & Well-being are loc între 8 și 10 septembrie 2021, în cadrul "
         "proiectului Spațiu Interior.",
         "summary_en": "The international Art & Well-being Forum takes place from 8 to 10 September 2021, as part "
         "of the Inner Space project.",
         "body_ro": "Spațiu Interior explorează relația dintre cultură și bunăstare: artiști, oameni de știință "
         "și experți în sănătate și psihologie lucrează împreună.\n\nForumul din **8–10 septembrie** reunește "
         "Think Tank-ul pentru Artă și Bunăstare și prezintă proiectele pilot ale anului. *Text fictiv, pentru "
         "demonstrație:* înscrierile se fac pe site-ul proiectului, iar sesiunile vor fi traduse.",
         "body_en": "Inner Space explores the relationship between culture and well-being: artists, scientists "
         "and health and psychology experts work together.\n\nThe forum of **8–10 September** brings together "
         "the Think Tank for Art and Well-being and presents the year's pilot projects. *Fictional text, for "
         "demonstration:* registration is on the project's website, and the sessions will be interpreted."},
        {"slug": "scoala-curatoriala-de-toamna-3", "kind": ArticleKind.NEWS,
         "published_at": datetime.datetime(2021, 9, 16, 9, 30, tzinfo=tz), "is_fictional": True,
         "tags": ["arta-contemporana"], "programme": "ecca",
         "title_ro": "Școala Curatorială de Toamnă #3 s-a încheiat",
         "title_en": "The third Autumn Curatorial School has ended",
         "summary_ro": "Între 11 și 15 septembrie 2021, ECCA a organizat a treia ediție a Școlii Curatoriale de "
         "Toamnă.",
         "summary_en": "From 11 to 15 September 2021, ECCA held the third Autumn Curatorial School.",
         "body_ro": "Școala curatorială de toamnă este unul dintre programele prin care ECCA pregătește viitorul "
         "centru de artă contemporană al Clujului. *Text fictiv, pentru demonstrație:* participanții au lucrat "
         "cinci zile cu curatori invitați și au vizitat atelierele artiștilor din oraș.",
         "body_en": "The Autumn Curatorial School is one of the ways ECCA prepares Cluj's future contemporary art "
         "centre. *Fictional text, for demonstration:* participants worked for five days with guest curators "
         "and visited artists' studios in the city."},
        {"slug": "lansarea-pavilionului-ecca-21-octombrie-2021", "kind": ArticleKind.PRESS_RELEASE,
         "published_at": datetime.datetime(2021, 10, 14, 11, 0, tzinfo=tz), "is_fictional": True,
         "tags": ["arta-contemporana", "spatii"], "programme": "ecca",
         "title_ro": "Pavilionul ECCA se lansează pe 21 octombrie",
         "title_en": "The ECCA Pavilion opens on 21 October",
         "summary_ro": "Primul spațiu fizic al Centrului European de Artă Contemporană, un pavilion temporar, se "
         "lansează pe 21 octombrie 2021.",
         "summary_en": "The first physical space of the European Centre for Contemporary Art, a temporary "
         "pavilion, opens on 21 October 2021.",
         "body_ro": "Deschiderea unui spațiu fizic, un pavilion temporar, este unul dintre obiectivele ECCA pentru "
         "2021; pavilionul a fost dezvoltat între martie și octombrie.\n\n*Text fictiv, pentru demonstrație:* "
         "seara de lansare include un tur ghidat și o discuție despre arhiva ECCA, deschisă tuturor.",
         "body_en": "Opening a physical space, a temporary pavilion, is one of ECCA's objectives for 2021; the "
         "pavilion was developed from March to October.\n\n*Fictional text, for demonstration:* the launch "
         "evening includes a guided tour and a talk about the ECCA archive, open to everyone."},
        {"slug": "ciic-integreaza-divizia-de-inovare-urbana", "kind": ArticleKind.PRESS_RELEASE,
         "published_at": datetime.datetime(2022, 9, 1, 10, 0, tzinfo=tz), "is_fictional": False,
         "tags": ["inovare-civica", "dezbateri-publice"], "programme": "divizia-de-inovare-urbana",
         "title_ro": "„Imaginăm viitorul orașului!”: CIIC integrează Divizia de Inovare Urbană",
         "title_en": "“We imagine the city's future!”: the CIIC takes in the Urban Innovation Division",
         "summary_ro": "La finele lunii august 2022, CIIC și-a extins activitatea cu procesele și lecțiile Diviziei "
         "de Inovare Urbană din 2017–2021, sub coordonarea unui Board.",
         "summary_en": "At the end of August 2022 the CIIC extended its work with the Urban Innovation Division's "
         "processes and lessons of 2017–2021, coordinated by a Board.",
         "body_ro": "Board-ul CIIC este format din reprezentanți ai comunității locale și actori-cheie implicați "
         "în proiectele-pilot ale DIU și CIIC.\n\nDin septembrie 2022, consultările publice includ metode noi, "
         "interactive, de dezbatere.",
         "body_en": "The CIIC Board is made of representatives of the local community and key actors involved in "
         "the pilot projects of the DIU and the CIIC.\n\nFrom September 2022, public consultations include new, "
         "interactive debate methods."},
        {"slug": "un-nou-sezon-de-dezbateri-publice", "kind": ArticleKind.NEWS, "status": ArticleStatus.SCHEDULED,
         "published_at": now + datetime.timedelta(days=7), "is_fictional": True,
         "tags": ["dezbateri-publice"], "programme": None,
         "title_ro": "Un nou sezon de dezbateri publice la CIIC (demonstrație)",
         "title_en": "A new season of public debates at the CIIC (demonstration)",
         "summary_ro": "Articol programat, pentru demonstrație: devine public singur peste o săptămână.",
         "summary_en": "A scheduled article, for demonstration: it becomes public by itself in a week.",
         "body_ro": "*Text fictiv.* Temele sezonului se aleg împreună cu locuitorii, pe Civica.",
         "body_en": "*Fictional text.* The season's subjects are chosen with residents, on Civica."},
        {"slug": "forumul-academiei-schimbarii-2021", "kind": ArticleKind.NEWS, "status": ArticleStatus.DRAFT,
         "published_at": None, "is_fictional": True, "tags": [], "programme": "academia-schimbarii",
         "title_ro": "Forumul Academiei Schimbării (ciornă)",
         "title_en": "The Academy of Change Forum (draft)",
         "summary_ro": "Ciornă, pentru demonstrație: forumul este planificat pentru octombrie 2021.",
         "summary_en": "A draft, for demonstration: the forum is planned for October 2021.",
         "body_ro": "*Text fictiv, de completat.*", "body_en": "*Fictional text, to be completed.*"},
    ]


def load(log):
    tz = timezone.get_current_timezone()
    now = timezone.now().replace(second=0, microsecond=0)
    tags = {}
    for slug, name_ro, name_en in TAGS:
        tags[slug], _created = Tag.objects.update_or_create(slug=slug, defaults={"name_ro": name_ro,
                                                                                 "name_en": name_en})
    editor = User.objects.filter(email="editor@civica.test").first()
    programmes = {programme.slug: programme for programme in Programme.objects.all()}
    for fields in _articles(tz, now):
        slug, tag_slugs, programme = fields.pop("slug"), fields.pop("tags"), fields.pop("programme")
        fields.setdefault("status", ArticleStatus.PUBLISHED)
        fields["programme"] = programmes.get(programme) if programme else None
        existing = Article.objects.filter(slug=slug).first()
        if existing is not None and existing.status == ArticleStatus.SCHEDULED:
            fields.pop("published_at")  # loading again does not push the scheduled article further away
        article, _created = Article.objects.update_or_create(
            slug=slug, defaults={**fields, "author": editor, "image_alt_ro": ALT, "image_alt_en": ALT_EN})
        article.tags.set([tags[tag] for tag in tag_slugs])
        illustrate(article, seed=slug)
    residents = list(User.objects.filter(email__startswith="resident").order_by("email"))
    pavilion = Article.objects.get(slug="lansarea-pavilionului-ecca-21-octombrie-2021")
    comments = seed_conversation(pavilion, [
        ("Vom putea vizita pavilionul și în weekend? *(comentariu fictiv)*",
         ["Ar fi minunat și un program pentru școli. *(fictiv)*"]),
    ], residents[:3], starting_at=pavilion.published_at + datetime.timedelta(hours=3)) if residents else 0
    log(f"{Article.objects.count()} news articles, {Tag.objects.count()} tags, {comments} comments")
