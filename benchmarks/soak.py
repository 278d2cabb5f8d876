"""The site under load and faults, as in production (a benchmark with pass/fail checks, not a timed test).

    .venv/bin/python benchmarks/soak.py [--phases postgres sqlite faults fuzz] [--seconds 60] [--fuzz 10000]
    make soak

Each phase builds a database (PostgreSQL ``--database``, dropped and created; or SQLite in var/soak/), seeds the
demo network, and serves it with gunicorn (4 workers) and production settings, a Redis of its own, an SMTP server
(aiosmtpd) and the background worker (``manage.py run_worker``). Then:

- ``postgres``: ``--connections`` (32) clients request a mix of pages, searches, feeds and API calls for
  ``--seconds`` while an editor publishes a project through the admin once a second;
- ``sqlite``: the same over SQLite with 8 clients;
- ``faults`` (PostgreSQL, 32 clients, the same load, Elasticsearch configured at an address nothing answers):
  Redis stopped then restarted; every database connection killed (``pg_terminate_backend``); the SMTP server
  stopped while 20 visitors write through the contact form, then started again; the worker killed (SIGKILL)
  while it runs a task, then restarted. For each: what the visitors got in its window, and what was lost;
- ``fuzz``: ``--fuzz`` random and hostile requests (query strings, paths, headers, form bodies, oversized and
  invalid UTF-8) against search, the APIs, feeds, contact and the listings' filters.

It prints a table, writes JSON (``--output``) and exits non-zero when a check fails: a 5xx or unanswered request
under plain load, a "database is locked", a publish refused, a contact message or a task lost, a 5xx while fuzzing.
Results: docs/reliability.md.
"""

import argparse
import datetime
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.site_under_test import (  # noqa: E402 (the repository on the path first)
    PYTHON,
    ROOT,
    Gunicorn,
    MailServer,
    RedisServer,
    Site,
    SoakError,
    Worker,
    free_port,
)
from benchmarks.traffic import Load, Publisher, fuzz, send_contact_messages, summarise  # noqa: E402

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/citynet_soak"
CONTACT_MESSAGES = 20
BUILT = {}  # (engine, database, seed) -> (the built database's copy, its var directory): built once per run


def parse(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phases", nargs="+", choices=("postgres", "sqlite", "faults", "fuzz"),
                        default=["postgres", "sqlite", "faults", "fuzz"])  # fmt: skip
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="a PostgreSQL URL (dropped and created)")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32, help="clients on PostgreSQL (SQLite: 8)")
    parser.add_argument("--fuzz", type=int, default=10_000, help="fuzzed requests")
    parser.add_argument(
        "--seed", choices=("network", "small"), default="network", help="the demo network, or a tiny one"
    )
    parser.add_argument("--output", default=str(ROOT / "var" / "soak.json"))
    parser.add_argument("--var-dir", default=str(ROOT / "var" / "soak"), help="each phase's site and logs")
    return parser.parse_args(argv)


