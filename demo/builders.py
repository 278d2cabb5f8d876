"""Builds the demo network, step by step, creating only what is missing (so a re-run changes nothing)."""

from collections import Counter

from django.db import transaction
from wagtail.models import Locale, Page, Site

from citypages.models import (
    CityIndexPage,
    CityPage,
    CityTwinning,
    Organisation,
    Theme,
)
from citypages.models.city import city_collection
from citypages.synctree import alias_into_every_locale
from cityteams.onboarding import establish_city_team, onboard_city
from cms.tree import HOME_PAGE_DEPTH
from home.models import HomePage

from .content import LOCALES
from .declarations import DeclarationsMixin
from .exchanges import ExchangesMixin
from .images import city_banner
from .library import LibraryMixin
from .localized import translate
from .office import NetworkOfficeMixin
from .sections import SectionPagesMixin
from .streams import body_stream, flat_strings

MICHELIN_SITES = {
    "": "",
    "plant": "plant",
    "research centre": "research_centre",
    "plant and research centre": "plant_and_research_centre",
    "headquarters and research centre": "headquarters",
    "North American headquarters": "regional_headquarters",
}


class NetworkBuilder(SectionPagesMixin, ExchangesMixin, DeclarationsMixin, NetworkOfficeMixin, LibraryMixin):
    def __init__(self, data, progress):
        self.data = data
        self.progress = progress  # called with a label after each item
        self.created = Counter()  # (model verbose name, locale code) -> count
        self.origins = Counter()  # (model verbose name, "originals" | "translations" | "aliases") -> count
        self.locales = {}

    # -- helpers --------------------------------------------------------------------------------------------

    def _count(self, obj, origin="originals"):
        kind = obj._meta.verbose_name_plural
        self.created[(kind, obj.locale.language_code)] += 1
        self.origins[(kind, origin)] += 1

    def _publish(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self._count(page)
        return page

    def _translate(self, instance, texts, strings_of, count=True, children_of=None):
        """Translate ``instance`` into every locale of ``texts`` it is not yet translated into; ``children_of(entry)``
        gives the texts of its synchronised child objects (``localized.translate``'s ``children``)."""
        for code, entry in texts.items():
            locale = self.locales[code]
            existing = instance.get_translation_or_none(locale)
            if code == instance.locale.language_code or (existing and not getattr(existing, "alias_of_id", None)):
                continue
            children = {
                relation: paired for relation, paired in (children_of(entry) if children_of else {}).items() if paired
            }
            translated = translate(
                instance, locale, strings_of(entry) | {"slug": [getattr(instance, "slug", "")]}, children
            )
            if count:
                self._count(translated, "translations")

    def _count_copies(self, page):
        """Count every locale copy of a page made in one go (onboarding aliases, then translations replace some)."""
        for copy in Page.objects.filter(translation_key=page.translation_key).specific():
            origin = "originals" if copy.pk == page.pk else "aliases" if copy.alias_of_id else "translations"
            self._count(copy, origin)

    def _alias_everywhere(self, page):
        for alias in alias_into_every_locale(page):
            self._count(alias, "aliases")

    # -- steps ------------------------------------------------------------------------------------------------

    def build_locales(self):
        for code in LOCALES:
            self.locales[code], created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.created[("locales", code)] += 1

    def build_structure(self):
        """The network home and the city index in every locale, and the default Site pointing at the home."""
        en = self.locales["en"]
        home_texts = self.data.network["home"]
        home = HomePage.objects.filter(locale=en).first()
        if home is None:
            root = Page.get_first_root_node()
            home = HomePage(
                title=home_texts["en"]["title"],
                slug="home",
                locale=en,
                intro=home_texts["en"]["intro"],
                body=body_stream(home_texts["en"]["body"]),
            )
            # Wagtail's initial "Welcome" page holds the slug "home"; the network home replaces it.
            welcome = Page.objects.filter(depth=HOME_PAGE_DEPTH, content_type__model="page", slug="home").first()
            if welcome:
                welcome.slug = "welcome-replaced"
                welcome.save()
            self._publish(root, home)
            Site.objects.update_or_create(
                is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
            )
            if welcome:
                welcome.delete()
        self._translate(
            home,
            home_texts,
            lambda e: {"title": [e["title"]], "intro": [e["intro"]], "body": flat_strings(e["body"])},
        )
        index_texts = self.data.network["city_index"]
        index = CityIndexPage.objects.filter(locale=en).first()
        if index is None:
            index = self._publish(
                home, CityIndexPage(title=index_texts["en"]["title"], slug="cities", intro=index_texts["en"]["intro"])
            )
        self._translate(index, index_texts, lambda e: {"title": [e["title"]], "intro": [e["intro"]]})
        self.progress("structure")

    def build_themes(self):
        en = self.locales["en"]
        for theme_data in self.data.themes:
            text = theme_data["text"]
            theme = Theme.objects.filter(slug=theme_data["slug"], locale=en).first()
            if theme is None:
                theme = Theme.objects.create(
                    locale=en,
                    slug=theme_data["slug"],
                    icon=theme_data["icon"],
                    name=text["en"]["name"],
                    description=text["en"]["description"],
                )
                self._count(theme)
            self._translate(theme, text, lambda e: {"name": [e["name"]], "description": [e["description"]]})
            self.progress("themes")

    def build_cities(self):
        for city_data in self.data.cities:
            with transaction.atomic():
                self._build_city(city_data)
            self.progress("cities")
        for city_data in self.data.cities:  # twinnings need every city to exist
            self._link_twins(city_data)

    def _build_city(self, city_data):
        locale = self.locales[city_data["locale"]]
        city = CityPage.objects.filter(slug=city_data["slug"], locale=locale).first()
        text = city_data["text"]
        onboarded = city is None
        if onboarded:
            source_text = text[city_data["locale"]]
            city = CityPage(
                title=source_text["name"],
                slug=city_data["slug"],
                local_name=city_data["name"],
                english_name=text["en"]["name"],
                country=city_data["country"],
                region=source_text.get("region") or city_data.get("region", ""),
                latitude=city_data["latitude"],
                longitude=city_data["longitude"],
                population=city_data.get("population"),
                role=city_data["role"],
                michelin_site=MICHELIN_SITES[city_data["michelin_site"]],
                member_since=city_data.get("member_since", 2017),
                representative=source_text.get("representative", ""),
                # Visitors write through the city page's contact form; the address is fictional (.example).
                contact_name=source_text.get("representative", ""),
                contact_email=f"international@{city_data['slug']}.example",
                website=city_data.get("website") or "",
                intro=source_text["intro"],
                body=body_stream(source_text["body"]),
            )
            city.working_languages = [
                self.locales[c] for c in city_data.get("working_languages", []) if c in self.locales
            ]
            # The banner goes in the city's collection (the one the page would make) and is set before the page
            # is created, so its first revision, aliases and translations all have it.
            city.collection = city_collection(city.english_name)
            city.hero_image = self._banner(city_data, city.collection)
            # Offers and needs are in the first revision too, but for offers of the city's own projects: those
            # pages do not exist yet; build_city_exchanges adds them once the projects are built.
            city.offers = self._city_offers(city_data, source_text, locale, with_projects=False)
            city.needs = self._city_needs(city_data, source_text, locale)
            self._count_exchanges(city_data["locale"], city.offers.all(), city.needs.all())
            # The same onboarding as add_city: page, aliases in every locale, groups, collection, workflow, rights.
            onboard_city(city, locale)
        self._translate(
            city,
            text,
            lambda e: {
                "title": [e["name"]],
                "region": [e.get("region") or city_data.get("region", "")],
                "representative": [e.get("representative", "")],
                "intro": [e["intro"]],
                "body": flat_strings(e["body"]),
            },
            count=not onboarded,
            children_of=lambda e: self._exchange_texts(city, city_data, e),
        )
        if onboarded:
            self._count_copies(city)
        else:
            self._alias_everywhere(city)
            establish_city_team(city)  # completes cities seeded before city teams existed
            self._give_banner(city, city_data)  # completes cities seeded before they had banners

    def _banner(self, city_data, collection):
        """The city's banner (demo/images.py), drawn and counted if it is new."""
        coordinates = {row["slug"]: (row["latitude"], row["longitude"]) for row in self.data.cities}
        image, created = city_banner(
            collection,
            slug=city_data["slug"],
            name=city_data["text"]["en"]["name"],
            latitude=city_data["latitude"],
            longitude=city_data["longitude"],
            twins=[coordinates[slug] for slug in city_data.get("twin_cities", []) if slug in coordinates],
        )
        if created:
            self.created[("images", city_data["locale"])] += 1
        return image

    def _give_banner(self, city, city_data):
        """A city without a hero image gets its banner on its original and translations (aliases follow), except
        on a copy with a draft waiting (an editor's work is not overwritten)."""
        if city.hero_image_id or city.collection_id is None:
            return
        image = self._banner(city_data, city.collection)
        copies = CityPage.objects.filter(
            translation_key=city.translation_key, alias_of__isnull=True, hero_image__isnull=True
        ).order_by("pk")
        for page in copies:
            if page.has_unpublished_changes:
                continue
            page.hero_image = image
            page.save_revision().publish()

    def _link_twins(self, city_data):
        city = CityPage.objects.get(slug=city_data["slug"], locale=self.locales[city_data["locale"]])
        missing = [
            slug
            for slug in city_data.get("twin_cities", [])
            if not city.twinnings.filter(twin_city__slug=slug).exists()
        ]
        if not missing:
            return
        for slug in missing:
            twin = CityPage.objects.get(slug=slug, locale=city.locale)
            city.twinnings.add(CityTwinning(twin_city=twin))
        city.save_revision().publish()  # publishing a source syncs its twinnings into aliases
        self.created[("twinnings", city.locale.language_code)] += len(missing)

    def build_organisations(self):
        for org in self.data.organisations:
            locale = self.locales[next(c["locale"] for c in self.data.cities if c["slug"] == org["city"])]
            if Organisation.objects.filter(name=org["name"], locale=locale).exists():
                continue
            organisation = Organisation.objects.create(
                locale=locale,
                name=org["name"],
                organisation_type=org["type"],
                city=CityPage.objects.get(slug=org["city"], locale=locale),
                website=org.get("website") or "",
            )
            self._count(organisation)
