"""RSS 2.0 and Atom feeds of the network's news and cooperation projects: for the whole network, one city or
one theme, in each language with the listings' fallback (Django's syndication framework).

Titles and summaries are plain text. RSS ``<description>`` and Atom ``<summary type="html">`` are HTML, which a
feed reader renders: a summary is escaped into them, so that what an editor typed is shown, never run. Titles go
where feeds hold text (RSS ``<title>``; Atom ``<title>`` without a type, which is text).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from citypages.models import CooperationProjectPage, NewsPage

from .scope import FeedScope, page_language

FEED_LENGTH = 30


class LanguageTaggedAtomFeed(Atom1Feed):
    """Atom with ``xml:lang`` on each entry whose text is not in the feed's language (an untranslated item);
    Django's Atom feed has a language for the whole feed only."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("content_language") and item["content_language"] != self.feed["language"]:
            attributes["xml:lang"] = item["content_language"]
        return attributes


class NetworkFeed(Feed):
    """The latest news and cooperation projects of every city (subclasses narrow it to a city or a theme)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, city=None, theme=None):
        # The feed object is shared by every request (and thread): what depends on the request rides on the scope.
        return FeedScope.from_request(request, city_slug=city, theme_slug=theme)

    def title(self, scope):
        if scope.city is not None:
            return _("%(city)s: news and projects · CityNet") % {"city": scope.city.title}
        if scope.theme is not None:
            return _("%(theme)s: news and projects across the network · CityNet") % {"theme": scope.theme.name}
        return _("Latest news and projects of the network · CityNet")

    def description(self, scope):
        return _("News and cooperation projects of the member cities of the network of Michelin cities.")

    def link(self, scope):
        if scope.city is not None:
            return scope.city.get_url(scope.request)
        return "/" + scope.locale.language_code + "/"

    def items(self, scope):
        def newest(model, *order):
            listed = scope.restrict(model.objects.all()).with_city().with_original_language().select_related("locale")
            return listed.order_by(*order)[:FEED_LENGTH]

        news = newest(NewsPage, "-date", "-pk")
        projects = newest(CooperationProjectPage, "-first_published_at", "-pk")
        items = [*news, *projects]
        items.sort(key=self.item_pubdate, reverse=True)
        for item in items:
            item.feed_link = item.get_url(scope.request)
        return items[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.summary)

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        # One identity per item and language: readers of two languages' feeds see two entries, as they should.
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        if isinstance(item, NewsPage):
            return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))
        return item.first_published_at or timezone.now()

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.city_title

    def item_categories(self, item):
        return [str(type(item)._meta.verbose_name)]

    def item_extra_kwargs(self, item):
        return {"content_language": page_language(item)}


class NetworkAtomFeed(NetworkFeed):
    feed_type = LanguageTaggedAtomFeed
    subtitle = NetworkFeed.description