def site_query(site, what):
    result = subprocess.run(
        [PYTHON, "-m", "benchmarks.soak_targets", what], cwd=ROOT, env=site.environment(),
        capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise SoakError(f"soak_targets {what} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


class Stack:
    """A built site with its services running: Redis, SMTP, gunicorn, the worker."""

    def __init__(self, database_url, var_dir, seed, serving=None, **extra):
        self.redis = RedisServer(var_dir)
        self.mail = MailServer()
        retries = {"CONTACT_DELIVERY_RETRY_SECONDS": "5,10,20,40,80,160", "TASK_LEASE_SECONDS": "600"}
        self.site = Site(database_url, var_dir, redis_url=self.redis.url, mail_port=self.mail.port, **retries, **extra)
        started = time.monotonic()
        self.build(seed)
        self.built_seconds = round(time.monotonic() - started)
        self.site.extra.update(serving or {})  # e.g. an Elasticsearch nothing answers: built without, served with
        self.redis.start()
        self.mail.start()
        self.gunicorn = Gunicorn(self.site)
        self.gunicorn.start()
        self.worker = Worker(self.site)
        self.worker.start()
        self.targets = site_query(self.site, "targets")

    def build(self, seed):
        """Migrate and seed, or start from the copy an earlier phase on this engine kept (``BUILT``)."""
        key = (self.site.engine, self.site.database_url, seed)
        if key in BUILT:
            template, var_dir = BUILT[key]
            self.site.create_database(template=template)
            self.site.copy_files_from(var_dir)
            return
        self.site.create_database()
        self.site.manage("migrate", "--noinput", "--verbosity", "0")
        if seed == "network":
            self.site.manage("seed_network", "--no-progress")
        else:
            site_query(self.site, "small-network")
        self.site.manage("collectstatic", "--noinput", "--verbosity", "0")
        BUILT[key] = (self.site.keep_as_template(), self.site.var_dir)

    def stop(self):
        for part in (self.worker, self.gunicorn, self.mail, self.redis):
            part.stop()

    def locked_database_lines(self):
        lines = self.gunicorn.log_lines() + self.worker.log_lines()
        return sum(1 for line in lines if "database is locked" in line)

    def server_errors_logged(self):
        return sum(1 for line in self.gunicorn.log_lines() if "Internal Server Error" in line or "Traceback" in line)

    def wait_until_settled(self, contact_expected=0, seconds=300):
        """Until the queue is empty and every contact message is sent (or ``seconds`` pass); the last state."""
        deadline = time.monotonic() + seconds
        while True:
            state = site_query(self.site, "state")
            queued = state["tasks"].get("READY", 0) + state["tasks"].get("RUNNING", 0)
            if (not queued and state["contact"].get("sent", 0) >= contact_expected) or time.monotonic() > deadline:
                return state
            time.sleep(2)


def load_phase(stack, seconds, connections, during=None):
    """The mixed load with an editor publishing once a second; ``during(started)`` runs the faults meanwhile."""
    load = Load(stack.gunicorn.port, [tuple(entry) for entry in stack.targets["mix"]], connections)
    publisher = Publisher(stack.gunicorn.port, "admin", stack.site.environment()["DEMO_PASSWORD"],
                          stack.targets["forms"])  # fmt: skip
    load.start()
    publisher.start(load.started)
    events = during(load.started) if during else []
    remaining = seconds - (time.monotonic() - load.started)
    if remaining > 0:
        time.sleep(remaining)
    publisher.stop()
    load.stop()
    return load.outcomes, publisher.outcomes, events


def by_kind(outcomes):
    kinds = sorted({o.kind for o in outcomes})
    return {kind: summarise([o for o in outcomes if o.kind == kind]) for kind in kinds}


def plain_run(args, engine):
    connections = args.connections if engine == "postgresql" else min(args.connections, 8)
    sqlite = f"sqlite:///{Path(args.var_dir) / 'sqlite' / 'db.sqlite3'}"
    database = args.database if engine == "postgresql" else sqlite
    stack = Stack(database, Path(args.var_dir) / engine, args.seed)
    try:
        outcomes, publishes, _ = load_phase(stack, args.seconds, connections)
        state = stack.wait_until_settled()
        result = {
            "engine": engine, "connections": connections, "seconds": args.seconds, "built_in_s": stack.built_seconds,
            "all": summarise(outcomes), "by_kind": by_kind(outcomes),
            "requests_per_s": round(len(outcomes) / args.seconds, 1),
            "publishes": len([p for p in publishes if p.kind == "publish"]),
            "publishes_per_s": round(len([p for p in publishes if p.kind == "publish"]) / args.seconds, 2),
            "publishes_refused": len([p for p in publishes if p.kind != "publish"]),
            "publish_p50_ms": summarise(publishes)["p50_ms"], "publish_p99_ms": summarise(publishes)["p99_ms"],
            "database_locked": stack.locked_database_lines(), "tasks": state["tasks"],
        }  # fmt: skip
    finally:
        stack.stop()
    checks = {
        "no 5xx": result["all"]["5xx"] == 0,
        "every request answered": result["all"]["no_answer"] == 0,
        "no 'database is locked'": result["database_locked"] == 0,
        "every publish went through": result["publishes_refused"] == 0 and result["publishes"] > 0,
        "every task ran": set(result["tasks"]) <= {"SUCCESSFUL"},
    }
    return result, checks


def terminate_connections(database_url):
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    return len(rows)


def kill_worker_mid_task(stack, timeout=15):
    """SIGKILL the worker while it runs a task (watched in the database); the task's id, or None."""
    import psycopg

    deadline = time.monotonic() + timeout
    with psycopg.connect(stack.site.database_url, autocommit=True) as connection:
        while time.monotonic() < deadline:
            row = connection.execute(
                "SELECT id FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING' LIMIT 1"
            ).fetchone()
            if row:
                stack.worker.kill()
                return str(row[0])
            time.sleep(0.01)
    return None


def overlaps(outcome, begin, end):
    """Whether a request was in flight at some moment of [begin, end] (seconds since the load started)."""
    return outcome.at <= end and outcome.at + outcome.ms / 1000 >= begin


def faults_run(args):
    dead_port = free_port()  # nothing listens there: Elasticsearch unreachable for the whole run
    unreachable = {"ELASTICSEARCH_URL": f"http://127.0.0.1:{dead_port}", "ELASTICSEARCH_TIMEOUT": "1"}
    stack = Stack(args.database, Path(args.var_dir) / "faults", args.seed, serving=unreachable)
    seconds = max(args.seconds, 50)
    windows = {}

    def during(started):
        def at(second):
            time.sleep(max(0.0, started + second - time.monotonic()))
            return time.monotonic() - started

        events = {}
        begin = at(seconds * 0.12)
        stack.redis.stop()
        end = at(seconds * 0.27)
        stack.redis.start()
        windows["redis stopped"] = (begin, end + 2)
        begin = at(seconds * 0.35)
        events["connections killed"] = terminate_connections(args.database)
        windows["database connections killed"] = (begin, begin + 1)
        begin = at(seconds * 0.45)
        stack.mail.stop()
        events["contact posts"] = send_contact_messages(stack.gunicorn.port, stack.targets["contact_page"],
                                                        CONTACT_MESSAGES)  # fmt: skip
        end = at(seconds * 0.65)
        stack.mail.start()
        windows["mail server down, 20 messages"] = (begin, end)
        begin = at(seconds * 0.7)
        events["killed task"] = kill_worker_mid_task(stack)
        time.sleep(2)
        stack.worker.start()  # its unit restarts it under the same id
        windows["worker killed mid-task"] = (begin, time.monotonic() - started)
        return events

    try:
        outcomes, publishes, events = load_phase(stack, seconds, args.connections, during)
        state = stack.wait_until_settled(contact_expected=CONTACT_MESSAGES)
        delivered = len(stack.mail.received)
    finally:
        stack.stop()
    killed = events.get("killed task")
    result = {
        "engine": "postgresql", "connections": args.connections, "seconds": seconds,
        "all": summarise(outcomes), "by_kind": by_kind(outcomes),
        "windows": {name: summarise([o for o in outcomes if overlaps(o, begin, end)])
                    for name, (begin, end) in windows.items()},
        "publishes": len([p for p in publishes if p.kind == "publish"]),
        "publishes_refused": len([p for p in publishes if p.kind != "publish"]),
        "connections_killed": events.get("connections killed"),
        "contact_posts": events.get("contact posts"), "contact": state["contact"],
        "contact_attempts": state["contact_attempts"], "mails_received": delivered,
        "killed_task": killed, "killed_task_after": state["task_runs"].get(killed) if killed else None,
        "tasks": state["tasks"], "pending_elasticsearch": state["pending_elasticsearch"],
        "database_locked": stack.locked_database_lines(),
    }  # fmt: skip
    checks = {
        "every contact message stored": result["contact_posts"] == [303] * CONTACT_MESSAGES,
        "every contact message sent once the server is back": result["contact"].get("sent", 0) == CONTACT_MESSAGES,
        "the killed task ran again and finished": bool(killed) and result["killed_task_after"][0] == "SUCCESSFUL",
        "no task lost": set(result["tasks"]) <= {"SUCCESSFUL"},
        "every publish outside the database fault went through": all(
            overlaps(p, *windows["database connections killed"]) for p in publishes if p.kind != "publish"
        ),
        "items kept for Elasticsearch": result["pending_elasticsearch"] > 0,
        # Requests take seconds under this load: one in flight when the connections were killed may also overlap
        # another fault's window, so the 5xx are told apart by the database fault alone.
        "no 5xx but for requests in flight when the database connections were killed": not any(
            o.status >= 500 and not overlaps(o, *windows["database connections killed"]) for o in outcomes
        ),
    }  # fmt: skip
    return result, checks


def fuzz_run(args):
    stack = Stack(args.database, Path(args.var_dir) / "fuzz", args.seed)
    try:
        contact = [f"/en/contact/{stack.targets['contact_page']}/"] if stack.targets["contact_page"] else []
        started = time.monotonic()
        outcomes, failures = fuzz(stack.gunicorn.port, args.fuzz, contact)
        seconds = time.monotonic() - started
        errors_logged = stack.server_errors_logged()
    finally:
        stack.stop()
    statuses = {}
    for outcome in outcomes:
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    result = {"requests": len(outcomes), "seconds": round(seconds), "statuses": dict(sorted(statuses.items())),
              "first_5xx": failures, "server_errors_logged": errors_logged}  # fmt: skip
    checks = {
        "no 5xx": not any(status >= 500 for status in statuses),
        "every request answered": statuses.get(0, 0) == 0,
        "no server error logged": errors_logged == 0,
    }
    return result, checks


PHASES = {
    "postgres": lambda args: plain_run(args, "postgresql"),
    "sqlite": lambda args: plain_run(args, "sqlite"),
    "faults": faults_run,
    "fuzz": fuzz_run,
}


def main(argv=None):
    args = parse(argv)
    report = {"date": datetime.date.today().isoformat(), "machine": f"{platform.machine()}, {platform.node()}",
              "phases": {}}  # fmt: skip
    failed = []
    for phase in args.phases:
        print(f"== {phase}", flush=True)
        try:
            result, checks = PHASES[phase](args)
        except SoakError as error:
            print(f"soak: {error}", file=sys.stderr)
            return 2
        report["phases"][phase] = {"result": result, "checks": checks}
        print(json.dumps(result, indent=1), flush=True)
        for check, passed in checks.items():
            print(f"  {'ok  ' if passed else 'FAIL'} {check}", flush=True)
            if not passed:
                failed.append(f"{phase}: {check}")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=1))
    print(f"Written to {args.output}")
    if failed:
        print("Failed: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
