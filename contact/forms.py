"""The contact form: what visitors write, plus spam protection that needs no third-party service.

- A honeypot field (``website``) hidden from people: bots that fill every field fill it.
- A signed timestamp over the page id: a form sent back sooner than ``CONTACT_MINIMUM_SECONDS`` after it was
  served (bots post at once), later than a day, for another page or with a forged token is refused.
- The token is single-use: the message stores its digest (unique), so a replayed post sends nothing again.
"""

import hashlib
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import MAX_MESSAGE_LENGTH, ContactMessage

MAX_AGE_SECONDS = 24 * 60 * 60
SIGNER_SALT = "contact.form"


def _signer():
    return signing.TimestampSigner(salt=SIGNER_SALT)


def make_token(page_id):
    """The hidden timestamp a form for this page is served with: ``<page id>.<nonce>:<timestamp>:<signature>``.
    The nonce makes each token unique (the timestamp counts whole seconds), so that, being single-use, a token
    served to two visitors in the same second does not refuse the second one's message."""
    return _signer().sign(f"{page_id}.{secrets.token_urlsafe(8)}")


def token_digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def token_used(token):
    """A message was already accepted with this token."""
    return ContactMessage.objects.filter(token_digest=token_digest(token)).exists()


ALREADY_SENT = _("This form has already been sent: your message was received.")


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your e-mail address"), help_text=_("So that they can answer you."))
    message = forms.CharField(
        label=_("Your message"),
        min_length=10,
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, data=None, *, page_id, **kwargs):
        kwargs.setdefault("auto_id", "contact-%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.page_id = page_id
        self.fields["token"].initial = make_token(page_id)
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")

    @property
    def is_spam(self):
        """The hidden field was filled in: a bot, whatever else it sent."""
        return bool(self.is_bound and self.data.get("website", "").strip())

    def refresh_token(self):
        """Serve the form again with a fresh timestamp: an expired or refused one would only be refused again."""
        self.data = self.data.copy()
        self.data["token"] = make_token(self.page_id)

    def clean_token(self):
        token = self.cleaned_data["token"]
        signer = _signer()
        try:
            signed = signer.unsign(token, max_age=MAX_AGE_SECONDS)
        except signing.SignatureExpired:
            raise forms.ValidationError(_("This form has expired, please send it again."), code="expired") from None
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form could not be checked, please send it again."), code="bad"
            ) from None
        if signed.split(".", 1)[0] != str(self.page_id):
            raise forms.ValidationError(_("This form could not be checked, please send it again."), code="bad")
        # The signature holds: "<page id>.<nonce>:<timestamp>:<signature>".
        signed_at = signing.b62_decode(token.rsplit(signer.sep, 2)[1])
        if time.time() - signed_at < settings.CONTACT_MINIMUM_SECONDS:
            raise forms.ValidationError(
                _("Please take a moment to write your message before sending it."), code="too_fast"
            )
        if token_used(token):
            # A replay, or the visitor sending twice; the view's unique insert catches two at once.
            raise forms.ValidationError(ALREADY_SENT, code="used")
        return token
