"""Contact messages go out in the background: the visitor's request stores the message and enqueues its delivery.

Delivery runs at least once: a worker that dies mid-task has its task run again (``operations.worker``), so a task
first makes sure the message is still unsent. A refused delivery is tried again later, after each of
``CONTACT_DELIVERY_RETRY_SECONDS``; after the last the message stays failed for the network office to resend.
"""

import logging
from contextlib import nullcontext
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from cms.background import background_task

from .models import ContactMessage

logger = logging.getLogger("citynet.contact")


@background_task()
def deliver_contact_message(message_id):
    """Send one stored message unless it was sent already; returns its status afterwards."""
    # On PostgreSQL the message's row stays locked until its outcome is saved: a Resend racing a retry sends it once.
    # SQLite locks only the whole database, which would stop every other write for as long as the mail server takes:
    # there the queue's own claim (one worker per task) is what keeps a message from going twice.
    locking = connection.features.has_select_for_update
    with transaction.atomic() if locking else nullcontext():
        messages = ContactMessage.objects.filter(pk=message_id)
        message = (messages.select_for_update() if locking else messages).first()
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
