"""Backups of the whole site: the database and the uploaded media in one dated archive, and their restoration.

The archive (``citynet-<date>-<time>.tar.gz``) holds ``manifest.json`` (format, engine, when, and the counts that
``snapshot`` takes, which the restoration checks), the database (``database.sqlite3``, written with SQLite's online
backup API while the site runs; or ``database.pgdump``, pg_dump's custom format) and ``media/``, every file of
the default storage, read through the storage API (local disk or any other Django storage).
"""

import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

FORMAT = 1
# What a restoration must give back exactly: (label, model).
COUNTED_MODELS = (
    ("pages", "wagtailcore.Page"),
    ("revisions", "wagtailcore.Revision"),
    ("translations", "wagtail_localize.Translation"),
    ("translation sources", "wagtail_localize.TranslationSource"),
    ("users", "auth.User"),
    ("groups", "auth.Group"),
    ("group page permissions", "wagtailcore.GroupPagePermission"),
    ("contact messages", "contact.ContactMessage"),
    ("documents", "library.NetworkDocument"),
    ("images", "wagtailimages.Image"),
    ("search entries", "network_search.SearchEntry"),
)


class BackupError(Exception):
    """A backup or restoration that cannot be done; the message says why and what to do."""


def snapshot(cursor):
    """{label: row count} of the counted tables, read with ``cursor`` (any DB-API cursor of the site's database)."""
    counts = {}
    for label, model in COUNTED_MODELS:
        table = apps.get_model(model)._meta.db_table
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (a model's own table name)
        counts[label] = cursor.fetchone()[0]
    return counts


def media_names(storage=default_storage, folder=""):
    """Every file name of ``storage``, recursively."""
    folders, files = storage.listdir(folder)
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names.extend(media_names(storage, f"{folder}/{sub}" if folder else sub))
    return sorted(names)


def _postgres_environment(settings_dict):
    """libpq's environment for pg_dump and pg_restore: the password never appears on a command line."""
    env = dict(os.environ)
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def _run(command, settings_dict):
    try:
        result = subprocess.run(command, env=_postgres_environment(settings_dict), capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed: install PostgreSQL's client tools.") from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_database(folder):
    engine = connection.vendor
    if engine == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)  # consistent while the site keeps writing
        copy.close()
        return engine, target
    if engine == "postgresql":
        target = folder / "database.pgdump"
        settings_dict = connection.settings_dict
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}",
              settings_dict["NAME"]], settings_dict)  # fmt: skip
        return engine, target
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def write_backup(output_folder, progress=lambda name: None):
    """Write a dated archive into ``output_folder``; returns (its path, its manifest)."""
    output_folder = Path(output_folder)
    output_folder.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    archive = output_folder / f"citynet-{created:%Y%m%d-%H%M%S}.tar.gz"
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        with connection.cursor() as cursor:
            counts = snapshot(cursor)
        engine, database = _dump_database(scratch)
        names = media_names()
        manifest = {"format": FORMAT, "created": created.isoformat(), "engine": engine, "database": database.name,
                    "counts": counts, "media_files": len(names)}  # fmt: skip
        (scratch / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(scratch / "manifest.json", "manifest.json")
            tar.add(database, database.name)
            for name in names:
                with default_storage.open(name, "rb") as handle:
                    data = handle.read()
                info = tarfile.TarInfo(f"media/{name}")
                info.size = len(data)
                tar.addfile(info, fileobj=io.BytesIO(data))
                progress(name)
        partial.rename(archive)  # only a complete archive carries the final name
    return archive, manifest


def read_manifest(tar):
    try:
        manifest = json.load(tar.extractfile("manifest.json"))
    except (KeyError, json.JSONDecodeError, TypeError) as error:
        raise BackupError("This is not a CityNet backup: it has no readable manifest.json.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"This backup has format {manifest.get('format')!r}; this version reads format {FORMAT}.")
    return manifest


def open_archive(path):
    try:
        return tarfile.open(path, "r:gz")
    except FileNotFoundError as error:
        raise BackupError(f"No such file: {path}") from error
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{path} is not a readable backup archive ({error}).") from error


def check_empty_database():
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty ({len(tables)} tables): a backup is "
            "restored into an empty database. Create a new one and point DATABASE_URL at it."
        )


def restore_database(tar, manifest):
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"This backup is of a {manifest['engine']} database; this site uses {connection.vendor}.")
    check_empty_database()
    with tempfile.TemporaryDirectory() as scratch:
        tar.extract(manifest["database"], scratch, filter="data")
        source = Path(scratch) / manifest["database"]
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(source) as backup:
                backup.backup(connection.connection)
            backup.close()
        else:
            settings_dict = connection.settings_dict
            connection.close()
            _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={settings_dict['NAME']}",
                  str(source)], settings_dict)  # fmt: skip
    with connection.cursor() as cursor:
        restored = snapshot(cursor)
    differences = {label: (count, restored.get(label)) for label, count in manifest["counts"].items()
                   if restored.get(label) != count}  # fmt: skip
    if differences:
        raise BackupError(f"The restored database differs from the backup: {differences}")
    return restored


def restore_media(tar, progress=lambda name: None):
    """Every media file of the archive back into the default storage, under its own name; returns how many."""
    count = 0
    for member in tar.getmembers():
        if not member.isfile() or not member.name.startswith("media/"):
            continue
        name = member.name.removeprefix("media/")
        if ".." in Path(name).parts or name.startswith("/"):
            raise BackupError(f"The archive holds an unsafe file name: {member.name}")
        if default_storage.exists(name):
            default_storage.delete(name)
        saved = default_storage.save(name, ContentFile(tar.extractfile(member).read()))
        if saved != name:
            raise BackupError(f"The storage saved {name} as {saved}.")
        count += 1
        progress(name)
    return count
