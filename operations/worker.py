"""Background workers that lose nothing when one dies mid-task.

django-tasks' database backend marks a task RUNNING when a worker claims it, and leaves it so if the worker is
killed (SIGKILL, out of memory, the machine lost): nothing in the framework gives such a task back to the queue.
Two rules do it here, both resting on every task being safe to run again (``contact.tasks``, ``search.tasks``,
``pagecache.tasks``):

- a worker that starts takes back the tasks it held under the same worker id (its systemd unit restarts it with
  that id), since it cannot be running them any more;
- a task held longer than ``TASK_LEASE_SECONDS`` by any worker is put back too (a worker that never came back);
  checked when a worker starts and by the nightly job.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task_backends  # django.tasks from Django 6
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

logger = logging.getLogger("citynet.operations")


def uses_database_backend(alias="default"):
    return isinstance(task_backends[alias], DatabaseBackend)


def requeue_abandoned_tasks(worker_id=None, alias="default", now=None):
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
