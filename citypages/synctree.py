"""Synchronised trees: every page exists in every locale's tree, as a translation or as an alias.

wagtail-localize synchronises a locale only from the one locale it is set to follow, so content authored in
Chinese or Thai would never reach the English tree. Here a page created in any locale is aliased into every
other locale (with its parents, which already exist there for our tree), the same way localize's synctree does
it, so a city's section exists in every language; translating a page later replaces its alias.
"""

from wagtail.models import Locale, Page


def alias_into_every_locale(page):
    """Alias ``page`` into each locale where it has neither a translation nor an alias; returns the aliases."""
    present = set(Page.objects.filter(translation_key=page.translation_key).values_list("locale_id", flat=True))
    return [
        page.copy_for_translation(locale, copy_parents=True, alias=True)
        for locale in Locale.objects.exclude(id__in=present)
    ]
