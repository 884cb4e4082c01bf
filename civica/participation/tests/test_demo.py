import pytest
from django.core.management import call_command

from civica.participation.models import Conversation, Idea, Process, Support

# The demo is loaded once for the module's tests (conftest.demo_for_module), on one worker.
pytestmark = pytest.mark.xdist_group("demo:participation:test_demo")


@pytest.mark.django_db
def test_demo_consultations_from_the_seeds(demo_for_module):
    assert set(Process.objects.values_list("slug", flat=True)) == {
        "parcul-feroviarilor-2017", "cluj-for-youth-2030", "cluj-oras-neutru-climatic"
    }
    assert Process.objects.past().filter(slug="parcul-feroviarilor-2017").exists()
    assert Process.objects.active().count() == 2
    assert Idea.objects.count() >= 60
    for idea in Idea.objects.all():
        assert idea.support_count == idea.supports.count()
    # The youth plan's conversation (fictional statements and votes) has a map with groups.
    conversation = Conversation.objects.get(process__slug="cluj-for-youth-2030")
    assert "fictive" in conversation.description and len(conversation.map_data["groups"]) >= 2
    counts = (Process.objects.count(), Idea.objects.count(), Support.objects.count())
    call_command("loaddemo", verbosity=0)
    assert (Process.objects.count(), Idea.objects.count(), Support.objects.count()) == counts


# Words an idea of each demo category speaks of (stems; an independent check of where ideas are put).
CATEGORY_WORDS = {
    "Educație": r"elev|școl|liceu|licee|educați|curs|meditați|manual|programare|robotic|lecți|student",
    "Cultură": r"cultur|\bart|teatru|concert|festival|scen|lectur|cinema|proiecți|trup",
    "Sănătate": r"sănăt|sport|medic|psiholog|consiliere|potabil|bazin|droguri|legume|alergare",
    "Energie": r"energ|solar|izola|termic|termofic|iluminat|\bLED\b",
    "Mobilitate": r"biciclet|transport|autobuz|mașin|pieton|pe jos|bilet",
    "Spații verzi": r"arbor|verz|grădin|compost|\bparc(ul|uri|urile|ului)?\b|pajiș|păduri|flori",
}


@pytest.mark.django_db
def test_demo_ideas_are_distinct_fictional_and_in_their_own_category(demo_for_module):
    import re

    for process in Process.objects.all():
        titles = list(process.ideas.values_list("title", flat=True))
        assert len(titles) == len(set(titles)), process.slug
        assert not [title for title in titles if re.search(r"\(\d+\)$", title)]
        has_categories = process.categories.exists()
        for idea in process.ideas.select_related("category"):
            assert "fictivă" in idea.body
            assert (idea.category is not None) == has_categories, idea.title
            if idea.category:
                words = CATEGORY_WORDS[idea.category.name_ro]
                assert re.search(words, f"{idea.title} {idea.body}", re.IGNORECASE), (idea.title, idea.category.name_ro)
    bicycles = Idea.objects.get(title="Parcări pentru biciclete la fiecare școală")
    assert bicycles.category.name_ro == "Mobilitate"
    for category in Process.objects.get(slug="cluj-oras-neutru-climatic").categories.all():
        assert category.ideas.count() >= 5, category.name_ro
