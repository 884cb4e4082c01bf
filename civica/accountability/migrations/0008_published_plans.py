"""Plans approved before plans had a "published" status were already public as the centre's record:
they become published (from their approval on); drafts stay drafts."""

from django.db import migrations
from django.db.models import F
from django.db.models.functions import Coalesce, Now


def publish_approved(apps, schema_editor):
    Plan = apps.get_model("accountability", "Plan")
    Plan.objects.filter(status="approved").update(status="published",
                                                  published_at=Coalesce(F("revised_at"), Now()))


def back_to_approved(apps, schema_editor):
    Plan = apps.get_model("accountability", "Plan")
    Plan.objects.filter(status="published").update(status="approved", published_at=None)


class Migration(migrations.Migration):
    dependencies = [("accountability", "0007_plan_status_history")]

    operations = [migrations.RunPython(publish_approved, back_to_approved)]
