"""The network office's view of contact messages: a read-only listing, each message to read, and "Resend".

Messages are never added, edited or deleted here: they are what visitors wrote. Everything needs
``contact.view_contactmessage`` (superusers have it; a group can be given it in Settings → Groups).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from .models import ContactMessage

PERMISSION = "contact.view_contactmessage"


def can_read_messages(user):
    return user.has_perm(PERMISSION)


def resend_button(message, **kwargs):
    # Wagtail's own pattern for a POST from a button (the w-action controller adds the CSRF token and "next").
    return Button(
        _("Resend"),
        icon_name="mail",
        attrs={
            "data-controller": "w-action",
            "data-action": "w-action#post",
            "data-w-action-url-value": reverse("contact_resend", args=[message.pk]),
        },
        **kwargs,
    )


class ContactMessageIndexView(IndexView):
    any_permission_required = ["view"]

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), resend_button(instance, priority=30)]


class ContactMessageInspectView(InspectView):
    any_permission_required = ["view"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resend_url"] = reverse("contact_resend", args=[self.object.pk])
        return context


class ContactMessageViewSet(ModelViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = gettext_lazy("Contact messages")
    add_to_admin_menu = True
    menu_order = 450
    index_view_class = ContactMessageIndexView
    inspect_view_class = ContactMessageInspectView
    inspect_view_enabled = True
    inspect_template_name = "contact/admin/inspect.html"
    copy_view_enabled = False
    list_display = ["created_at", "page", "sender_name", "sender_email", "language", "status", "attempts"]
    list_filter = ["status"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "created_at",
        "page",
        "recipient_email",
        "sender_name",
        "sender_email",
        "language",
        "body",
        "status",
        "attempts",
        "last_error",
        "sent_at",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Read-only: no add, edit, delete, history or usage views, nor links to them.
        none = dict.fromkeys(["add_url_name", "edit_url_name", "delete_url_name", "history_url_name"])
        return super().get_common_view_kwargs(**none, usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    @property
    def url_finder_class(self):
        # Where the admin links a message (e.g. from logs): its inspect view, the only view of one.
        finder = super().url_finder_class
        finder.edit_url_name = self.get_url_name("inspect")
        return finder

    def get_permissions_to_register(self):
        # Only "view" is offered to groups: nothing else can be done to a message.
        return super().get_permissions_to_register().filter(codename="view_contactmessage")


contact_message_viewset = ContactMessageViewSet("contact_messages")


@hooks.register("register_admin_viewset")
def register_contact_messages():
    return contact_message_viewset


@require_POST
def resend(request, pk):
    if not can_read_messages(request.user):
        raise PermissionDenied
    message = get_object_or_404(ContactMessage, pk=pk)
    if message.deliver():
        messages.success(request, _("The message from %(name)s was sent.") % {"name": message.sender_name})
    else:
        messages.error(
            request,
            _("The message from %(name)s could not be sent: %(error)s")
            % {"name": message.sender_name, "error": message.last_error},
        )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
        back = reverse(contact_message_viewset.get_url_name("inspect"), args=[message.pk])
    return redirect(back)


@hooks.register("register_admin_urls")
def register_resend_url():
    return [path("contact_messages/<int:pk>/resend/", resend, name="contact_resend")]
