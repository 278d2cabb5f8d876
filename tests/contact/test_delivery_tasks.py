"""Contact messages delivered by a background worker (contact/tasks.py) with the database task backend, as in
production: the visitor's request only stores and queues, a refused delivery is tried again later, and a worker
that dies mid-task loses nothing (operations/worker.py)."""

import signal
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from contact.models import ContactMessage
from contact.tasks import deliver_contact_message
from tests.contact.test_contact_form import PROJECT_ADDRESS, write
from tests.contact.test_contact_form import pages as pages  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
FAILING = "tests.contact.test_contact_form.FailingBackend"


def deliveries():
    """The queued deliveries (publishing the test's pages queues search indexing too)."""
    return DBTaskResult.objects.filter(task_path="contact.tasks.deliver_contact_message")


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.CONTACT_MINIMUM_SECONDS = 0
    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CONTACT_DELIVERY_RETRY_SECONDS = (60, 600)


@pytest.fixture
def run_worker():
    """Run queued tasks as ``manage.py run_worker --batch`` does, then give the test process its signals back
    (the worker installs its own for a graceful stop)."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    # The worker closes connections left outside autocommit between tasks; in a test that is the test's own
    # transaction, and on PostgreSQL closing it would end the test's database session.
    keep_connection = mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections")
    keep_connection.start()

    def run(worker_id="web-1-worker"):
        call_command("run_worker", batch=True, worker_id=worker_id, startup_delay=False, reload=False, verbosity=0)

    yield run
    keep_connection.stop()
    for sig, handler in handlers.items():
        signal.signal(sig, handler)


def test_the_visitors_request_stores_and_queues_and_the_worker_sends(client, pages, run_worker):
    response = write(client, pages["project"])
    assert response.status_code == 303 and response["Location"].endswith("?sent=1&delivery=pending")
    message = ContactMessage.objects.get()
    assert message.status == ContactMessage.Status.PENDING and mail.outbox == []
    html = client.get(response["Location"]).content.decode()
    assert "will be passed on to Jean Dupont shortly" in html

    run_worker()
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.SENT and message.attempts == 1
    assert [sent.to for sent in mail.outbox] == [[PROJECT_ADDRESS]]
    assert deliveries().get().status == "SUCCESSFUL"


def test_a_refused_delivery_is_tried_again_after_each_delay_then_left_for_the_office(
    client, pages, settings, run_worker
):
    settings.EMAIL_BACKEND = FAILING
    write(client, pages["project"])
    message = ContactMessage.objects.get()
    run_worker()
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.FAILED and message.attempts == 1
    assert not deliveries().ready().exists()  # not due yet: a minute later
    waiting = deliveries().filter(status="READY").get()
    assert timedelta(seconds=55) < waiting.run_after - timezone.now() <= timedelta(seconds=60)

    with time_machine.travel(timezone.now() + timedelta(seconds=61), tick=False):
        run_worker()
    message.refresh_from_db()
    assert message.attempts == 2 and message.status == ContactMessage.Status.FAILED
    with time_machine.travel(timezone.now() + timedelta(seconds=61 + 601), tick=False):
        run_worker()
    message.refresh_from_db()
    assert message.attempts == 3 and message.status == ContactMessage.Status.FAILED
    assert not deliveries().filter(status="READY").exists()  # two delays, three attempts: over to the office
    assert mail.outbox == []


def test_messages_refused_while_the_mail_server_is_down_all_go_once_it_is_back(client, pages, settings, run_worker):
    settings.EMAIL_BACKEND = FAILING
    for number in range(3):
        write(client, pages["project"], remote_addr=f"203.0.113.{number + 10}")
    run_worker()
    assert set(ContactMessage.objects.values_list("status", flat=True)) == {ContactMessage.Status.FAILED}

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + timedelta(seconds=61), tick=False):
        run_worker()
    assert set(ContactMessage.objects.values_list("status", flat=True)) == {ContactMessage.Status.SENT}
    assert len(mail.outbox) == 3


def test_a_worker_killed_mid_task_has_it_run_again_when_it_restarts_and_the_message_goes_once(
    client, pages, run_worker
):
    write(client, pages["project"])
    queued = deliveries().get()
    queued.claim("web-1-worker")  # what a worker writes before running the task, and leaves if it is killed
    run_worker("web-2-worker")
    assert deliveries().get().status == "RUNNING"  # another worker does not take a live worker's task

    run_worker("web-1-worker")  # the killed worker's unit restarts it under the same id
    result = deliveries().get()
    assert result.status == "SUCCESSFUL" and result.worker_ids == ["web-1-worker", "web-1-worker"]
    assert len(mail.outbox) == 1
    assert deliver_contact_message.call(ContactMessage.objects.get().pk) == "sent"  # a third run sends nothing
    assert len(mail.outbox) == 1


def test_a_task_held_past_the_lease_goes_to_another_worker(client, pages, settings, run_worker):
    settings.TASK_LEASE_SECONDS = 600
    write(client, pages["project"])
    deliveries().get().claim("lost-machine-1")
    with time_machine.travel(timezone.now() + timedelta(seconds=601), tick=False):
        run_worker("web-2-worker")
    assert deliveries().get().status == "SUCCESSFUL"
    assert ContactMessage.objects.get().status == ContactMessage.Status.SENT


def test_a_deleted_message_is_skipped(pages):
    assert deliver_contact_message.call(10**9) == "deleted"


def test_the_worker_refuses_to_start_without_a_queue(settings):
    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with pytest.raises(CommandError, match="not a database backend"):
        call_command("run_worker", batch=True, startup_delay=False, reload=False)
