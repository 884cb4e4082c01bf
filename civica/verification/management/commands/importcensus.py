"""``manage.py importcensus FILE [--dry-run]``: read the city's census CSV and replace the census with it
(see ``civica.verification.census`` for the format). Prints counts and the problems by line number,
never an identifier; exits with an error when the file is refused."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from civica.verification import services


class Command(BaseCommand):
    help = "Replace the census residents verify against with a CSV file (identifier, birth_date)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Only check the file.")

    def handle(self, *args, file, dry_run, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        result = services.census_import(data=data, by=None, source_name=file.name, dry_run=dry_run)
        self.stdout.write(f"{result.lines} lines, {result.residents} residents, {result.duplicates} repeated.")
        for line, message in result.problems:
            self.stdout.write(f"line {line}: {message}" if line else message)
        if result.problem_count:
            raise CommandError(f"{result.problem_count} problems: the census is not replaced.")
        if result.census is not None:
            self.stdout.write(self.style.SUCCESS(f"The census is replaced: {result.census.entries_count} residents."))
        else:
            self.stdout.write("Dry run: nothing changed.")
