"""Download-my-data and erasure for a newsletter subscriber without an account, by e-mail request:
``manage.py newsletter_personal_data --export EMAIL`` prints their data as JSON;
``--erase EMAIL`` deletes the subscriber, their lists and consent records."""

import json

from django.core.management.base import BaseCommand, CommandError

from civica.newsletter import services
from civica.newsletter.personal_data import export_subscribers, subscribers_of


class Command(BaseCommand):
    help = "Export (--export EMAIL) or erase (--erase EMAIL) a newsletter subscriber's data."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--export", metavar="EMAIL")
        group.add_argument("--erase", metavar="EMAIL")

    def handle(self, *args, export=None, erase=None, **options):
        if export:
            data = export_subscribers(subscribers_of(email=export))
            if not data:
                raise CommandError(f"No subscriber with the address {export}.")
            self.stdout.write(json.dumps({"newsletter_subscriptions": data}, ensure_ascii=False, indent=2))
            return
        deleted = services.erase(email=erase)
        if not deleted:
            raise CommandError(f"No subscriber with the address {erase}.")
        self.stdout.write(f"Erased the subscriber {erase} ({deleted} rows).")
