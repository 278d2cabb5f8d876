"""The site and the services around it, each started here as a process of its own so that the soak can stop, kill
and restart it (benchmarks/soak.py, tests/operations/test_soak_smoke.py).

- ``Site``: the environment of production settings over a given database, with its own var directory;
- ``RedisServer``: a redis-server of its own on a free port (the machine's Redis is shared: never stopped here);
- ``MailServer``: an SMTP server (aiosmtpd) that keeps what it receives, and can be stopped and started again;
- ``Gunicorn`` and ``Worker``: the site and its background worker (``manage.py run_worker``), with their logs.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEMO_PASSWORD = "soak-demo-password"  # noqa: S105 - demo accounts of a throw-away database


class SoakError(RuntimeError):
    """Something the soak needs could not be set up; the message says what."""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, seconds=30, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)
    return False


class Site:
    """Production settings over ``database_url``, with media, static files and logs in ``var_dir``."""

    def __init__(self, database_url, var_dir, redis_url="", mail_port=None, **extra):
        self.database_url = database_url
        self.var_dir = Path(var_dir)
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.redis_url = redis_url
        self.mail_port = mail_port
        self.extra = extra

    @property
    def engine(self):
        return "postgresql" if self.database_url.startswith("postgres") else "sqlite"

    def environment(self):
        kept = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}}
        environment = {
            **kept,
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "DATABASE_URL": self.database_url,
            "DATABASE_CONN_MAX_AGE": "600",
            "SECRET_KEY": "soak-only-secret-key-soak-only-secret-key-soak-only",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_COOKIES": "false",
            "SECURE_SSL_REDIRECT": "false",
            "CITYNET_VAR_DIR": str(self.var_dir),
            "DEMO_PASSWORD": DEMO_PASSWORD,
            "TASK_BACKEND": "database",
            # Each contact message comes from its own address through a proxy we trust (the soak is that proxy).
            "TRUSTED_PROXY_HEADER": "HTTP_X_FORWARDED_FOR",
            "LOG_FORMAT": "text",
        }
        if self.redis_url:
            environment["REDIS_URL"] = self.redis_url
        if self.mail_port:
            environment.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(self.mail_port))
        environment.update(self.extra)
        return environment

    def manage(self, *arguments):
        result = subprocess.run(
            [PYTHON, "manage.py", *arguments], cwd=ROOT, env=self.environment(), capture_output=True, text=True
        )
        if result.returncode != 0:
            raise SoakError(f"manage.py {' '.join(arguments)} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
        return result.stdout

    def create_database(self, template=None):
        """An empty database (PostgreSQL's dropped and created, SQLite's file removed), or a copy of ``template``
        (a PostgreSQL database name, or a SQLite file)."""
        if self.engine == "sqlite":
            path = Path(self.database_url.removeprefix("sqlite:///"))
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            if template:
                shutil.copyfile(template, path)
            return
        import psycopg

        name = self.database_url.rsplit("/", 1)[1]
        admin_url = self.database_url.rsplit("/", 1)[0] + "/postgres"
        try:
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        except psycopg.OperationalError as error:
            raise SoakError(f"cannot reach PostgreSQL at {admin_url}: {error}") from error

    def keep_as_template(self):
        """A copy of the freshly built database and files, for the next phase on the same engine to start from
        (seeding the demo network takes minutes); returns what ``create_database(template=...)`` takes."""
        if self.engine == "sqlite":
            copy = self.var_dir.parent / f"{self.var_dir.name}-seeded.sqlite3"
            shutil.copyfile(self.database_url.removeprefix("sqlite:///"), copy)
            return str(copy)
        name = self.database_url.rsplit("/", 1)[1] + "_seeded"
        copy = Site(self.database_url.rsplit("/", 1)[0] + "/" + name, self.var_dir)
        copy.create_database(template=self.database_url.rsplit("/", 1)[1])
        return name

    def copy_files_from(self, other_var_dir):
        for folder in ("media", "static"):
            if (Path(other_var_dir) / folder).is_dir():
                shutil.copytree(Path(other_var_dir) / folder, self.var_dir / folder, dirs_exist_ok=True)


class RedisServer:
    def __init__(self, directory):
        self.port = free_port()
        self.directory = Path(directory)
        self.process = None
        if not shutil.which("redis-server"):
            raise SoakError("redis-server is missing (Debian's redis-server package)")

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        if not wait_for_port(self.port, 10, self.process):
            raise SoakError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class MailServer:
    """An SMTP server on a fixed port that counts the messages it accepts (aiosmtpd, a real SMTP implementation)."""

    def __init__(self):
        self.port = free_port()
        self.received = []
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        server = self

        class Keep:
            async def handle_DATA(self, smtp, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
                server.received.append(envelope.content)
                return "250 Message accepted for delivery"

        self.controller = Controller(Keep(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


class Process:
    """A child process with its output in a log file."""

    def __init__(self, site, name, command):
        self.site, self.name, self.command = site, name, command
        self.log_path = site.var_dir / f"{name}.log"
        self.log_path.unlink(missing_ok=True)  # this run's lines only; a restart appends
        self.process = None

    def start(self):
        log = self.log_path.open("a")
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.site.environment(), stdout=log, stderr=subprocess.STDOUT
        )
        log.close()

    def kill(self):
        """SIGKILL: what the out-of-memory killer or a lost machine does; nothing is cleaned up."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def log_lines(self):
        return self.log_path.read_text(errors="replace").splitlines() if self.log_path.exists() else []


class Gunicorn(Process):
    def __init__(self, site, workers=4, threads=1):
        self.port = free_port()
        super().__init__(
            site,
            "gunicorn",
            [PYTHON, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(workers), "--threads", str(threads), "--log-level", "warning"],
        )  # fmt: skip

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        super().start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=5)  # noqa: S310 (our local server)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        raise SoakError("gunicorn did not answer:\n" + "\n".join(self.log_lines()[-30:]))


class Worker(Process):
    def __init__(self, site, worker_id="soak-1"):
        self.worker_id = worker_id
        super().__init__(
            site,
            "worker",
            [PYTHON, "manage.py", "run_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2",
             "--worker-id", worker_id, "--verbosity", "1"],
        )  # fmt: skip
