"""Messages visitors write to a city's or a project's contact person through the contact form.

Each message is stored before it is sent, so that nothing is lost when mail delivery fails: the network office
sees every message in the admin and can send a failed one again.

How many messages a visitor may send is counted here too (``ContactQuota``), in the database every worker shares:
a per-process cache counted each worker's visitors apart, and Redis, when down, counted nothing.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("citynet.contact")

MAX_MESSAGE_LENGTH = 5000


class ContactMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The city or project page the message was written from."),
    )
    recipient_email = models.EmailField(
        _("recipient e-mail"), help_text=_("The contact address when the message was written; never shown publicly.")
    )
    sender_name = models.CharField(_("sender's name"), max_length=120)
    sender_email = models.EmailField(_("sender's e-mail"))
    body = models.TextField(_("message"), max_length=MAX_MESSAGE_LENGTH)
    language = models.CharField(_("language"), max_length=10, help_text=_("The visitor's language."))
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("delivery attempts"), default=0)
    last_error = models.TextField(_("last delivery error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # SHA-256 of the signed form token the message came with: unique, so a token sends one message, even when two
    # workers receive the same post at once. Empty (NULL) for messages from before tokens were single-use.
    token_digest = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.sender_name} – {self.page_title}"

    @property
    def page_title(self):
        return self.page.title if self.page_id and self.page else "—"

    def build_email(self):
        # The mail is in English: it goes to the network's staff, whatever language the visitor wrote in.
        subject = f"[CityNet] Message about {' '.join(self.page_title.split())}"
        body = (
            f"{self.sender_name} <{self.sender_email}> wrote through the contact form of "
            f'"{self.page_title}" (language: {self.language}):\n\n'
            f"{self.body}\n\n"
            "-- \nReply to this e-mail to answer them; your reply goes to their address.\n"
        )
        return EmailMessage(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[self.recipient_email],
            reply_to=[self.sender_email],
        )

    def deliver(self):
        """Send the message through the configured e-mail backend; record the outcome. Never raises on a
        delivery error: the message stays stored, marked failed, for the office to send again. Returns whether
        it was sent."""
        self.attempts += 1
        try:
            self.build_email().send(fail_silently=False)
        except Exception as error:  # SMTP errors, connection refused, a misconfigured backend…
            logger.warning("Contact message %s could not be delivered: %r", self.pk, error, exc_info=True)
            self.status = self.Status.FAILED
            self.last_error = f"{type(error).__name__}: {error}"[:2000]
        else:
            self.status = self.Status.SENT
            self.sent_at = timezone.now()
            self.last_error = ""
        self.save(update_fields=["attempts", "status", "last_error", "sent_at"])
        return self.status == self.Status.SENT


class ContactQuota(models.Model):
    """How many messages one visitor sent in their current window (``CONTACT_RATE_LIMIT`` = (messages, seconds)),
    the window starting with their first message. The visitor is a keyed hash of their address, never the address,
    and a row is deleted once its window is over."""

    visitor = models.CharField(max_length=64, unique=True)
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        default_permissions = ()  # bookkeeping, never edited by anyone

    def __str__(self):
        return f"{self.visitor[:12]}: {self.count}"

    @classmethod
    def admit(cls, visitor):
        """Count one message for ``visitor`` if their quota allows it; whether it does. Call inside the transaction
        that stores the message, so that a message refused later (or rolled back) is not counted: the row stays
        locked until then, so two workers cannot both admit the last allowed message (PostgreSQL's row lock;
        SQLite has one writer at a time)."""
        limit, window = settings.CONTACT_RATE_LIMIT
        now = timezone.now()
        quota, _created = cls.objects.select_for_update().get_or_create(visitor=visitor, defaults={"window_start": now})
        if quota.window_start <= now - timedelta(seconds=window):
            quota.window_start, quota.count = now, 0
        if quota.count >= limit:
            return False
        quota.count += 1
        quota.save(update_fields=["window_start", "count"])
        return True

    @classmethod
    def prune(cls):
        """Forget visitors whose window is over. Called after a message is stored, outside its transaction, so
        that it holds no lock another request waits for; a failure only leaves rows for the next call."""
        _limit, window = settings.CONTACT_RATE_LIMIT
        try:
            with transaction.atomic():  # a savepoint when called inside a transaction, which a failure must not break
                cls.objects.filter(window_start__lte=timezone.now() - timedelta(seconds=window)).delete()
        except DatabaseError:  # e.g. PostgreSQL breaking a deadlock between two prunes: the next one catches up
            logger.warning("Expired contact quotas could not be deleted.", exc_info=True)
