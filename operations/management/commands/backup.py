"""manage.py backup: the database and the media in one dated archive (see operations/archive.py)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from operations.archive import BackupError, media_names, write_backup


class Command(BaseCommand):
    help = "Write a dated archive of the database and the uploaded media (var/backups/ unless --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.VAR_DIR / "backups"), help="The folder to write to.")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, output, no_progress=False, **options):
        started = time.monotonic()
        with tqdm(total=len(media_names()), unit="file", disable=no_progress, file=self.stderr._out) as bar:
            try:
                archive, manifest = write_backup(output, progress=lambda name: bar.update(1))
            except BackupError as error:
                raise CommandError(str(error)) from error
        counts = ", ".join(f"{count} {label}" for label, count in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Backup written in {time.monotonic() - started:.1f} s: {archive}"))
        self.stdout.write(f"  {manifest['engine']} database: {counts}")
        self.stdout.write(f"  media: {manifest['media_files']} files; {archive.stat().st_size / 1e6:.1f} MB in all")
