"""The public contact form of a city or a project: ``/<lang>/contact/<page id>/``.

The contact person's address never leaves the server: the form names them, the message is stored, then passed on
by e-mail with the visitor's address as reply-to.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from citypages.models import CityPage, CooperationProjectPage
from cms.clients import client_address

from .forms import ALREADY_SENT, ContactForm, token_digest, token_used
from .models import ContactMessage, ContactQuota
from .tasks import deliver_contact_message

CONTACT_PAGE_TYPES = (CityPage, CooperationProjectPage)


def contact_target(page_id):
    """The live, public city or project page with this id that has a contact address, or 404."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    page = page.specific if page else None
    if not isinstance(page, CONTACT_PAGE_TYPES) or not page.contact_email:
        raise Http404("No contact form here.")
    return page


def _visitor_key(request):
    # Keyed with SECRET_KEY: unkeyed, the 2**32 IPv4 hashes could be tried in minutes to read the addresses back.
    return salted_hmac("contact.quota", client_address(request), algorithm="sha256").hexdigest()


def _redirect(request, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    response = HttpResponseRedirect(f"{request.path}?{query}")
    response.status_code = 303  # See Other: reloading the confirmation does not post the message again
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def contact_page(request, page_id):
    target = contact_target(page_id)
    recipient = target.contact_name or target.title
    context = {"target": target, "recipient": recipient, "sent": request.GET.get("sent") == "1"}
    if request.method != "POST":
        context["delivery_pending"] = request.GET.get("delivery") == "pending"
        context["form"] = None if context["sent"] else ContactForm(page_id=target.pk)
        return TemplateResponse(request, "contact/contact_form.html", context)

    form = ContactForm(request.POST, page_id=target.pk)
    if form.is_spam:
        # A bot filled the hidden field: nothing stored or sent, and it is told the same as a person.
        return _redirect(request, sent=1)
    context.update(sent=False, form=form)
    if not form.is_valid():
        form.refresh_token()
        return TemplateResponse(request, "contact/contact_form.html", context, status=400)
    message = None
    try:
        # One transaction: a message refused below (the same token from another worker) is not counted.
        with transaction.atomic():
            if ContactQuota.admit(_visitor_key(request)):
                message = ContactMessage.objects.create(
                    page=target,
                    recipient_email=target.contact_email,
                    sender_name=form.cleaned_data["name"],
                    sender_email=form.cleaned_data["email"],
                    body=form.cleaned_data["message"],
                    language=get_language() or settings.LANGUAGE_CODE,
                    token_digest=token_digest(form.cleaned_data["token"]),
                )
    except IntegrityError:
        if not token_used(form.cleaned_data["token"]):
            raise
        form.add_error("token", ALREADY_SENT)
        form.refresh_token()
        return TemplateResponse(request, "contact/contact_form.html", context, status=400)
    if message is None:
        context["rate_limited"] = True
        form.refresh_token()
        return TemplateResponse(request, "contact/contact_form.html", context, status=429)

    ContactQuota.prune()
    # Stored first (committed), then sent by a worker (contact/tasks.py), or at once with the immediate task backend.
    # Until it is sent (queued, or refused by the mail server), the visitor is told it will follow shortly.
    deliver_contact_message.enqueue(message.pk)
    message.refresh_from_db(fields=["status"])
    if message.status == ContactMessage.Status.SENT:
        return _redirect(request, sent=1)
    return _redirect(request, sent=1, delivery="pending")
