"""Deleting a page that copies in other languages follow (issue 19, part 6).

Left to themselves, Wagtail and wagtail-localize break the copies of a deleted original: Wagtail unpublishes the
page before deleting it and, with it, every alias of the page (``UnpublishPageAction``), then cuts the aliases loose
(``alias_of`` is SET_NULL); localize deletes the translation records whose source was the deleted copy, so the
translations stay live but can no longer be synchronised. Wagtail's only cascade (the
``construct_translated_pages_to_cascade_actions`` hook, implemented by simple_translation, not by localize) deletes
every copy or none, knows nothing of localize's records, and is not used by bulk deletion.

The rule, for the delete screen and for bulk deletion:

- By default a page is deleted in its own language only. Before it goes, every deleted page that copies elsewhere
  follow hands them over: to the copy it follows itself (a translation's source), or else to one of them promoted
  to original (a localize translation first, then another real copy, then an alias, which becomes a page of its
  own; live before draft, the default language first). The other aliases follow the promoted copy (republished
  with its content when it differs); the translation records move to a source extracted from it, with the
  translated strings carried over, so the next sync keeps the translated text.
- The delete screen of an original also offers "every language" to whoever may delete every copy: the copies are
  deleted with it (each with its subtree).

Deleting a copy that follows another (an alias or a translation) deletes only that copy, as before; nothing
recreates it until localize's tree synchronisation runs (``sync_locale_trees``) for a locale set to follow another.
``page.delete()`` outside these two admin views keeps Wagtail's behaviour: Wagtail's delete action has no hook, and
``pre_delete`` comes too late (the aliases are already unpublished and due to be cut loose).
"""

import operator
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog, TranslationSource

KEEP = "keep"
EVERY_LANGUAGE = "every_language"
CHOICE_FIELD = "copies"


def under(pages):
    """The pages and their descendants, as a filter."""
    return reduce(operator.or_, (Q(path__startswith=page.path) for page in pages))


def followed_copy(page, outside):
    """The copy among ``outside`` that ``page`` itself follows: what it is an alias of, or its translation's source."""
    if page.alias_of_id:
        return next((copy for copy in outside if copy.pk == page.alias_of_id), None)
    source_locale_id = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .exclude(source__locale_id=page.locale_id)
        .values_list("source__locale_id", flat=True)
        .first()
    )
    return next((c for c in outside if c.locale_id == source_locale_id and not c.alias_of_id), None)


def choose_successor(page, outside):
    """The copy promoted to original when ``page`` goes and the copies in ``outside`` stay."""
    translated = set(
        Translation.objects.filter(
            source__object_id=page.translation_key, source__locale_id=page.locale_id
        ).values_list("target_locale_id", flat=True)
    )
    default_locale_id = Locale.get_default().pk
    return min(
        outside,
        key=lambda copy: (
            copy.alias_of_id is not None,
            copy.locale_id not in translated,
            not copy.live,
            copy.locale_id != default_locale_id,
            copy.locale.language_code,
        ),
    )


def depended_on(pages, deleted):
    """Which of ``pages`` copies outside ``deleted`` follow, as aliases or as localize translations."""
    keys = {page.translation_key for page in pages}
    aliased = set(
        Page.objects.filter(alias_of__in=[page.pk for page in pages], translation_key__in=keys)
        .exclude(deleted)
        .values_list("alias_of_id", flat=True)
    )
    staying = set(
        Page.objects.filter(translation_key__in=keys).exclude(deleted).values_list("translation_key", "locale_id")
    )
    translated = {
        (key, source_locale_id)
        for key, source_locale_id, target_locale_id in Translation.objects.filter(
            source__object_id__in=keys
        ).values_list("source__object_id", "source__locale_id", "target_locale_id")
        if (key, target_locale_id) in staying
    }
    return [page for page in pages if page.pk in aliased or (page.translation_key, page.locale_id) in translated]


