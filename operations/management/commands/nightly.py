"""manage.py nightly: the work that a date passing calls for, queued for the workers (run it from a timer after
midnight, docs/deployment.md). Takes a second; the work itself runs in the background."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from operations.worker import requeue_abandoned_tasks, uses_database_backend
from search.tasks import refresh_derived_statuses


class Command(BaseCommand):
    help = "Queue the nightly jobs (date-derived statuses in the search index); requeue abandoned tasks; prune results."

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-days", type=int, default=14, help="Keep finished task results this many days (default 14)."
        )

    def handle(self, *args, keep_days, **options):
        if keep_days < 1:
            raise CommandError("--keep-days must be at least 1.")
        result = refresh_derived_statuses.enqueue()
        lines = [f"Queued the refresh of date-derived statuses (task {result.id}, {result.status})."]
        if uses_database_backend():
            requeued = requeue_abandoned_tasks()
            lines.append(f"Put {requeued} abandoned task(s) back in the queue.")
            call_command("prune_db_task_results", min_age_days=keep_days, verbosity=0)
            lines.append(f"Pruned finished task results older than {keep_days} days.")
        self.stdout.write(self.style.SUCCESS("Nightly jobs done.") + "\n  " + "\n  ".join(lines))
