"""Count again the indicators made from Civica's own data (``services.refresh_computed``), for every year
or for the years given: ``manage.py observatory_refresh_computed [--year 2024 --year 2025]``."""

from django.core.management.base import BaseCommand

from civica.observatory import services


class Command(BaseCommand):
    help = "Count again the observatory's indicators made from Civica's own data."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append", dest="years",
                            help="a year to count (repeat for several; default: every year with data)")

    def handle(self, *args, years=None, **options):
        changed = services.refresh_computed(by=None, years=years)
        for code, count in sorted(changed.items()):
            self.stdout.write(f"{code}: {count}")
        self.stdout.write(f"{sum(changed.values())} values added or changed")
