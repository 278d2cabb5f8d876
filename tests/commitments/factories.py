import datetime

import factory
import wagtail_factories

from commitments.models import (
    Commitment,
    DeclarationIndexPage,
    DeclarationPage,
    DeclarationSignatory,
    ProjectCommitment,
)


class DeclarationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DeclarationIndexPage

    title = "Declarations"
    slug = "declarations"
    intro = "What the member cities committed to together."


class DeclarationPageFactory(wagtail_factories.PageFactory):
    """A declaration; ``commitments=["title", ...]`` and ``signatories=[city, ...]`` add its child objects."""

    class Meta:
        model = DeclarationPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Declaration {n}")
    slug = factory.Sequence(lambda n: f"declaration-{n}")
    date = datetime.date(2022, 3, 17)
    place = "Santiago de Querétaro, Mexico"
    summary = "Member cities commit to climate neutrality."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>The undersigned cities commit to act.</p>")])

    @factory.post_generation
    def commitments(self, create, extracted, **kwargs):
        for position, title in enumerate(extracted or []):
            Commitment.objects.create(
                page=self, locale=self.locale, title=title, description=f"What {title} means.", sort_order=position
            )

    @factory.post_generation
    def signatories(self, create, extracted, **kwargs):
        for position, city in enumerate(extracted or []):
            DeclarationSignatory.objects.create(page=self, city=city, sort_order=position)


def serve(project, *commitments):
    """Link ``project`` to ``commitments`` and publish it, as its city's team would (aliases follow)."""
    for position, commitment in enumerate(commitments, start=project.served_commitments.count()):
        ProjectCommitment.objects.create(page=project, commitment=commitment.translation_key, sort_order=position)
    project.save_revision().publish()
    return project