def relink_before_deleting(roots, user=None):
    """Hand every copy outside ``roots`` (and their descendants) that follows one of them to a copy that stays.

    Returns {deleted page id: promoted copy} for the pages whose copies got a new original."""
    deleted = under(roots)
    promoted = {}
    for page in depended_on(list(Page.objects.filter(deleted).order_by("path")), deleted):
        outside = list(
            Page.objects.filter(translation_key=page.translation_key).exclude(deleted).select_related("locale")
        )
        if not outside:
            continue
        followed = followed_copy(page, outside)
        if followed is not None:
            repoint_aliases(page, followed, deleted)
            continue
        successor = choose_successor(page, outside)
        # An alias of the page already shows what the other aliases show: they need not be republished.
        same_content = successor.alias_of_id == page.pk
        if successor.alias_of_id:
            ConvertAliasPageAction(successor.specific, user=user).execute(skip_permission_checks=True)
        move_translations(page, successor, {copy.locale_id for copy in outside} - {successor.locale_id})
        repoint_aliases(page, successor, deleted, republish=not same_content)
        promoted[page.pk] = successor
    return promoted


def repoint_aliases(page, original, deleted, republish=True):
    # Republished, they show the original's content: an alias shows what it follows.
    aliases = Page.objects.filter(alias_of=page, translation_key=page.translation_key).exclude(deleted)
    if aliases.exclude(pk=original.pk).update(alias_of=original) and republish:
        original.specific.update_aliases()


def move_translations(page, successor, locale_ids):
    """Move localize's translation records of ``page`` into ``locale_ids`` to a source extracted from ``successor``."""
    old = TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()
    if old is None:
        return
    moving = old.translations.filter(target_locale_id__in=locale_ids)
    if moving.exists():
        new, _created = TranslationSource.update_or_create_from_instance(successor)
        carry_over_string_translations(old, new, locale_ids)
        moving.exclude(target_locale_id__in=new.translations.values("target_locale_id")).update(source=new)
        TranslationLog.objects.filter(source=old, locale_id__in=locale_ids).update(source=new)
    old.delete()  # with what is left of it: the successor's own record, and duplicates of the new source's


def strings_by_context(source):
    grouped = defaultdict(list)
    segments = StringSegment.objects.filter(source=source).order_by("order")
    for context_id, string_id in segments.values_list("context_id", "string_id"):
        grouped[context_id].append(string_id)
    return grouped


def carry_over_string_translations(old, new, locale_ids):
    """Record each translation of the old original's strings as a translation of the new original's string in the
    same place (same field or block, same rank in it), so that syncing from the new original keeps the text.

    A translation is a copy of its source with the same fields and blocks, so the places match; where the number
    of strings in a place differs, nothing is carried over for it and the sync shows the new original's text."""
    old_strings, new_strings = strings_by_context(old), strings_by_context(new)
    pairs = defaultdict(list)
    for context_id, new_ids in new_strings.items():
        old_ids = old_strings.get(context_id, [])
        if len(old_ids) == len(new_ids):
            for old_id, new_id in zip(old_ids, new_ids, strict=True):
                pairs[(old_id, context_id)].append(new_id)
    existing = StringTranslation.objects.filter(
        locale_id__in=locale_ids,
        context_id__in={context_id for _old, context_id in pairs},
        translation_of_id__in={old_id for old_id, _context in pairs},
    )
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of_id=new_id,
                locale_id=translation.locale_id,
                context_id=translation.context_id,
                data=translation.data,
                translation_type=translation.translation_type,
                tool_name=translation.tool_name,
                last_translated_by_id=translation.last_translated_by_id,
                has_error=translation.has_error,
            )
            for translation in existing
            for new_id in pairs.get((translation.translation_of_id, translation.context_id), ())
        ],
        ignore_conflicts=True,
    )


