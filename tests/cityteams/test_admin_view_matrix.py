"""Every page action view Wagtail registers and every wagtail-localize admin view, for every role (issue 19).

Each view is declared once with the right it must demand, named after the page permission tester's method
(``can_edit``, ``can_relink_copies``...). A cell asks the tester what the role holds on the copy and the view, over
HTTP, what it lets the role do: they must agree. The tester itself is checked against hand-written expectations by
``test_permission_matrix``; this matrix catches a view that demands less than its action needs (localize's
"convert to alias" and Wagtail's "convert alias" asked only for edit rights). ``test_every_view_is_declared``
walks the URL configuration, so a view added by an upgrade or a new app fails until it is declared here.
"""

import pytest
from django.urls import get_resolver
from django.urls.resolvers import URLResolver
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.cityteams.matrix_world import ROLES, login

# Hundreds of cells on a shared world: in make test and CI, not in the edit-test loop (make test-quick).
pytestmark = pytest.mark.slow

# name -> (method, path under /admin/pages/<id>/, the tester's method the view must demand)
PAGE_VIEWS = {
    "wagtailadmin_pages:edit": ("GET", "edit/", "can_edit"),
    "wagtailadmin_pages:preview_on_edit": ("GET", "edit/preview/", "can_edit"),
    "wagtailadmin_pages:view_draft": ("GET", "view_draft/", "can_edit_or_publish"),
    "wagtailadmin_pages:usage": ("GET", "usage/", "can_edit"),
    "wagtailadmin_pages:add_subpage": ("GET", "add_subpage/", "can_add_subpage"),
    "wagtailadmin_pages:delete": ("GET", "delete/", "can_delete"),
    "wagtailadmin_pages:unpublish": ("GET", "unpublish/", "can_unpublish"),
    "wagtailadmin_pages:convert_alias": ("GET", "convert_alias/", "can_relink_copies"),
    "wagtailadmin_pages:move": ("GET", "move/", "can_move"),
    "wagtailadmin_pages:copy": ("GET", "copy/", "can_copy"),
    "wagtailadmin_pages:set_privacy": ("GET", "privacy/", "can_set_view_restrictions"),
    "wagtailadmin_pages:lock": ("POST", "lock/", "can_lock"),
    "wagtailadmin_pages:unlock": ("POST", "unlock/", "can_unlock"),
    "wagtailadmin_pages:revisions_index": ("GET", "revisions/", "can_edit_or_publish"),
    "wagtailadmin_pages:revisions_view": ("GET", "revisions/{revision}/view/", "can_edit_or_publish"),
    "wagtailadmin_pages:revisions_revert": ("GET", "revisions/{revision}/revert/", "can_edit"),
    "wagtailadmin_pages:revisions_compare": ("GET", "revisions/compare/earliest...latest/", "can_edit_or_publish"),
    "wagtailadmin_pages:history": ("GET", "history/", "can_edit_or_publish"),
    "wagtailadmin_pages:history_results": ("GET", "history/results/", "can_edit_or_publish"),
    "wagtailadmin_pages:workflow_history": ("GET", "workflow_history/", "can_edit"),
}
# name -> (method, path under /admin/localize/, the right demanded on the translated copy)
TRANSLATION_VIEWS = {
    "wagtail_localize:download_pofile": ("GET", "translate/{translation}/pofile/download/", "can_edit"),
    "wagtail_localize:preview_translation": ("GET", "translate/{translation}/preview/", "can_edit"),
    "wagtail_localize:machine_translate": ("POST", "translate/{translation}/machine_translate/", "can_edit"),
    "wagtail_localize:edit_string_translation": ("PUT", "translate/{translation}/strings/{segment}/edit/", "can_edit"),
    "wagtail_localize:upload_pofile": ("POST", "translate/{translation}/pofile/upload/", "can_edit"),
    "wagtail_localize:stop_translation": ("POST", "translate/{translation}/disable/", "can_relink_copies"),
    "wagtail_localize:convert_to_alias": ("GET", "page/{page}/convert_to_alias/", "can_relink_copies"),
    "wagtail_localize:update_translations": ("GET", "update/{source}/", "can_update_translations"),
}
# Our views served at localize's own paths (translations/wagtail_hooks.py): the same cells cover them.
OVERRIDES = {
    "checked_upload_pofile": "wagtail_localize:upload_pofile",
    "checked_stop_translation": "wagtail_localize:stop_translation",
    "checked_convert_to_alias": "wagtail_localize:convert_to_alias",
    "team_update_translations": "wagtail_localize:update_translations",
    "team_submit_page": "wagtail_localize:submit_page_translation",
    "team_submit_snippet": "wagtail_localize:submit_snippet_translation",
}
# Page bulk actions: action type -> the right each selected page must carry (checked by the action's effect).
BULK_ACTIONS = {"delete": "can_delete", "publish": "can_publish", "unpublish": "can_unpublish"}
# Views checked elsewhere, or acting on no single page, translation or source: why each is not a cell here.
DECLARED_ELSEWHERE = {
    "wagtailadmin_pages:add": "adding under a page: the 'add' cells of test_permission_matrix",
    "wagtailadmin_pages:preview_on_add": "previews what the add form holds: the same check as 'add' (can_add_subpage)",
    "wagtailadmin_pages:type_use": "lists pages of a type, filtered by what the user may explore",
    "wagtailadmin_pages:type_use_results": "the same listing's results",
    "wagtailadmin_pages:choose_parent": "offers only parents the user may add under",
    "wagtailadmin_pages:search": "lists what the user may explore",
    "wagtailadmin_pages:search_results": "the same listing's results",
    "wagtailadmin_pages:move_confirm": "the 'move' cells, plus the destination's add right checked by Wagtail",
    "wagtailadmin_pages:set_page_position": "reordering children: can_reorder_children, moderators and the office",
    "wagtailadmin_pages:revisions_unschedule": "needs a scheduled revision: can_unschedule, as 'publish'",
    "wagtailadmin_pages:workflow_action": "the 'submit' cells of test_permission_matrix and the moderation tests",
    "wagtailadmin_pages:collect_workflow_action_data": "the same workflow task state as workflow_action",
    "wagtailadmin_pages:confirm_workflow_cancellation": "the same workflow task state as workflow_action",
    "wagtailadmin_pages:workflow_preview": "the same workflow task state as workflow_action",
    "wagtailadmin_pages:workflow_history_detail": "a workflow state of a page: the same check as workflow_history",
    "wagtail_localize:javascript_catalog": "the admin's translated strings: no content",
    "wagtail_localize:submit_page_translation": "tests/translations/test_translator_permissions.py (start)",
    "wagtail_localize:submit_snippet_translation": "snippets are the office's: translators hold no snippet rights",
    "wagtail_localize:edit_override": "overridable segments (images, links): the same check as strings",
    "wagtail_localize:translations_report": "read-only list of translations, for every admin user",
    "wagtail_localize:translations_report_results": "the same report's results",
    "wagtail_localize:snippets_api_listing": "read-only snippet data for localize's editor",
    "wagtail_localize:snippets_api_detail": "read-only snippet data for localize's editor",
    "bulk:move": "needs a destination: the 'move' cells and can_move_to, as single moves",
}
PAGE_TARGETS = ("own source", "own German translation", "own German alias", "other city source")
TRANSLATION_TARGETS = ("own German translation", "own English translation", "other city German translation")


