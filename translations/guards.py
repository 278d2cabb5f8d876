"""Checks wagtail-localize and Wagtail leave to "may edit": what changes the links between copies.

A translator holds edit rights on the copies in their language, and Wagtail's "convert alias" view and
localize's "convert to alias" and "stop translation" views ask for nothing more. Each would let a translator
decide what a copy follows from then on (the probe of issue 19 turned the German alias of a city page into a
standalone page its translator could no longer undo). These views are served at localize's own URLs (our admin
URLs are registered first) and refuse unless ``can_relink_copies``; Wagtail's view is guarded by its
``before_convert_alias_page`` hook.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation

from cms.locale_text import join_list


def may_relink(user, instance):
    if isinstance(instance, Page):
        tester = instance.permissions_for_user(user)
        return tester.can_relink_copies() if hasattr(tester, "can_relink_copies") else tester.can_edit()
    return edit_translation.user_can_edit_instance(user, instance)


def refuse_translators_converting_aliases(request, page):
    """``before_convert_alias_page``: Wagtail's view has checked edit rights only."""
    if not may_relink(request.user, page):
        raise PermissionDenied


@require_POST
def stop_translation(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not may_relink(request.user, translation.get_target_instance()):
        raise PermissionDenied
    return edit_translation.stop_translation(request, translation_id)


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not may_relink(request.user, page.specific):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def refuse_publishing_aliases_in_bulk(request, action_type, pages, action):
    """``before_bulk_action``: Wagtail's bulk publish saves a revision of each page and fails with a server error on
    an alias, which has none (it is published with its source). Refused with a message instead."""
    if action_type != "publish":
        return None
    aliases = [page for page in pages if getattr(page, "alias_of_id", None)]
    if not aliases:
        return None
    titles = join_list(f"“{page.get_admin_display_title()}”" for page in aliases)
    message = _("%(titles)s: an alias is published with its source, not on its own. Unselect it and publish again.")
    messages.error(request, message % {"titles": titles})
    return redirect(action.next_url)
