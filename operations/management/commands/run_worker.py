"""manage.py run_worker: run background tasks from the database queue, after taking back what a dead worker held.

django-tasks' own ``db_worker`` with two additions (``operations.worker``):

- on start, the tasks this worker id held when its previous process died, and any held past the lease, go back
  to the queue. Give each worker process its own ``--worker-id`` that stays the same across restarts (the systemd
  units in docs/deployment.md use host-N);
- a lost database connection (PostgreSQL restarted, a failover, ``pg_terminate_backend``) does not end the worker:
  db_worker lets the error out and stops, so this one reconnects and carries on, taking back the task it was
  running; a task that failed on the lost connection is queued again.
"""

import logging
import socket
import time

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django_tasks.signals import task_finished
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from cms.background import BACKEND
from operations.worker import requeue_abandoned_tasks, requeue_after_database_loss

logger = logging.getLogger("citynet.operations")
RECONNECT_DELAYS = (1, 2, 5, 10, 30)  # seconds; then the worker ends, for its supervisor to restart it


class Command(DatabaseWorkerCommand):
    help = "Run background tasks (contact e-mail, search indexing, CDN purges, the nightly refresh) from the queue."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Stable by default (db_worker draws a random one): a restarted worker finds the tasks it held. The project's
        # tasks are on the "background" backend (cms/background.py).
        parser.set_defaults(worker_id=f"{socket.gethostname()[:56]}-1", backend_name=BACKEND)

    def handle(self, *args, **options):
        # A backend other than a database one is refused by db_worker's --backend check (TASK_BACKEND=immediate:
        # tasks run in the web process, there is no queue to read).
        task_finished.connect(requeue_after_database_loss, dispatch_uid="citynet-requeue-after-database-loss")
        failures = 0
        while True:
            started = time.monotonic()
            try:
                requeued = requeue_abandoned_tasks(options["worker_id"], alias=options["backend_name"])
                if requeued and options.get("verbosity", 1) > 0:
                    self.stdout.write(f"Took back {requeued} task(s) left unfinished by a stopped worker.")
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() - started > RECONNECT_DELAYS[-1]:
                    failures = 0  # it ran a while: a new outage, not the same one going on
                if failures == len(RECONNECT_DELAYS):
                    # Still failing after every delay: end with an error, and let the supervisor (systemd's
                    # Restart=always) start a fresh process rather than retry here for ever.
                    raise CommandError(f"The worker could not reach the database: {error}") from error
                delay = RECONNECT_DELAYS[failures]
                failures += 1
                logger.warning("The worker lost the database (%s); reconnecting in %s s.", error, delay)
                connections.close_all()
                time.sleep(delay)
