"""sitemap.xml over every language tree, with hreflang alternates.

Wagtail's sitemap lists the default site's tree only (here: English) and no alternates. This one lists every live,
public copy whose text is in its own language (originals and published translations, never an alias showing
another language's text), each with its alternates in the other languages and an x-default (English, else the
original), the same rule as the pages' own ``<link rel="alternate">``.
"""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from translations.state import original_language


class NetworkSitemap(Sitemap):
    limit = 5000  # a page of the sitemap stays small; Django adds the sitemap index beyond it

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .annotate(shown_language=original_language())
            .filter(shown_language__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        copies = defaultdict(list)
        # Alternates of the pages of this sitemap page, in one query.
        for copy in self.items().filter(translation_key__in={item.translation_key for item in pages}):
            copies[copy.translation_key].append(copy)
        urls, last_mods = [], set()
        for item in pages:
            alternates = [
                {"lang_code": copy.locale.language_code, "location": copy.get_full_url(self.request)}
                for copy in copies[item.translation_key]
            ]
            if len(alternates) > 1:
                default = _default(copies[item.translation_key])
                alternates.append({"lang_code": "x-default", "location": default.get_full_url(self.request)})
            else:
                alternates = []
            last_mod = item.last_published_at or item.latest_revision_created_at
            urls.append({"item": item, "location": item.get_full_url(self.request), "lastmod": last_mod,
                         "alternates": alternates})  # fmt: skip
            last_mods.add(last_mod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _default(copies):
    english = [copy for copy in copies if copy.locale.language_code == settings.LANGUAGE_CODE]
    return english[0] if english else min(copies, key=lambda copy: copy.pk)
