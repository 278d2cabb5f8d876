"""Which commitments a cooperation project serves.

The link is a child object of the project page, edited and approved with it and copied to its translations as it
is. It names the commitment by its translation key rather than by a ForeignKey: Wagtail recreates an alias's child
objects each time its source is published, so a ForeignKey to a commitment row of an alias would be deleted with
it, and a commitment exists once per language tree anyway. The key names the same commitment in every language.
"""

import uuid

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Orderable


def commitment_choices():
    """Every declaration's commitments, grouped by declaration, named in the admin user's language when the
    declaration exists in it (it does in a synchronised tree), else in its own. Evaluated per form, so a new
    declaration is offered without a restart."""
    from .declaration import DeclarationPage

    active = Locale.get_active()
    by_key = {}
    for declaration in DeclarationPage.objects.order_by("-date", "pk").prefetch_related("commitments"):
        shown = by_key.get(declaration.translation_key)
        if shown is None or (declaration.locale_id == active.pk and shown.locale_id != active.pk):
            by_key[declaration.translation_key] = declaration
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
        _("commitment"), help_text=_("A commitment of a declaration the project's city signed.")
    )

    panels = [FieldPanel("commitment")]

    class Meta(Orderable.Meta):
        verbose_name = _("commitment served")
        verbose_name_plural = _("commitments served")

    def __str__(self):
        from .declaration import Commitment

        commitment = Commitment.objects.filter(translation_key=self.commitment).first()
        return str(commitment) if commitment else str(self.commitment)
