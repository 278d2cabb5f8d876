"""The demo cities' offers and needs and the needs of projects seeking partners (citypages/models/partnering.py):
created on the source pages, translated through localize with the data's texts, and completed on databases
seeded before they existed."""

from datetime import date

from django.db import transaction

from citypages.models import CityNeed, CityOffer, CityPage, CooperationProjectPage, ProjectNeed, Theme

from .localized import translate


def _offer_key(offer):
    return (offer["theme"], offer["contribution"], offer.get("project"))


def _need_key(need):
    return (need["theme"], need["contribution"])


def _project_need_key(need):
    return (need["partner_kind"], need.get("deadline"))


def _paired_texts(children, key_of_child, items, key_of_item, texts, field):
    """``texts`` (one per data item) in the order of ``children`` (the page's child objects), paired by key; None
    when the children are not those of the data (an editor changed them): their texts are then left alone."""
    pending = [(key_of_item(item), text) for item, text in zip(items, texts, strict=True)]
    paired = []
    for child in children:
        key = key_of_child(child)
        match = next((i for i, (item_key, _text) in enumerate(pending) if item_key == key), None)
        if match is None:
            return None
        paired.append({field: pending.pop(match)[1]})
    return paired


class ExchangesMixin:
    """NetworkBuilder's steps for offers and needs (it provides ``data``, ``locales`` and ``created``)."""

    def _count_exchanges(self, code, offers=(), needs=(), project_needs=()):
        for kind, items in (("city offers", offers), ("city needs", needs), ("project needs", project_needs)):
            if items:
                self.created[(kind, code)] += len(items)

    def _city_offers(self, city_data, entry, locale, with_projects=True):
        """The city's offers with ``entry``'s descriptions; themes and projects are the copies in ``locale`` (the
        source's: translations and aliases point at the same ones, as for the other relations)."""
        offers = []
        # sort_order as in the data: child rows have no order of their own on PostgreSQL without it
        pairs = zip(city_data["offers"], entry["offer_descriptions"], strict=True)
        for position, (offer, description) in enumerate(pairs):
            project = None
            if offer.get("project"):
                if not with_projects:
                    continue
                project = CooperationProjectPage.objects.get(slug=offer["project"], locale=locale)
            theme = Theme.objects.get(slug=offer["theme"], locale=locale)
            offers.append(
                CityOffer(
                    theme=theme,
                    contribution=offer["contribution"],
                    description=description,
                    project=project,
                    sort_order=position,
                )
            )
        return offers

    def _city_needs(self, city_data, entry, locale):
        return [
            CityNeed(
                theme=Theme.objects.get(slug=need["theme"], locale=locale),
                contribution=need["contribution"],
                description=description,
                sort_order=position,
            )
            for position, (need, description) in enumerate(
                zip(city_data["needs"], entry["need_descriptions"], strict=True)
            )
        ]

    def _exchange_texts(self, city, city_data, entry):
        """{"offers": [...], "needs": [...]}: ``entry``'s descriptions for the city's current offers and needs."""
        return {
            "offers": _paired_texts(
                city.offers.select_related("theme", "project"),
                lambda o: (o.theme.slug, o.contribution, o.project.slug if o.project else None),
                city_data["offers"],
                _offer_key,
                entry["offer_descriptions"],
                "description",
            ),
            "needs": _paired_texts(
                city.needs.select_related("theme"),
                lambda n: (n.theme.slug, n.contribution),
                city_data["needs"],
                _need_key,
                entry["need_descriptions"],
                "description",
            ),
        }

    def build_city_exchanges(self):
        """Complete each city's offers and needs once its projects exist (offers of its own projects), and give
        them to cities seeded before cities had any."""
        for city_data in self.data.cities:
            with transaction.atomic():
                self._give_exchanges(city_data)

    def _give_exchanges(self, city_data):
        """A city lacking the data's offers of its projects, or any offer and need, gets the data's on its original
        (aliases follow); its translations are brought up to date through localize, with their texts, so a later
        sync keeps them. A copy with a draft waiting is left alone, like ``_give_banner``."""
        locale = self.locales[city_data["locale"]]
        city = CityPage.objects.get(slug=city_data["slug"], locale=locale)
        offers_projects = any(offer.get("project") for offer in city_data["offers"])
        has_offers, has_needs = city.offers.exists(), city.needs.exists()
        if (has_offers or has_needs) and (not offers_projects or city.offers.filter(project__isnull=False).exists()):
            return
        if city.has_unpublished_changes:
            return
        text = city_data["text"]
        source_text = text[city_data["locale"]]
        had_offers = city.offers.count()
        offers = needs = ()
        if not city.offers.filter(project__isnull=False).exists():
            city.offers = offers = self._city_offers(city_data, source_text, locale)
        if not has_needs:
            city.needs = needs = self._city_needs(city_data, source_text, locale)
        city.save_revision().publish()  # publishing the source syncs its aliases
        self._count_exchanges(city_data["locale"], offers[had_offers:], needs)
        self._retranslate(city, text, lambda entry: self._exchange_texts(city, city_data, entry))

    def _retranslate(self, page, text, children_of):
        """Bring the page's existing translations up to date with its new child objects, with their texts."""
        translations = page.get_translations().filter(alias_of__isnull=True).select_related("locale")
        for copy in translations:
            entry = text.get(copy.locale.language_code)
            if entry is None or copy.has_unpublished_changes:
                continue
            children = {relation: paired for relation, paired in children_of(entry).items() if paired}
            translate(page, copy.locale, {}, children)

    def _project_needs(self, project, entry):
        return [
            ProjectNeed(
                partner_kind=need["partner_kind"],
                skills=skills,
                deadline=date.fromisoformat(need["deadline"]) if need.get("deadline") else None,
                sort_order=position,
            )
            for position, (need, skills) in enumerate(
                zip(project.get("needs", []), entry.get("need_skills", []), strict=True)
            )
        ]

    def _project_need_texts(self, page, project, entry):
        return {
            "needs": _paired_texts(
                page.needs.all(),
                lambda n: (n.partner_kind, n.deadline.isoformat() if n.deadline else None),
                project.get("needs", []),
                _project_need_key,
                entry.get("need_skills", []),
                "skills",
            )
        }

    def _give_project_needs(self, page, project):
        """A project seeded before projects had needs gets them on its original (aliases follow) and, through
        localize, on its translations; a copy with a draft waiting is left alone."""
        if not project.get("needs") or page.needs.exists() or page.has_unpublished_changes:
            return
        text = project["text"]
        page.needs = needs = self._project_needs(project, text[project["source_locale"]])
        page.save_revision().publish()
        self._count_exchanges(project["source_locale"], project_needs=needs)
        self._retranslate(page, text, lambda entry: self._project_need_texts(page, project, entry))
