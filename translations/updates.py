"""wagtail-localize's "Sync translated pages" screen, limited to the translations the user may publish.

Its view checks only ``submit_translation`` (one permission for every language) and then updates and, with
"Publish immediately", publishes every language's translation of the source: the German translator could publish
the English copy of a Clermont-Ferrand news item, or another team's unapproved strings. The view has no hook to
narrow the translations it touches, so ``form_valid`` is written again here on a narrowed set: the enabled
translations into the user's team languages (every language for the network office) whose target they may edit.
Served at localize's own URL (our admin URLs are registered first), so every "Sync translated pages" button leads
here.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.views.edit_translation import apply_machine_translation, user_can_edit_instance
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .permissions import submission_locale_ids


class TeamUpdateTranslationsView(UpdateTranslationsView):
    def get_object(self):
        # Called by localize's dispatch once it has checked submit_translation.
        source = super().get_object()
        self.updatable = self._updatable(source)
        if not self.updatable:
            raise PermissionDenied
        return source

    def _updatable(self, source):
        translations = source.translations.filter(enabled=True).select_related("target_locale")
        locale_ids = submission_locale_ids(self.request.user)
        if locale_ids is not None:
            translations = translations.filter(target_locale_id__in=locale_ids)
        return [t for t in translations if user_can_edit_instance(self.request.user, t.get_target_instance())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = {translation.target_locale_id for translation in self.updatable}
        context["translations"] = [row for row in context["translations"] if row["locale"].pk in shown]
        return context

    @transaction.atomic
    def form_valid(self, form):
        self.object.update_from_db()
        if form.cleaned_data.get("use_machine_translation"):
            machine_translator = get_machine_translator()
            for translation in self.updatable:
                apply_machine_translation(translation.id, self.request.user, machine_translator)
        for translation in self.updatable:
            with contextlib.suppress(ValidationError):  # as localize does: one failing copy does not stop the others
                if form.cleaned_data["publish_translations"]:
                    translation.save_target(user=self.request.user, publish=True)
                else:
                    translation.source.update_target_view_restrictions(translation.target_locale)
        self.components.save(self.object, sources_and_translations={self.object: self.updatable})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())
