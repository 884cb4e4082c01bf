import pytest
from django.core.management import call_command

from civica.participation.models import Idea, Process, Support


@pytest.mark.django_db
def test_demo_consultations_from_the_seeds():
    call_command("loaddemo", verbosity=0)
    assert set(Process.objects.values_list("slug", flat=True)) == {
        "parcul-feroviarilor-2017", "cluj-for-youth-2030", "cluj-oras-neutru-climatic"
    }
    assert Process.objects.past().filter(slug="parcul-feroviarilor-2017").exists()
    assert Process.objects.active().count() == 2
    assert Idea.objects.count() >= 60
    for idea in Idea.objects.all():
        assert idea.support_count == idea.supports.count()
    counts = (Process.objects.count(), Idea.objects.count(), Support.objects.count())
    call_command("loaddemo", verbosity=0)
    assert (Process.objects.count(), Idea.objects.count(), Support.objects.count()) == counts
