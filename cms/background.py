"""The task backend of the project's own background work (``settings.TASKS["background"]``).

Wagtail queues its own bookkeeping (its reference index, the admin's search index) on the default backend, which
stays immediate: those are quick writes in the request that causes them, as before Wagtail used tasks. Queued for
a worker they were about fifty tasks per publish, most about inline rows the next publish had already replaced
(seen in the soak, docs/reliability.md). The project's tasks, which wait on other servers or take long (mail,
indexing and Elasticsearch, a CDN), go to the worker.
"""

from django_tasks import task  # django.tasks from Django 6

BACKEND = "background"


def background_task(**options):
    """``@background_task()``: Django's ``@task()`` on the background backend, with the same options."""
    return task(backend=BACKEND, **options)
