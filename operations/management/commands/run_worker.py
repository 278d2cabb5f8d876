"""manage.py run_worker: run background tasks from the database queue, after taking back what a dead worker held.

django-tasks' own ``db_worker`` with one addition (``operations.worker``): on start, the tasks this worker id held
when its previous process died, and any held past the lease, go back to the queue. Give each worker process its
own ``--worker-id`` that stays the same across restarts (the systemd units in docs/deployment.md use host-N).
"""

import socket

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from operations.worker import requeue_abandoned_tasks


class Command(DatabaseWorkerCommand):
    help = "Run background tasks (contact e-mail, search indexing, CDN purges, the nightly refresh) from the queue."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Stable by default (db_worker draws a random one): a restarted worker finds the tasks it held.
        parser.set_defaults(worker_id=f"{socket.gethostname()[:56]}-1")

    def handle(self, *args, **options):
        # A backend other than the database one is refused by db_worker's --backend check (TASK_BACKEND=immediate:
        # tasks run in the web process, there is no queue to read).
        requeued = requeue_abandoned_tasks(options["worker_id"], alias=options["backend_name"])
        if requeued and options.get("verbosity", 1) > 0:
            self.stdout.write(f"Took back {requeued} task(s) left unfinished by a stopped worker.")
        super().handle(*args, **options)
