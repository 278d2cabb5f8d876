"""wagtail-localize's "Translate this page" screens, limited to the languages a translator works in.

Its submission views offer every locale to anyone holding ``submit_translation`` and check no page permission,
and its form has no hook to narrow the choice; so a German translator could start a Thai translation of any page.
These subclasses narrow the form's locales and are served at wagtail-localize's own URLs (our admin URLs are
registered first), so every "Translate this page" button leads here.
"""

from django.core.exceptions import PermissionDenied
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView

from .permissions import submission_locale_ids


class TeamLocalesMixin:
    def get_form(self):
        form = super().get_form()
        allowed = submission_locale_ids(self.request.user)
        if allowed is not None:
            choices = form.fields["locales"].queryset.filter(pk__in=allowed)
            if not choices.exists():
                raise PermissionDenied
            form.fields["locales"].queryset = choices
        return form


class TeamPageTranslationView(TeamLocalesMixin, SubmitPageTranslationView):
    pass


class TeamSnippetTranslationView(TeamLocalesMixin, SubmitSnippetTranslationView):
    pass
