"""Background workers that lose nothing when one dies mid-task.

django-tasks' database backend marks a task RUNNING when a worker claims it, and leaves it so if the worker is
killed (SIGKILL, out of memory, the machine lost): nothing in the framework gives such a task back to the queue.
Three rules do it here, all resting on every task being safe to run again (``contact.tasks``, ``search.tasks``,
``pagecache.tasks``):

- a worker that starts takes back the tasks it held under the same worker id (its systemd unit restarts it with
  that id), since it cannot be running them any more;
- a task held longer than ``TASK_LEASE_SECONDS`` by any worker is put back too (a worker that never came back);
  checked when a worker starts and by the nightly job;
- a task that failed because the database went away mid-task (a restart, a failover, ``pg_terminate_backend``)
  goes back to the queue instead of staying failed: django-tasks records it as failed like any other error, and
  the item it was indexing would have stayed stale (seen in the soak, docs/reliability.md). At most
  ``MAX_RUNS_AFTER_DATABASE_LOSS`` runs, so a query that always fails (SQLite reports a missing column as an
  OperationalError too) does not loop.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from django_tasks import task_backends  # django.tasks from Django 6
from django_tasks.base import TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from cms.background import BACKEND

logger = logging.getLogger("citynet.operations")
DATABASE_LOSS_ERRORS = ("django.db.utils.OperationalError", "django.db.utils.InterfaceError")
MAX_RUNS_AFTER_DATABASE_LOSS = 5


def uses_database_backend(alias=BACKEND):
    return isinstance(task_backends[alias], DatabaseBackend)


def requeue_abandoned_tasks(worker_id=None, alias=BACKEND, now=None):
    """Put back in the queue the tasks ``worker_id`` held (None: no worker's in particular) and those held past
    the lease; returns how many."""
    now = now or timezone.now()
    expired = now - timedelta(seconds=settings.TASK_LEASE_SECONDS)
    with exclusive_transaction(DBTaskResult.objects.db):
        running = DBTaskResult.objects.running().filter(backend_name=alias).select_for_update()
        # worker_ids is a JSON list, which SQLite cannot search: the running tasks are few, read them all.
        abandoned = [
            result.pk
            for result in running.only("pk", "worker_ids", "started_at")
            if (worker_id and result.worker_ids[-1:] == [worker_id])
            or (result.started_at is not None and result.started_at < expired)
        ]
        DBTaskResult.objects.filter(pk__in=abandoned).update(status="READY", started_at=None)
    if abandoned:
        logger.warning("Requeued %s task(s) abandoned by a worker that stopped mid-task.", len(abandoned))
    return len(abandoned)


def requeue_after_database_loss(sender, task_result, **kwargs):
    """``task_finished`` in a worker: a task that failed on a lost database connection is queued again."""
    errors = getattr(task_result, "errors", None)
    if task_result.status != TaskResultStatus.FAILED or not errors:
        return
    if errors[-1].exception_class_path not in DATABASE_LOSS_ERRORS:
        return
    if len(task_result.worker_ids) >= MAX_RUNS_AFTER_DATABASE_LOSS:
        logger.error(
            "Task %s failed on the database %s times; left failed.", task_result.id, len(task_result.worker_ids)
        )
        return
    try:
        requeued = DBTaskResult.objects.filter(pk=task_result.id, status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY, started_at=None, finished_at=None, exception_class_path="", traceback=""
        )
    except DatabaseError:
        return  # the database is still away: the worker reconnects, and takes back what it held
    if requeued:
        logger.warning("Task %s failed on a lost database connection; queued again.", task_result.id)
