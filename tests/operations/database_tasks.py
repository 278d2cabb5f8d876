"""Tasks for tests/operations/test_worker.py that fail as a task does when the database goes away mid-task."""

from django.db import OperationalError

from cms.background import background_task

RUNS = []


@background_task()
def fails_while_the_database_is_away(failures):
    RUNS.append(failures)
    if len(RUNS) <= failures:
        raise OperationalError("terminating connection due to administrator command")
    return len(RUNS)