def _names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _names(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", str(pattern.pattern)


def registered_views():
    """Names of every page action and localize view in the URL configuration, and of every page bulk action."""
    names = {
        name
        for name, route in _names(get_resolver().url_patterns)
        if name.startswith(("wagtailadmin_pages:", "wagtail_localize:")) or name in OVERRIDES
    }
    for register in hooks.get_hooks("register_bulk_action"):
        if any(issubclass(model, Page) for model in getattr(register, "models", ())):
            names.add(f"bulk:{register.action_type}")
    return names


def test_every_view_is_declared():
    declared = set(PAGE_VIEWS) | set(TRANSLATION_VIEWS) | set(OVERRIDES) | set(DECLARED_ELSEWHERE)
    declared |= {f"bulk:{action}" for action in BULK_ACTIONS}
    assert registered_views() == declared


# -- cells -------------------------------------------------------------------------------------------------------


def page_target(world, target):
    """The copy acted on, read afresh: the world's objects outlive each test's rolled-back changes."""
    german = world["locales"]["de"]
    if target == "own source":
        page = world["news"]["own city"]
    elif target == "own German translation":
        page = world["news"]["own city"].get_translation(german)
    elif target == "own German alias":
        page = world["aliased_news"].get_translation(german)
    else:
        page = world["news"]["other city"]
    return Page.objects.get(pk=page.pk).specific


def translation_target(world, target):
    locale = world["locales"]["en" if "English" in target else "de"]
    item = world["news"]["other city" if target.startswith("other") else "own city"]
    translations = Translation.objects.select_related("source")
    return translations.get(source__object_id=item.translation_key, target_locale=locale)


def holds(user, page, right, translation=None):
    """What the role holds on ``page``, by the permission tester (or, for sync, the rule it serves)."""
    if user is None:
        return False
    tester = page.specific.permissions_for_user(user)
    if right == "can_edit_or_publish":
        return tester.can_edit() or tester.can_publish()
    if right == "can_update_translations":
        # Sync and publish a source's translations: the office, or a translator team with a copy in its language.
        team_locales = user.groups.filter(translator_team__isnull=False).values("translator_team__locale")
        return user.is_superuser or translation.source.translations.filter(target_locale__in=team_locales).exists()
    if right == "can_relink_copies" and not hasattr(tester, right):
        return tester.can_edit()
    return getattr(tester, right)()


REFUSALS = ("/admin/", "/admin/login/")  # Wagtail sends a refused user to the dashboard with a message


def let_through(response):
    """The view did what was asked: a page (after any redirects) or a redirect elsewhere than a refusal."""
    chain = [url.split("?")[0] for url, _status in getattr(response, "redirect_chain", ())]
    if any(url in REFUSALS for url in chain):
        return False
    if response.status_code in (200, 201):
        return True
    return response.status_code == 302 and response.url.split("?")[0] not in REFUSALS


@pytest.mark.parametrize("target", PAGE_TARGETS)
@pytest.mark.parametrize("name", sorted(PAGE_VIEWS))
@pytest.mark.parametrize("role", ROLES)
def test_page_view_cell(world, db, client, role, name, target):
    page = page_target(world, target)
    method, path, right = PAGE_VIEWS[name]
    if name == "wagtailadmin_pages:convert_alias" and not page.alias_of_id:
        pytest.skip("only aliases can be converted")
    if "revision" in name and page.alias_of_id:
        pytest.skip("an alias has no revisions of its own")
    # A copy with a revision to view, compare or revert to (an alias cannot have one).
    revision = page.save_revision() if "revision" in name else None
    url = f"/admin/pages/{page.pk}/" + path.format(revision=getattr(revision, "pk", None))
    client = login(client, world, role)
    response = client.get(url, follow=True) if method == "GET" else client.post(url, {"next": "/admin/pages/"})
    assert let_through(response) is holds(world["users"].get(role), page, right), (response.status_code, url)


@pytest.mark.parametrize("target", TRANSLATION_TARGETS)
@pytest.mark.parametrize("name", sorted(TRANSLATION_VIEWS))
@pytest.mark.parametrize("role", ROLES)
def test_translation_view_cell(world, db, client, role, name, target):
    translation = translation_target(world, target)
    copy = translation.get_target_instance()
    method, path, right = TRANSLATION_VIEWS[name]
    segment = translation.source.stringsegment_set.first()
    url = "/admin/localize/" + path.format(
        translation=translation.pk, page=copy.pk, source=translation.source_id, segment=segment.pk
    )
    client = login(client, world, role)
    if method == "GET":
        response = client.get(url, follow=True)
    elif method == "PUT":
        response = client.put(url, "value=%C3%9Cbersetzt", content_type="application/x-www-form-urlencoded")
    else:
        response = client.post(url + "?next=/admin/pages/")
    user = world["users"].get(role)
    assert let_through(response) is holds(user, copy, right, translation), (response.status_code, url)


@pytest.mark.parametrize("target", PAGE_TARGETS)
@pytest.mark.parametrize("action", sorted(BULK_ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_bulk_action_cell(world, db, client, django_capture_on_commit_callbacks, role, action, target):
    page = page_target(world, target)
    draft = None if page.alias_of_id else page.save_revision()  # what a publish would make live
    before = Page.objects.get(pk=page.pk)
    client = login(client, world, role)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}&next=/admin/pages/", {})
    after = Page.objects.filter(pk=page.pk).first()
    done = {
        "delete": after is None,
        "publish": after is not None and draft is not None and after.live_revision_id == draft.pk,
        "unpublish": after is not None and before.live and not after.live,
    }[action]
    # An alias is published with its source: bulk publish refuses it for everyone (translations.guards).
    expected = holds(world["users"].get(role), page, BULK_ACTIONS[action]) and not (
        action == "publish" and page.alias_of_id
    )
    assert done is expected
