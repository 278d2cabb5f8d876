"""The background worker (operations/management/commands/run_worker.py) outlives a lost database connection, and
runs again a task that failed on it."""

import signal
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.models import DBTaskResult

from operations.worker import MAX_RUNS_AFTER_DATABASE_LOSS
from tests.operations import database_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker():
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    # The worker closes connections left outside autocommit between tasks; in a test that is the test's own
    # transaction, and on PostgreSQL closing it would end the test's database session.
    keep_connection = mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections")
    keep_connection.start()
    database_tasks.RUNS.clear()
    yield lambda: call_command("run_worker", batch=True, worker_id="web-1", startup_delay=False, reload=False)
    keep_connection.stop()
    for sig, handler in handlers.items():
        signal.signal(sig, handler)


def test_a_task_that_failed_on_a_lost_connection_is_run_again(run_worker):
    result = database_tasks.fails_while_the_database_is_away.enqueue(1)
    run_worker()
    stored = DBTaskResult.objects.get(pk=result.id)
    assert stored.status == "SUCCESSFUL" and stored.return_value == 2
    assert database_tasks.RUNS == [1, 1]


def test_a_task_that_always_fails_on_the_database_is_left_failed_after_a_few_runs(run_worker):
    result = database_tasks.fails_while_the_database_is_away.enqueue(99)
    run_worker()
    stored = DBTaskResult.objects.get(pk=result.id)
    assert stored.status == "FAILED" and len(stored.worker_ids) == MAX_RUNS_AFTER_DATABASE_LOSS
    assert stored.exception_class_path == "django.db.utils.OperationalError"


def test_a_lost_database_connection_is_waited_out_and_the_worker_goes_on(caplog):
    runs = []

    def db_worker(self, *args, **options):
        runs.append(options["worker_id"])
        if len(runs) == 1:
            raise OperationalError("server closed the connection unexpectedly")

    with (
        mock.patch.object(DatabaseWorkerCommand, "handle", db_worker),
        mock.patch("operations.management.commands.run_worker.time.sleep") as sleep,
        # Closing every connection would close the test's own (its transaction) on PostgreSQL.
        mock.patch("operations.management.commands.run_worker.connections") as connections,
    ):
        call_command("run_worker", batch=True, worker_id="web-1", startup_delay=False, reload=False)
    assert runs == ["web-1", "web-1"]
    sleep.assert_called_once_with(1)
    connections.close_all.assert_called_once_with()
    assert "lost the database (server closed the connection unexpectedly); reconnecting in 1 s" in caplog.text


def test_the_worker_reads_the_background_queue_by_default():
    from operations.management.commands.run_worker import Command

    parser = Command().create_parser("manage.py", "run_worker")
    options = parser.parse_args([])
    assert options.backend_name == "background" and options.worker_id.endswith("-1")


def test_a_database_that_stays_away_ends_the_worker_for_its_supervisor_to_restart():
    def db_worker(self, *args, **options):
        raise OperationalError("could not connect to server")

    with (
        mock.patch.object(DatabaseWorkerCommand, "handle", db_worker),
        mock.patch("operations.management.commands.run_worker.time.sleep") as sleep,
        mock.patch("operations.management.commands.run_worker.connections"),
        pytest.raises(CommandError, match="could not reach the database: could not connect to server"),
    ):
        call_command("run_worker", batch=True, worker_id="web-1", startup_delay=False, reload=False)
    assert [call.args[0] for call in sleep.call_args_list] == [1, 2, 5, 10, 30]
