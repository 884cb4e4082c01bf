from django.core.management.base import BaseCommand

from civica.notifications.tasks import send_digests


class Command(BaseCommand):
    help = ("E-mail the daily digest of notifications to everyone who chose it (celery beat does it every "
            "morning: CELERY_BEAT_SCHEDULE).")

    def handle(self, *args, **options):
        count = send_digests()
        if options["verbosity"]:
            self.stdout.write(f"{count} digest(s) sent.")
