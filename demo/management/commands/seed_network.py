"""Load the demo network: every member city, its projects, news and events, in several languages."""

import time

from django.core.management.base import BaseCommand, CommandError, no_translations
from tqdm import tqdm

from demo.accounts import create_demo_accounts
from demo.builders import NetworkBuilder
from demo.bulk import deferred_indexing, rebuild_indexes
from demo.content import DemoDataError, load_network_data


class Command(BaseCommand):
    help = "Create the demo network (idempotent: a second run changes nothing and says so)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    # The same network and the same English report whatever language the caller had active.
    @no_translations
    def handle(self, *args, no_progress=False, **options):
        started = time.monotonic()
        try:
            data = load_network_data()
        except DemoDataError as error:
            raise CommandError("The demo data is inconsistent:\n  " + "\n  ".join(error.problems)) from error

        declarations = len(data.declarations.get("declarations", []))
        steps = 3 + len(data.themes) + len(data.cities) + len(data.events) + declarations + len(data.projects)
        steps += len(data.news)
        with deferred_indexing(), tqdm(total=steps, unit="item", disable=no_progress, file=self.stderr._out) as bar:

            def progress(label):
                bar.set_description(label)
                bar.update(1)

            builder = NetworkBuilder(data, progress)
            builder.build_locales()
            builder.build_structure()
            builder.build_network_office()
            builder.build_themes()
            builder.build_cities()
            builder.build_organisations()
            builder.build_events()
            builder.build_documents()
            builder.build_declarations()
            builder.build_projects()
            builder.build_news()
        accounts, password = create_demo_accounts()
        if builder.created:
            rebuild_indexes()
        self.report(data, builder, accounts, password, time.monotonic() - started)

    def report(self, data, builder, accounts, password, seconds):
        created = builder.created
        write = self.stdout.write
        if not created and not accounts:
            write(self.style.SUCCESS(f"Nothing to do: the demo network is already complete ({seconds:.1f} s)."))
            return
        kinds = sorted({kind for kind, _locale in created})
        locales = sorted({locale for _kind, locale in created})
        write(self.style.SUCCESS(f"Demo network: {len(data.cities)} cities, created in {seconds:.1f} s:"))
        write("  " + "type".ljust(22) + "".join(code.rjust(8) for code in locales) + "total".rjust(8))
        for kind in kinds:
            counts = [created[(kind, code)] for code in locales]
            write("  " + str(kind).ljust(22) + "".join(str(n).rjust(8) for n in counts) + str(sum(counts)).rjust(8))
        for kind in kinds:
            origins = ", ".join(
                f"{builder.origins[(kind, origin)]} {origin}"
                for origin in ("originals", "translations", "aliases")
                if builder.origins[(kind, origin)]
            )
            if origins:
                write(f"  {kind}: {origins}")
        for username, role in accounts:
            write(f"  account {username} ({role})")
        if password:
            write(self.style.WARNING(f"  password of these accounts: {password}"))
