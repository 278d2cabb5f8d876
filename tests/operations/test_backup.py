"""Backups that restore: a site's database and media written to an archive and brought back into an empty
database of the same engine (SQLite under make test, PostgreSQL under make test-postgres), with the same counts,
the same search results and the same media files; bad archives and non-empty databases refused with a message
(issue 18, part 5). The round trip runs each step in a process of its own, as an operator would."""

import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from operations.archive import open_archive, restore_media

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.django_db
SEARCHES = [["en", "tramway"], ["fr", "tramway"], ["en", "Clermont"]]
# What each side is compared by: the counts the backup checks, and what a few searches find.
INSPECT = (
    "import django, json, sys; django.setup(); from django.db import connection; "
    "from operations.archive import snapshot; from search.service import SearchRequest, search; "
    "print(json.dumps({'counts': snapshot(connection.cursor()), 'searches': [[r.title for r in "
    "search(SearchRequest(query=q, language=l)).results] for l, q in json.loads(sys.argv[1])]}))"
)


def run(env, *arguments):
    result = subprocess.run([sys.executable, *arguments], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def new_database():
    """Makes new empty databases of the site's engine (URLs); drops them after."""
    made = []
    if connection.vendor == "postgresql":
        import psycopg

        settings_dict = connection.settings_dict
        server = {"host": settings_dict["HOST"] or "127.0.0.1", "port": settings_dict["PORT"] or 5432,
                  "user": settings_dict["USER"] or "postgres"}  # fmt: skip

    def make(tmp_path):
        name = f"citynet_backup_{uuid.uuid4().hex[:8]}"
        if connection.vendor == "sqlite":
            return f"sqlite:///{tmp_path / name}.sqlite3"
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"postgres://{server['user']}@{server['host']}:{server['port']}/{name}"

    yield make
    for name in made:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def site_env(database_url, var_dir):
    """A server's environment: development settings (files on disk, as in production), its own database."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    return clean | {"DJANGO_SETTINGS_MODULE": "settings.dev", "DATABASE_URL": database_url,
                    "CITYNET_VAR_DIR": str(var_dir), "PAGE_CACHE_ENABLED": "false"}  # fmt: skip


def media_files(var_dir):
    media = var_dir / "media"
    return {str(path.relative_to(media)): path.read_bytes() for path in media.rglob("*") if path.is_file()}


@pytest.mark.slow
def test_a_backup_restores_into_an_empty_database_with_nothing_different(tmp_path, new_database):
    source = site_env(new_database(tmp_path), tmp_path / "source")
    run(source, "manage.py", "migrate", "--no-input", "-v0")
    run(source, "-m", "tests.operations.world")
    output = run(source, "manage.py", "backup", "--output", str(tmp_path / "backups"), "--no-progress")
    assert "Backup written in" in output and "media: 1 files" in output
    (archive,) = (tmp_path / "backups").glob("citynet-*.tar.gz")

    target = site_env(new_database(tmp_path), tmp_path / "target")
    output = run(target, "manage.py", "restore", str(archive), "--no-progress")
    assert "Restored" in output and "media: 1 files" in output

    before = json.loads(run(source, "-c", INSPECT, json.dumps(SEARCHES)))
    after = json.loads(run(target, "-c", INSPECT, json.dumps(SEARCHES)))
    assert before["counts"]["pages"] > 0 and before["counts"]["contact messages"] == 1
    assert before["counts"]["translations"] == 1 and any(before["searches"])
    assert after == before  # 0 differences: counts and search results
    assert media_files(tmp_path / "target") == media_files(tmp_path / "source") != {}


@pytest.fixture
def archive(tmp_path):
    """An archive as `backup` writes it, made by hand: a backup inside a test's open transaction would wait on it
    (the round trip above makes real ones)."""
    path = tmp_path / "citynet-20261207-120000.tar.gz"
    manifest = {"format": 1, "created": "2026-12-07T12:00:00+00:00", "engine": connection.vendor,
                "database": "database.sqlite3", "counts": {}, "media_files": 1}  # fmt: skip
    with tarfile.open(path, "w:gz") as tar:
        for name, data in (("manifest.json", json.dumps(manifest).encode()), ("database.sqlite3", b""),
                           ("media/documents/charter.pdf", b"%PDF-1.4 the charter")):  # fmt: skip
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_media_come_back_under_their_own_names(archive):
    default_storage.save("documents/charter.pdf", ContentFile(b"an older file of that name"))
    with open_archive(archive) as tar:
        assert restore_media(tar) == 1
    with default_storage.open("documents/charter.pdf", "rb") as handle:
        assert handle.read() == b"%PDF-1.4 the charter"


def test_a_database_that_is_not_empty_is_refused(archive):
    with pytest.raises(CommandError, match="is not empty .* restored into an empty database"):
        call_command("restore", str(archive), no_progress=True)


def test_bad_archives_are_refused_with_a_message(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
    (tmp_path / "not.tar.gz").write_text("not an archive")
    with pytest.raises(CommandError, match="not a readable backup archive"):
        call_command("restore", str(tmp_path / "not.tar.gz"))
    foreign = tmp_path / "foreign.tar.gz"
    with tarfile.open(foreign, "w:gz") as tar:
        tar.add(__file__, "notes.txt")
    with pytest.raises(CommandError, match="no readable manifest.json"):
        call_command("restore", str(foreign))
