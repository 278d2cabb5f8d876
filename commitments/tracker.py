"""The commitment tracker: for a declaration, the projects serving each commitment and each signatory, with totals.

Everything is read from one language tree (the reader's): the declaration's copy there, the live project copies
there, the signatories' city pages there. Links name commitments by translation key, so a project counts once per
commitment it serves, whatever language it was written in. Totals are counts of those projects, nothing else.
"""

from collections import Counter
from dataclasses import dataclass, field

from citypages.models import CooperationProjectPage
from cms.tree import city_path_expression

from .models.project_links import ProjectCommitment


def status_counts(projects):
    """[(status, label, count)] in the order of the model's statuses, the derived "to be confirmed" last."""
    counts = Counter(project.current_status for project in projects)
    labels = {project.current_status: project.get_current_status_display() for project in projects}
    order = [value for value, _label in CooperationProjectPage.Status.choices]
    return [(status, labels[status], counts[status]) for status in sorted(counts, key=_position(order))]


def _position(order):
    return lambda status: order.index(status) if status in order else len(order)


class ProjectTally:
    """Totals of a row of the tracker: its ``projects``, counted once each, in all and by status."""

    @property
    def total(self):
        return len(self.projects)

    @property
    def by_status(self):
        return status_counts(self.projects)


@dataclass
class CommitmentProgress(ProjectTally):
    number: int
    commitment: object
    projects: list = field(default_factory=list)


@dataclass
class SignatoryProgress(ProjectTally):
    city: object
    cells: list  # per commitment, in the declaration's order: the city's projects serving it

    @property
    def projects(self):
        seen = {}
        for cell in self.cells:
            for project in cell:
                seen.setdefault(project.pk, project)
        return list(seen.values())

    @property
    def project_rows(self):
        """[(project, [numbers of the commitments it serves])], by project title."""
        numbers = {}
        for number, cell in enumerate(self.cells, start=1):
            for project in cell:
                numbers.setdefault(project.pk, []).append(number)
        return [(project, numbers[project.pk]) for project in sorted(self.projects, key=lambda p: (p.title, p.pk))]


@dataclass
class DeclarationProgress(ProjectTally):
    commitments: list
    signatories: list
    projects: list

    @property
    def column_totals(self):
        return [row.total for row in self.commitments]

    @property
    def signatories_with_projects(self):
        return sum(1 for signatory in self.signatories if signatory.total)


def served_links(commitment_keys, locale_id):
    """[(project page id, commitment key)] for the live, public projects of one tree serving these commitments."""
    links = ProjectCommitment.objects.filter(
        commitment__in=list(commitment_keys), page__locale_id=locale_id, page__live=True
    ).values_list("page_id", "commitment")
    return sorted({(page_id, str(key)) for page_id, key in links})  # a project counts once per commitment


def declaration_progress(declaration):
    """The tracker of ``declaration`` (a copy in the reader's tree), in a fixed number of queries."""
    commitments = list(declaration.commitments.all())
    progress = [
        CommitmentProgress(number=number, commitment=commitment)
        for number, commitment in enumerate(commitments, start=1)
    ]
    by_key = {str(row.commitment.translation_key): row for row in progress}
    links = served_links(by_key, declaration.locale_id)
    projects = {
        project.pk: project
        for project in CooperationProjectPage.objects.live()
        .public()
        .filter(pk__in={page_id for page_id, _key in links})
        .with_city()
        .with_original_language()
        .annotate(city_path=city_path_expression())
        .order_by("title", "pk")
    }
    keys_of_project = {}
    for page_id, key in links:
        keys_of_project.setdefault(page_id, []).append(key)
    for project in projects.values():  # in title order, so each commitment lists its projects by title
        for key in keys_of_project[project.pk]:
            by_key[key].projects.append(project)
    signatories = []
    for city in declaration.signatory_cities():
        cells = [[project for project in row.projects if project.city_path == city.path] for row in progress]
        signatories.append(SignatoryProgress(city=city, cells=cells))
    return DeclarationProgress(commitments=progress, signatories=signatories, projects=list(projects.values()))


def declaration_totals(declarations):
    """{declaration pk: number of live, public projects serving any of its commitments}, for listings (a fixed
    number of queries whatever the number of declarations)."""
    keys_of = {
        declaration.pk: {str(commitment.translation_key) for commitment in declaration.commitments.all()}
        for declaration in declarations
    }
    if not keys_of:
        return {}
    locale_ids = {declaration.locale_id for declaration in declarations}
    links = ProjectCommitment.objects.filter(
        commitment__in={key for keys in keys_of.values() for key in keys},
        page__locale_id__in=locale_ids,
        page__live=True,
    ).values_list("page_id", "page__locale_id", "commitment")
    linked = CooperationProjectPage.objects.public().filter(pk__in={row[0] for row in links})
    public = set(linked.values_list("pk", flat=True))
    totals = {}
    for declaration in declarations:
        keys = keys_of[declaration.pk]
        totals[declaration.pk] = len(
            {
                page_id
                for page_id, locale_id, key in links
                if page_id in public and locale_id == declaration.locale_id and str(key) in keys
            }
        )
    return totals
