"""Where a cooperation project comes from and where it went: its lineage.

A project names the conference or the declaration it came from (a call for proposals is named in words, since the
network keeps no record of calls) and the other city's project it is based on. The reverse, the cities that reused
it, is read from the projects that name it. Page links point at one language's copy (the source, or the copy the
link was translated to); the reader's copies are found by translation key.
"""


def in_locale(page, locale_id):
    """The live copy of ``page`` in a language tree, else None."""
    if page is None:
        return None
    return type(page).objects.live().filter(translation_key=page.translation_key, locale_id=locale_id).first()


class ProjectLineageMixin:
    def lineage(self):
        """{conference, declaration, based_on, reused_by} in this page's language tree (a few queries)."""
        model = type(self)
        based_on = None
        if self.based_on_id:
            based_on = (
                model.objects.live()
                .public()
                .filter(translation_key=self.based_on.translation_key, locale_id=self.locale_id)
                .with_city()
                .with_original_language()
                .first()
            )
        reused_by = (
            model.objects.live()
            .public()
            .filter(locale_id=self.locale_id, based_on__translation_key=self.translation_key)
            .with_city()
            .with_original_language()
            .order_by("city_title", "title")
        )
        return {
            "conference": in_locale(self.origin_conference, self.locale_id) if self.origin_conference_id else None,
            "declaration": in_locale(self.origin_declaration, self.locale_id) if self.origin_declaration_id else None,
            "based_on": based_on,
            "reused_by": list(reused_by),
        }
