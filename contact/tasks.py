"""Contact messages go out in the background: the visitor's request stores the message and enqueues its delivery.

Delivery runs at least once: a worker that dies mid-task has its task run again (``operations.worker``), so a task
first makes sure the message is still unsent. A refused delivery is tried again later, after each of
``CONTACT_DELIVERY_RETRY_SECONDS``; after the last the message stays failed for the network office to resend.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task  # django.tasks from Django 6

from .models import ContactMessage

logger = logging.getLogger("citynet.contact")


@task()
def deliver_contact_message(message_id):
    """Send one stored message unless it was sent already; returns its status afterwards."""
    with transaction.atomic():
        # Locked until its outcome is saved: two workers given the same message (a re-run racing the original)
        # send it once on PostgreSQL; SQLite has one writer at a time.
        message = ContactMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None:
            return "deleted"
        if message.status == ContactMessage.Status.SENT:
            return message.status
        sent = message.deliver()
    if not sent:
        retry_later(message)
    return message.status


def retry_later(message):
    """Enqueue another attempt after the next delay; whether one was enqueued. Not with a backend that cannot
    defer a task (the immediate one): the message then waits for the office's "Resend"."""
    delays = settings.CONTACT_DELIVERY_RETRY_SECONDS
    if message.attempts > len(delays) or not deliver_contact_message.get_backend().supports_defer:
        return False
    delay = timedelta(seconds=delays[message.attempts - 1])
    deliver_contact_message.using(run_after=timezone.now() + delay).enqueue(message.pk)
    logger.info("Contact message %s: attempt %s failed, next in %s.", message.pk, message.attempts, delay)
    return True
