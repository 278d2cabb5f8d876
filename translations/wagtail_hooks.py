"""Admin entry points of the translation workflow: the submission screens and their guards, the dashboard panel.

The screens that list the city sections' content with its translations (the report, the per-language listings, the
translator's dashboard panel) are citypages' (``citypages.translation_*``): they list its page types, and this app
stands below it.
"""

from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_localize.models import Translation

from cms.locale_text import join_list

from . import deletion, guards
from .missing import untranslated_fields
from .po_upload import upload_translation_po_file
from .submission import TeamPageTranslationView, TeamSnippetTranslationView
from .updates import TeamUpdateTranslationsView


@hooks.register("register_admin_urls")
def register_localize_view_urls():
    # The same paths as wagtail-localize's views they extend, matched first because this app is listed before it.
    return [
        path("localize/submit/page/<int:page_id>/", TeamPageTranslationView.as_view(), name="team_submit_page"),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            TeamSnippetTranslationView.as_view(),
            name="team_submit_snippet",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_translation_po_file,
            name="checked_upload_pofile",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            TeamUpdateTranslationsView.as_view(),
            name="team_update_translations",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/", guards.stop_translation, name="checked_stop_translation"
        ),
        path("localize/page/<int:page_id>/convert_to_alias/", guards.convert_to_alias, name="checked_convert_to_alias"),
    ]


@hooks.register("before_convert_alias_page")
def refuse_translators_converting_aliases(request, page):
    return guards.refuse_translators_converting_aliases(request, page)


@hooks.register("before_bulk_action")
def refuse_publishing_aliases_in_bulk(request, action_type, objects, action):
    return guards.refuse_publishing_aliases_in_bulk(request, action_type, objects, action)


# Deleting an original keeps or deletes its copies in other languages (translations.deletion). Ordered after the
# other apps' hooks: a hook that refuses returns its response inside the view's transaction, which then commits,
# so copies must not have been relinked before a refusal.
@hooks.register("before_delete_page", order=100)
def keep_or_delete_copies_in_other_languages(request, page):
    return deletion.before_delete_page(request, page)


@hooks.register("before_bulk_action", order=100)
def keep_copies_in_other_languages_in_bulk(request, action_type, objects, action):
    return deletion.before_bulk_delete(request, action_type, objects, action)


@hooks.register("before_edit_page", order=-1)
def name_what_the_translation_still_lacks(request, page):
    """Before localize's editor opens on a translation, say which fields still hold untranslated text: its own
    warning ("published with missing translations") names none. Returns nothing, so localize's editor follows."""
    if request.method != "GET" or page.alias_of_id:
        return
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .values_list("pk", flat=True)
        .first()
    )
    fields = untranslated_fields(translation) if translation else []
    if fields:
        message = _("Still to translate in %(language)s: %(fields)s.")
        messages.info(request, message % {"language": page.locale.get_display_name(), "fields": join_list(fields)})
