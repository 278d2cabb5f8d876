"""Onboard a member city: its page in every locale, its groups, collection, workflow and rights, in one action."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify
from wagtail.models import Locale

from citypages.models import CityPage
from cityteams.onboarding import OnboardingError, onboard_city


class Command(BaseCommand):
    help = "Add a member city to the network, with its section in every language and its editorial team."

    def add_arguments(self, parser):
        parser.add_argument("name", help="The city's English name, e.g. Anshan.")
        parser.add_argument("--local-name", help="The name in the city's language, e.g. 鞍山 (default: the name).")
        parser.add_argument("--title", help="The page title in the city's language (default: the local name).")
        parser.add_argument("--slug", help="URL slug (default: from the name).")
        parser.add_argument("--country", required=True, help="ISO 3166 two-letter code, e.g. CN.")
        parser.add_argument("--language", default="en", help="Language the city writes in, e.g. zh-hans.")
        parser.add_argument("--latitude", required=True)
        parser.add_argument("--longitude", required=True)
        parser.add_argument("--intro", required=True, help="One or two sentences shown in listings.")
        parser.add_argument(
            "--role", default=CityPage.Role.MEMBER, choices=[value for value, _ in CityPage.Role.choices]
        )
        parser.add_argument("--member-since", type=int, default=date.today().year)

    def handle(self, *args, **options):
        name = options["name"].strip()
        if not name:
            raise CommandError("The city needs a name.")
        locale = Locale.objects.filter(language_code=options["language"]).first()
        if locale is None:
            codes = ", ".join(Locale.objects.order_by("language_code").values_list("language_code", flat=True))
            raise CommandError(f"Unknown language {options['language']!r}; the network's languages are: {codes}.")
        local_name = (options["local_name"] or name).strip()
        city = CityPage(
            title=(options["title"] or local_name).strip(),
            slug=options["slug"] or slugify(name),
            local_name=local_name,
            english_name=name,
            country=options["country"].upper(),
            latitude=_coordinate(options["latitude"], "latitude"),
            longitude=_coordinate(options["longitude"], "longitude"),
            intro=options["intro"].strip(),
            role=options["role"],
            member_since=options["member_since"],
        )
        try:
            team = onboard_city(city, locale)
        except OnboardingError as error:
            raise CommandError("The city was not added:\n  " + "\n  ".join(error.problems)) from error
        copies = CityPage.objects.filter(translation_key=city.translation_key).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {name}: {copies} locale copies of {city.url_path}, groups “{team.communicators.name}” and "
                f"“{team.moderators.name}”, collection “{team.collection.name}”, workflow “{team.workflow.name}”."
            )
        )


def _coordinate(value, label):
    try:
        return Decimal(value)
    except InvalidOperation:
        raise CommandError(f"The {label} must be a number of degrees, not {value!r}.") from None
