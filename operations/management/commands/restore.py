"""manage.py restore ARCHIVE: a backup brought back into an empty database and the media storage."""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from operations.archive import BackupError, open_archive, read_manifest, restore_database, restore_media
from pagecache.generation import bump


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into an empty database (and its media files)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The backup archive (citynet-<date>-<time>.tar.gz).")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, archive, no_progress=False, **options):
        started = time.monotonic()
        try:
            with open_archive(archive) as tar:
                manifest = read_manifest(tar)
                restored = restore_database(tar, manifest)
                with tqdm(
                    total=manifest["media_files"], unit="file", disable=no_progress, file=self.stderr._out
                ) as bar:
                    media = restore_media(tar, progress=lambda name: bar.update(1))
        except BackupError as error:
            raise CommandError(str(error)) from error
        bump()  # any page kept in a shared cache is of the site before
        counts = ", ".join(f"{count} {label}" for label, count in restored.items())
        self.stdout.write(self.style.SUCCESS(f"Restored {archive} (made {manifest['created']}) in "
                                             f"{time.monotonic() - started:.1f} s."))  # fmt: skip
        self.stdout.write(f"  {manifest['engine']} database, as counted in the backup: {counts}")
        self.stdout.write(f"  media: {media} files")
