"""Which commitments a cooperation project serves.

The link is a child object of the project page, edited and approved with it and copied to its translations as it
is. It names the commitment by its translation key rather than by a ForeignKey: Wagtail recreates an alias's child
objects each time its source is published, so a ForeignKey to a commitment row of an alias would be deleted with
it, and a commitment exists once per language tree anyway. The key names the same commitment in every language.
"""

import uuid

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Orderable


def commitment_choices():
    """The live declarations' commitments, grouped by declaration, named in the admin user's language where the
    declaration has a copy in it (it has in a synchronised tree), else in its own. Evaluated per form, so a new
    declaration is offered without a restart; a declaration still in draft is not offered."""
    from .declaration import DeclarationPage  # noqa: PLC0415  (declaration.py -> tracker.py -> this module)

    active = Locale.get_active()
    live = DeclarationPage.objects.live()
    in_language = live.filter(locale=active).values("translation_key")
    shown = (
        live.filter(Q(locale=active) | ~Q(translation_key__in=in_language))
        .order_by("-date", "pk")
        .prefetch_related("commitments")
    )
    by_key = {}
    for declaration in shown:
        by_key.setdefault(declaration.translation_key, declaration)
    return [
        ("", "---------"),
        *(
            (
                declaration.title,
                [
                    (str(commitment.translation_key), f"{number}. {commitment.title}")
                    for number, commitment in enumerate(declaration.commitments.all(), start=1)
                ],
            )
            for declaration in by_key.values()
        ),
    ]


class CommitmentKeyField(models.UUIDField):
    """A commitment's translation key, edited as a choice among the declarations' commitments.

    Django's model choices are read once, when the admin builds its form class; this field's form field asks the
    database for each form instead, because declarations are content that changes while the site runs.
    """

    def formfield(self, **kwargs):
        return forms.TypedChoiceField(
            choices=commitment_choices,
            coerce=uuid.UUID,
            empty_value=None,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


class ProjectCommitment(Orderable):
    page = ParentalKey("citypages.CooperationProjectPage", on_delete=models.CASCADE, related_name="served_commitments")
    commitment = CommitmentKeyField(
        _("commitment"), db_index=True, help_text=_("A commitment of a declaration the project's city signed.")
    )

    panels = [FieldPanel("commitment")]

    class Meta(Orderable.Meta):
        verbose_name = _("commitment served")
        verbose_name_plural = _("commitments served")

    def __str__(self):
        from .declaration import Commitment  # noqa: PLC0415  (declaration.py -> tracker.py -> this module)

        commitment = Commitment.objects.filter(translation_key=self.commitment).first()
        return str(commitment) if commitment else str(self.commitment)
