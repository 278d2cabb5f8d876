"""The demo network's declarations (``declarations.json``): the index page, each declaration with its commitments
and signatories, in every language the data has, and the links from demo projects to the commitments they serve.

Declarations are built after the conferences (a declaration names the one where it was signed) and before the
projects, so a new project has its commitments in its first revision and every copy made from it carries them.
"""

from django.db import transaction

from citypages.models import CityPage
from commitments.models import (
    Commitment,
    DeclarationIndexPage,
    DeclarationPage,
    DeclarationSignatory,
    ProjectCommitment,
)
from home.models import HomePage

from .streams import body_stream, flat_strings


def _commitment_texts(entry):
    return [{"title": item["title"], "description": item["description"]} for item in entry["commitments"]]


class DeclarationsMixin:
    def build_declarations(self):
        data = self.data.declarations
        if not data:
            return
        index = self._declaration_index(data["index"])
        for declaration in data["declarations"]:
            with transaction.atomic():
                page = self._declaration(index, declaration)
            self._translate(
                page,
                declaration["text"],
                lambda entry: {
                    "title": [entry["title"]],
                    "place": [entry["place"]],
                    "summary": [entry["summary"]],
                    "body": flat_strings(entry["body"]),
                },
                children_of=lambda entry: {"commitments": _commitment_texts(entry)},
            )
            self._alias_everywhere(page)
            self.progress("declarations")

    def _declaration_index(self, texts):
        en = self.locales["en"]
        index = DeclarationIndexPage.objects.filter(locale=en).first()
        if index is None:
            home = HomePage.objects.get(locale=en)
            index = self._publish(
                home, DeclarationIndexPage(title=texts["en"]["title"], slug="declarations", intro=texts["en"]["intro"])
            )
        self._translate(index, texts, lambda entry: {"title": [entry["title"]], "intro": [entry["intro"]]})
        self._alias_everywhere(index)
        return index

    def _declaration(self, index, declaration):
        locale = self.locales[declaration["source_locale"]]
        parent = index.get_translation(locale)
        page = DeclarationPage.objects.child_of(parent).filter(slug=declaration["key"]).first()
        if page is not None:
            return page
        source = declaration["text"][declaration["source_locale"]]
        page = DeclarationPage(
            title=source["title"],
            slug=declaration["key"],
            date=declaration["date"],
            place=source["place"],
            conference=self._conference_in(declaration.get("conference"), locale),
            summary=source["summary"],
            body=body_stream(source["body"]),
            document=getattr(self, "declaration_documents", {}).get((declaration["key"], declaration["source_locale"])),
        )
        page.commitments = [
            Commitment(locale=locale, sort_order=position, **texts)
            for position, texts in enumerate(_commitment_texts(source))
        ]
        page.signatories = [
            DeclarationSignatory(city=CityPage.objects.get(slug=slug, locale=locale), sort_order=position)
            for position, slug in enumerate(declaration["signatories"])
        ]
        return self._publish(parent, page)

    # -- projects ---------------------------------------------------------------------------------------------

    def _commitment_keys_by_project(self):
        """{project key: [translation keys of the commitments it serves]}, from the declarations' source pages."""
        if not hasattr(self, "_served_by_project"):
            self._served_by_project = {}
            for declaration in (self.data.declarations or {}).get("declarations", []):
                page = DeclarationPage.objects.get(
                    slug=declaration["key"], locale=self.locales[declaration["source_locale"]]
                )
                commitments = list(page.commitments.all())
                for item, commitment in zip(declaration["commitments"], commitments, strict=True):
                    for project_key in item["projects"]:
                        self._served_by_project.setdefault(project_key, []).append(commitment.translation_key)
        return self._served_by_project

    def _served_commitments(self, project):
        keys = self._commitment_keys_by_project().get(project["key"], [])
        if keys:
            self.created[("commitments served", project["source_locale"])] += len(keys)
        return [ProjectCommitment(commitment=key, sort_order=position) for position, key in enumerate(keys)]

    def _give_commitments(self, page, project):
        """A project seeded before declarations existed gets its commitments on its original (aliases follow) and
        its translations (synchronised through localize); a copy with a draft waiting is left alone."""
        if page.served_commitments.exists() or page.has_unpublished_changes:
            return
        links = self._served_commitments(project)
        if not links:
            return
        page.served_commitments = links
        page.save_revision().publish()
        self._retranslate(page, project["text"], lambda entry: self._project_need_texts(page, project, entry))
