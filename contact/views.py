"""The public contact form of a city or a project: ``/<lang>/contact/<page id>/``.

The contact person's address never leaves the server: the form names them, the message is stored, then passed on
by e-mail with the visitor's address as reply-to.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from citypages.models import CityPage, CooperationProjectPage

from .forms import ContactForm
from .models import ContactMessage

CONTACT_PAGE_TYPES = (CityPage, CooperationProjectPage)


def contact_target(page_id):
    """The live, public city or project page with this id that has a contact address, or 404."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    page = page.specific if page else None
    if not isinstance(page, CONTACT_PAGE_TYPES) or not page.contact_email:
        raise Http404("No contact form here.")
    return page


def _visitor_key(request):
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client says. Hashed, so the cache holds no address.
    address = request.META.get("REMOTE_ADDR", "")
    return "contact-rate:" + hashlib.sha256(address.encode()).hexdigest()


def _over_rate_limit(request):
    """Count one message for this visitor; True when it is beyond CONTACT_RATE_LIMIT = (messages, seconds)."""
    limit, window = settings.CONTACT_RATE_LIMIT
    key = _visitor_key(request)
    cache.add(key, 0, window)  # the window starts with the visitor's first message
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return (count or 0) > limit  # a cache that cannot count (an outage) does not block visitors


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
    if _over_rate_limit(request):
        context["rate_limited"] = True
        form.refresh_token()
        return TemplateResponse(request, "contact/contact_form.html", context, status=429)

    message = ContactMessage.objects.create(
        page=target,
        recipient_email=target.contact_email,
        sender_name=form.cleaned_data["name"],
        sender_email=form.cleaned_data["email"],
        body=form.cleaned_data["message"],
        language=get_language() or settings.LANGUAGE_CODE,
    )
    # Stored first (autocommit), then sent: a delivery failure leaves it marked failed, for the office to resend.
    if message.deliver():
        return _redirect(request, sent=1)
    return _redirect(request, sent=1, delivery="pending")
