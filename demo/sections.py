"""The pages of the cities' sections (events, cooperation projects, news): each created under its city in its
source language, then translated and aliased into every other language tree."""

from datetime import UTC, date, datetime

from django.db import transaction
from wagtail.models import Revision

from citypages.models import (
    CityPage,
    CooperationProjectPage,
    EventPage,
    EventTheme,
    NewsPage,
    NewsRelatedCity,
    NewsRelatedProject,
    NewsTheme,
    Organisation,
    ProjectPartnerCity,
    ProjectPartnerOrganisation,
    ProjectTheme,
    SustainableDevelopmentGoal,
    Theme,
)
from commitments.models import DeclarationPage

from .streams import body_stream, flat_strings, key_figures_stream, programme_stream, programme_strings

PARTNER_ROLE_BY_TYPE = {
    "university": "scientific",
    "company": "industrial",
    "association": "civil_society",
    "public_body": "public",
    "artists_collective": "cultural",
}


def _aware(value):
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


class SectionPagesMixin:
    def _city_in(self, slug, locale):
        return CityPage.objects.get(slug=slug, locale=locale)

    def _themes_in(self, slugs, locale):
        return [Theme.objects.get(slug=slug, locale=locale) for slug in slugs]

    def _build_section_pages(
        self, items, model, city_key, make_page, strings_of, label, children_of=None, complete=None
    ):
        """Create each item under its city in its source locale, then its translations and aliases.

        ``children_of(page, item, entry)``: texts of the page's synchronised child objects in a translation;
        ``complete(page, item)``: what to add to a page seeded by an earlier version of this builder."""
        for item in items:
            locale = self.locales[item["source_locale"]]
            parent = self._city_in(item[city_key], locale)
            page = model.objects.child_of(parent).filter(slug=item["key"]).first()
            if page is None:
                page = make_page(item, item["text"][item["source_locale"]], locale)
                with transaction.atomic():
                    self._publish(parent, page)
            elif complete:
                with transaction.atomic():
                    complete(page, item)
            self._translate(
                page,
                item["text"],
                strings_of,
                children_of=(lambda entry, page=page, item=item: children_of(page, item, entry))
                if children_of
                else None,
            )
            self._alias_everywhere(page)
            self.progress(label)

    def build_events(self):
        def make_page(event, source, locale):
            page = EventPage(
                title=source["title"],
                slug=event["key"],
                summary=source["summary"],
                start=_aware(event["start"]),
                end=_aware(event["end"]),
                venue=source["venue"],
                body=body_stream(source.get("body", [])),
                programme=programme_stream(event.get("programme_starts", []), source.get("programme", [])),
                registration_url=event.get("registration_url") or "",
                is_network_conference=bool(event.get("is_network_conference")),
                conference_number=event.get("conference_number"),
            )
            page.page_themes = [EventTheme(theme=t) for t in self._themes_in(event.get("themes", []), locale)]
            return page

        def strings_of(entry):
            return {
                "title": [entry["title"]],
                "summary": [entry["summary"]],
                "venue": [entry["venue"]],
                "body": flat_strings(entry.get("body", [])),
                "programme": programme_strings(entry.get("programme", [])),
            }

        self._build_section_pages(self.data.events, EventPage, "city", make_page, strings_of, "events")

    def build_projects(self):
        organisations = {
            org["key"]: Organisation.objects.filter(name=org["name"]).order_by("pk").first()
            for org in self.data.organisations
        }

        def make_page(project, source, locale):
            page = CooperationProjectPage(
                title=source["title"],
                slug=project["key"],
                summary=source["summary"],
                body=body_stream(source["body"]),
                status=project["status"],
                start_date=date.fromisoformat(project["start_date"]) if project.get("start_date") else None,
                end_date=date.fromisoformat(project["end_date"]) if project.get("end_date") else None,
                origin=project["origin"],
                origin_conference=self._conference_in(project.get("origin_conference"), locale),
                **self._lineage_of(project, locale),
                origin_detail=source.get("origin_detail", ""),
                results=body_stream(source.get("results", [])),
                key_figures=key_figures_stream(project.get("key_figures", []), source.get("key_figure_labels", [])),
                contact_name=project.get("contact_name", ""),
                contact_role=source.get("contact_role", ""),
                contact_email=project.get("contact_email", ""),
            )
            page.sdgs = SustainableDevelopmentGoal.objects.filter(number__in=project.get("sdgs", []))
            page.page_themes = [ProjectTheme(theme=t) for t in self._themes_in(project["themes"], locale)]
            page.partner_cities = [
                ProjectPartnerCity(city=self._city_in(slug, locale)) for slug in project.get("partner_cities", [])
            ]
            page.partner_organisations = [
                ProjectPartnerOrganisation(
                    organisation=organisations[key], role=PARTNER_ROLE_BY_TYPE[organisations[key].organisation_type]
                )
                for key in project.get("partner_organisations", [])
            ]
            page.needs = self._project_needs(project, source)  # in the first revision, before it is published
            page.served_commitments = self._served_commitments(project)
            self._count_exchanges(project["source_locale"], project_needs=page.needs.all())
            return page

        def strings_of(entry):
            return {
                "title": [entry["title"]],
                "summary": [entry["summary"]],
                "body": flat_strings(entry["body"]),
                "results": flat_strings(entry.get("results", [])),
                "key_figures": entry.get("key_figure_labels", []),
                "origin_detail": [entry.get("origin_detail", "")],
                "contact_role": [entry.get("contact_role", "")],
            }

        self._build_section_pages(
            self.data.projects,
            CooperationProjectPage,
            "lead_city",
            make_page,
            strings_of,
            "projects",
            children_of=self._project_need_texts,
            complete=self._complete_project,
        )
        self.build_city_exchanges()  # cities' offers of their own projects, now that the projects exist
        for project in self.data.projects:
            if project.get("updated"):
                self._backdate(project)

    def _conference_in(self, number, locale):
        """The network conference ``number``'s copy in ``locale``, or None for no number."""
        return EventPage.objects.get(locale=locale, conference_number=number) if number else None

    def _lineage_of(self, project, locale):
        """The declaration a project came from and the project it is based on, as copies in ``locale``."""
        lineage = {}
        if project.get("origin_declaration"):
            lineage["origin_declaration"] = DeclarationPage.objects.get(
                slug=project["origin_declaration"], locale=locale
            )
        if project.get("based_on"):
            lineage["based_on"] = CooperationProjectPage.objects.get(slug=project["based_on"], locale=locale)
        return lineage

    def _complete_project(self, page, project):
        """What a project seeded by an earlier version of this builder lacks: its needs, its commitments, its
        lineage."""
        self._give_project_needs(page, project)
        self._give_commitments(page, project)
        lineage = {
            field: value
            for field, value in self._lineage_of(project, page.locale).items()
            if getattr(page, f"{field}_id") is None
        }
        if lineage and not page.has_unpublished_changes:
            for field, value in lineage.items():
                setattr(page, field, value)
            page.save_revision().publish()
            self.created[("project lineages", page.locale.language_code)] += 1
            self._retranslate(page, project["text"], lambda entry: self._project_need_texts(page, project, entry))

    def _backdate(self, project):
        """Date the original's latest revision to the data's ``updated`` day, as if nobody had touched the
        project since (the owners' dashboard lists projects not updated for six months)."""
        page = CooperationProjectPage.objects.get(slug=project["key"], locale=self.locales[project["source_locale"]])
        updated = datetime.fromisoformat(project["updated"]).replace(hour=9, tzinfo=UTC)
        if page.latest_revision_created_at == updated:
            return
        CooperationProjectPage.objects.filter(pk=page.pk).update(latest_revision_created_at=updated)
        self.created[("revisions dated", project["source_locale"])] += 1
        Revision.objects.filter(pk=page.latest_revision_id).update(created_at=updated)

    def build_news(self):
        def make_page(news, source, locale):
            published = date.fromisoformat(news["date"])
            page = NewsPage(
                title=source["title"],
                slug=news["key"],
                date=published,
                summary=source["summary"],
                body=body_stream(source["body"]),
                first_published_at=datetime(published.year, published.month, published.day, 9, tzinfo=UTC),
            )
            page.page_themes = [NewsTheme(theme=t) for t in self._themes_in(news.get("themes", []), locale)]
            page.related_cities = [
                NewsRelatedCity(city=self._city_in(slug, locale)) for slug in news.get("related_cities", [])
            ]
            page.related_projects = [
                NewsRelatedProject(project=CooperationProjectPage.objects.get(slug=key, locale=locale))
                for key in news.get("related_projects", [])
            ]
            return page

        def strings_of(entry):
            return {"title": [entry["title"]], "summary": [entry["summary"]], "body": flat_strings(entry["body"])}

        self._build_section_pages(self.data.news, NewsPage, "city", make_page, strings_of, "news")
