"""The seeded network served as in production: gunicorn with ``settings.production`` on a free local port.

The site gets a directory of its own (SQLite database, media, collected static files), is migrated and seeded
with the demo network by the project's own commands, and runs with DEBUG off, so the browser meets what a
visitor meets: WhiteNoise's hashed static files, the localized error pages, secure headers.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "browser-suite-password"  # noqa: S105 - demo accounts of a throw-away database
READY_TIMEOUT_SECONDS = 60


class SiteError(RuntimeError):
    """The site could not be prepared or started; the message carries the command's output."""


@dataclass
class ServedSite:
    base_url: str
    var_dir: Path
    process: subprocess.Popen
    log_path: Path

    def url(self, path):
        return self.base_url + path

    def log_tail(self, lines=40):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def site_environment(var_dir):
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        CITYNET_VAR_DIR=str(var_dir),
        DATABASE_URL=f"sqlite:///{var_dir / 'citynet.sqlite3'}",
        SECRET_KEY="browser-suite-secret-key",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_COOKIES="false",  # served over plain http on the loopback
        SECURE_SSL_REDIRECT="false",
        SERVE_MEDIA="true",  # no front web server in front of gunicorn here
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        TASK_BACKEND="immediate",  # one process to watch; the worker is proven by the soak (docs/reliability.md)
        DEMO_PASSWORD=DEMO_PASSWORD,
    )
    return environment


def manage(environment, *arguments):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SiteError(f"manage.py {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare(var_dir):
    """Migrate, seed and collect static files into ``var_dir`` (a second call on the same directory is quick:
    seed_network is idempotent)."""
    var_dir.mkdir(parents=True, exist_ok=True)
    environment = site_environment(var_dir)
    manage(environment, "migrate", "--noinput", "--verbosity", "0")
    manage(environment, "seed_network", "--no-progress")
    manage(environment, "collectstatic", "--noinput", "--verbosity", "0")
    return environment


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(var_dir):
    environment = prepare(var_dir)
    port = free_port()
    log_path = var_dir / "gunicorn.log"
    log = log_path.open("w")
    process = subprocess.Popen(  # noqa: S603 - our own venv's gunicorn
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--access-logfile",
            "-",
            # request time in microseconds last, for the report of server times
            "--access-logformat",
            '%(h)s "%(r)s" %(s)s %(b)s %(D)s',
        ],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    site = ServedSite(base_url=f"http://127.0.0.1:{port}", var_dir=var_dir, process=process, log_path=log_path)
    wait_until_ready(site)
    return site


def wait_until_ready(site):
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if site.process.poll() is not None:
            raise SiteError(f"gunicorn exited with {site.process.returncode}:\n{site.log_tail()}")
        try:
            with urllib.request.urlopen(site.url("/robots.txt"), timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    stop(site)
    raise SiteError(f"gunicorn did not answer within {READY_TIMEOUT_SECONDS} s:\n{site.log_tail()}")


def stop(site):
    site.process.terminate()
    try:
        site.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        site.process.kill()
        site.process.wait()