@dataclass
class PageCopy:
    page: Page
    descendant_count: int

    @property
    def language(self):
        return self.page.locale.get_display_name()

    @property
    def kind(self):
        return gettext_lazy("alias") if self.page.alias_of_id else gettext_lazy("translation")


@dataclass
class SourceDeletion:
    """What deleting an original means for its copies, as the delete screen shows it."""

    page: Page
    descendant_count: int
    copies: list
    successor: Page
    may_delete_everywhere: bool

    @property
    def language(self):
        return self.page.locale.get_display_name()

    @property
    def successor_language(self):
        return self.successor.locale.get_display_name()

    @property
    def pages_here(self):
        return self.descendant_count + 1

    @property
    def pages_everywhere(self):
        return self.pages_here + sum(copy.descendant_count + 1 for copy in self.copies)


def is_protected(page):
    return ReferenceIndex.get_references_to(page).group_by_source_object().is_protected


def source_deletion(page, user):
    """The choice the delete screen offers for ``page``, or None when no copy follows it (nothing to choose)."""
    deleted = under([page])
    copies = list(Page.objects.filter(translation_key=page.translation_key).exclude(deleted).order_by("locale_id"))
    if not copies or followed_copy(page, copies) is not None or not depended_on([page], deleted):
        return None
    copies = [copy.specific for copy in copies]
    return SourceDeletion(
        page=page,
        descendant_count=page.get_descendant_count(),
        copies=[PageCopy(copy, copy.get_descendant_count()) for copy in copies],
        successor=choose_successor(page, copies),
        may_delete_everywhere=all(
            copy.permissions_for_user(user).can_delete() and not is_protected(copy) for copy in copies
        ),
    )


def has_originals(pages):
    """True when copies in other languages follow one of ``pages`` (for the bulk delete screen's notice)."""
    return bool(pages) and bool(depended_on(pages, under(pages)))


def will_delete(request, page):
    """Whether Wagtail's delete view goes on to delete ``page`` after its hooks: it re-renders the screen on a wrong
    site name and refuses a page that is protected from deletion, and either would leave our changes behind."""
    typed = request.POST.get("confirm_site_name")
    if typed and typed != getattr(settings, "WAGTAIL_SITE_NAME", "wagtail"):
        return False
    return not is_protected(page)


def before_delete_page(request, page):
    """``before_delete_page``: on the confirmed POST, relink (or delete) the copies; Wagtail then deletes the page.

    Wagtail's delete view has no hook between its own checks and the deletion, and none that sees the form, so
    this repeats the two checks that would stop it (``will_delete``) and then acts inside the view's transaction."""
    if request.method != "POST" or not will_delete(request, page):
        return None
    choice = request.POST.get(CHOICE_FIELD) or KEEP
    deletion = source_deletion(page, request.user) if choice == EVERY_LANGUAGE else None
    if choice not in (KEEP, EVERY_LANGUAGE) or (
        choice == EVERY_LANGUAGE and not (deletion and deletion.may_delete_everywhere)
    ):
        messages.error(request, _("Choose what happens to the copies in other languages."))
        url = reverse("wagtailadmin_pages:delete", args=[page.pk])
        next_url = get_valid_next_url_from_request(request)
        return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)
    copies = [copy.page for copy in deletion.copies] if choice == EVERY_LANGUAGE else []
    promoted = relink_before_deleting([page, *copies], request.user)
    for copy in copies:
        DeletePageAction(copy, user=request.user).execute(skip_permission_checks=True)  # checked by the choice
    if page.pk in promoted:
        messages.success(
            request,
            _("The %(language)s copy is now the original; the copies in other languages were kept.")
            % {"language": promoted[page.pk].locale.get_display_name()},
        )
    return None


def before_bulk_delete(request, action_type, objects, action):
    """``before_bulk_action``: bulk deletion keeps the copies in other languages, always."""
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if action_type == "delete" and pages:
        relink_before_deleting(pages, request.user)
    return None
