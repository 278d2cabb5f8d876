"""Audit every city's, translator team's and group's rights; exit 1 when any right is missing or excessive."""

from django.core.management.base import BaseCommand, CommandError, no_translations
from tqdm import tqdm

from citypages.models import CityPage
from cityteams.audit import MISSING, audit
from cityteams.models import CityTeam
from cityteams.onboarding import establish_city_team
from translations.permissions import ensure_all_translator_teams


class Command(BaseCommand):
    help = "Report every page copy, collection or group where editorial rights are missing or excessive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix",
            action="store_true",
            help="First make city and translator teams exact (other groups are only reported, never changed).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    @no_translations
    def handle(self, *args, fix=False, no_progress=False, **options):
        if fix:
            self._fix()
        with tqdm(total=CityTeam.objects.count(), unit="city", disable=no_progress, file=self.stderr._out) as bar:
            result = audit(progress=lambda team: bar.update())
        for problem in result.problems:
            style = self.style.WARNING if problem.kind == MISSING else self.style.ERROR
            self.stdout.write(style(f"  {problem.kind:<9} {problem.group}: {problem.description}"))
        summary = (
            f"Checked {result.cities} cities ({result.copies} page copies) and {result.groups} groups: "
            f"{len(result.problems)} problem{'s' if len(result.problems) != 1 else ''}."
        )
        if result.problems:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def _fix(self):
        ensure_all_translator_teams()
        keys = set()
        for city in CityPage.objects.filter(alias_of__isnull=True).order_by("pk"):
            if city.translation_key not in keys:
                keys.add(city.translation_key)
                establish_city_team(city)
