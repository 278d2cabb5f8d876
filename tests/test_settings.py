"""Settings come from the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_settings(module, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}}
    script = f"import {module} as s; print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])"
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=clean | env, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings("settings.production", DATABASE_URL="postgres://postgres@127.0.0.1/x", ALLOWED_HOSTS="a.b")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_requires_a_database_url_and_hosts():
    assert "DATABASE_URL must be set" in load_settings("settings.production", SECRET_KEY="s").stderr
    result = load_settings("settings.production", SECRET_KEY="s", DATABASE_URL="postgres://postgres@127.0.0.1/x")
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_uses_postgres_and_redis_from_the_environment():
    result = load_settings(
        "settings.production",
        SECRET_KEY="s",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/citynet",
        ALLOWED_HOSTS="citynet.example",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "django_redis.cache.RedisCache"]


def test_default_database_is_sqlite_in_a_var_folder_made_on_a_fresh_clone(tmp_path):
    var = tmp_path / "fresh-clone" / "var"
    result = load_settings("settings.dev", CITYNET_VAR_DIR=str(var))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "django.db.backends.sqlite3"
    assert var.is_dir()


def test_production_cache_round_trips_through_redis():
    script = (
        "import django, uuid; django.setup(); from django.core.cache import cache; key = uuid.uuid4().hex; "
        "cache.set(key, 'café', 30); print(cache.get(key), cache.client.get_client().ping()); cache.delete(key)"
    )
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env = clean | {
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": "s",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/citynet",
        "ALLOWED_HOSTS": "citynet.example",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["café", "True"]


def machine_translator(module, **env):
    script = f"import {module} as s; print((s.WAGTAILLOCALIZE_MACHINE_TRANSLATOR or {{}}).get('CLASS'))"
    clean = {k: v for k, v in os.environ.items() if k != "DEEPL_API_KEY"}
    production = {"SECRET_KEY": "s", "DATABASE_URL": "postgres://postgres@127.0.0.1/x", "ALLOWED_HOSTS": "a.b"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=clean | production | env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_machine_translation_uses_deepl_when_a_key_is_set():
    for module in ("settings.dev", "settings.production"):
        assert machine_translator(module, DEEPL_API_KEY="k:fx").endswith("deepl.DeepLTranslator")


def test_without_a_key_dev_and_test_translate_offline_and_production_has_no_machine_translation():
    assert machine_translator("settings.dev").endswith("dummy.DummyTranslator")
    assert machine_translator("settings.test").endswith("dummy.DummyTranslator")
    assert machine_translator("settings.production") == "None"


def test_production_sends_mail_through_the_smtp_server_from_the_environment():
    production = {"SECRET_KEY": "s", "DATABASE_URL": "postgres://postgres@127.0.0.1/x", "ALLOWED_HOSTS": "a.b"}
    script = "import settings.production as s; print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL)"
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")} | production
    smtp = {"EMAIL_HOST": "smtp.citynet.example", "EMAIL_PORT": "587", "EMAIL_USE_TLS": "true",
            "DEFAULT_FROM_EMAIL": "office@citynet.example"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env | smtp, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["smtp.citynet.example", "587", "True", "office@citynet.example"]
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env | {"EMAIL_PORT": "smtp"}, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "EMAIL_PORT must be a port number, not 'smtp'." in result.stderr


def test_media_go_to_s3_compatible_storage_when_a_bucket_is_named():
    production = {"SECRET_KEY": "s", "DATABASE_URL": "postgres://postgres@127.0.0.1/x", "ALLOWED_HOSTS": "a.b"}
    s3 = {"MEDIA_S3_BUCKET": "citynet-media", "MEDIA_S3_ENDPOINT_URL": "https://s3.fr-par.example",
          "MEDIA_S3_REGION": "fr-par", "MEDIA_S3_ACCESS_KEY_ID": "key",
          "MEDIA_S3_SECRET_ACCESS_KEY": "secret"}  # fmt: skip
    # The storage Django builds from the settings, without a request to the bucket: the URLs it would give.
    script = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'settings.production'; django.setup()\n"
        "from django.core.files.storage import storages; d = storages['default']\n"
        "print(type(d).__name__, d.bucket_name, d.endpoint_url, d.file_overwrite, d.url('images/a.jpg'))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDIA_S3_")} | production
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env | s3, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    name, bucket, endpoint, overwrite, url = run.stdout.split()
    assert (name, bucket, endpoint, overwrite) == ("S3Storage", "citynet-media", "https://s3.fr-par.example", "False")
    assert url.startswith("https://s3.fr-par.example/citynet-media/images/a.jpg?") and "Signature=" in url

    cdn = s3 | {"MEDIA_S3_CUSTOM_DOMAIN": "media.citynet.example"}
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env | cdn, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[-1] == "https://media.citynet.example/images/a.jpg"  # public, unsigned

    disk = script.replace("d.bucket_name, d.endpoint_url, d.file_overwrite, d.url('images/a.jpg')", "")
    run = subprocess.run([sys.executable, "-c", disk], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.stdout.split() == ["FileSystemStorage"], run.stderr  # no bucket: the disk, as before
