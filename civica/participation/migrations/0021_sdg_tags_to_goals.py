"""A consultation's Sustainable Development Goals were tags of kind "sdg" (``odd-11``, "ODD 11: Orașe…");
they become its ``goals`` (the shared ``goals.Goal`` of the same number) and the SDG tags are deleted: tags
are areas of the city's life only. The goal's number is read from the tag's short name, or else from its
names ("SDG 4", "ODD 13"); a tag whose number cannot be read, or is not 1–17, is kept as an area, so
nothing is lost. Backwards, each goal of a consultation becomes an SDG tag again (``odd-<n>``)."""

import re

from django.db import migrations, models

NUMBER = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def goal_number(tag) -> int | None:
    for text in (tag.slug, tag.name_ro, tag.name_en):
        found = NUMBER.search(text or "")
        if found and 1 <= int(found.group(1)) <= 17:
            return int(found.group(1))
    return None


def sdg_tags_to_goals(apps, schema_editor):
    Tag = apps.get_model("participation", "Tag")
    Goal = apps.get_model("goals", "Goal")
    Through = apps.get_model("participation", "Process").goals.through
    goals = dict(Goal.objects.filter(kind="sdg").values_list("number", "pk"))
    for tag in Tag.objects.filter(kind="sdg"):
        number = goal_number(tag)
        if number is None or number not in goals:
            tag.kind = "area"
            tag.save(update_fields=["kind"])
            continue
        process_ids = list(tag.processes.values_list("pk", flat=True))
        Through.objects.bulk_create([Through(process_id=pk, goal_id=goals[number]) for pk in process_ids],
                                    ignore_conflicts=True)
        tag.delete()


def goals_to_sdg_tags(apps, schema_editor):
    Tag = apps.get_model("participation", "Tag")
    Process = apps.get_model("participation", "Process")
    for process in Process.objects.prefetch_related("goals"):
        for goal in process.goals.all():
            if goal.kind != "sdg":
                continue
            tag, _ = Tag.objects.get_or_create(slug=f"odd-{goal.number}", defaults={
                "kind": "sdg", "name_ro": f"ODD {goal.number}: {goal.name_ro}",
                "name_en": f"SDG {goal.number}: {goal.name_en}"})
            process.tags.add(tag)


class Migration(migrations.Migration):

    dependencies = [
        ('goals', '0002_the_goals'),
        ('participation', '0020_goals'),
    ]

    operations = [
        migrations.RunPython(sdg_tags_to_goals, goals_to_sdg_tags),
        migrations.AlterField(
            model_name='tag',
            name='kind',
            field=models.CharField(choices=[('area', 'Area')], default='area', max_length=8, verbose_name='kind'),
        ),
    ]
