from django.core.management.base import BaseCommand

from civica.notifications.services import send_digests


class Command(BaseCommand):
    help = "E-mail the daily digest of notifications to everyone who chose it (run once a day, e.g. from cron)."

    def handle(self, *args, **options):
        count = send_digests()
        if options["verbosity"]:
            self.stdout.write(f"{count} digest(s) sent.")
