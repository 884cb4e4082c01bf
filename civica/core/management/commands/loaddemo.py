from django.core.management.base import BaseCommand
from django.db import transaction

from civica.core.discovery import app_modules


class Command(BaseCommand):
    help = "Create or update the demo data of every app (safe to run again: nothing is duplicated)."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def log(message):
            if verbosity >= 1:
                self.stdout.write(f"  {message}")

        with transaction.atomic():
            for app_config, module in app_modules("demo"):
                if verbosity >= 1:
                    self.stdout.write(f"{app_config.verbose_name}:")
                module.load(log)
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS("Demo data ready."))
