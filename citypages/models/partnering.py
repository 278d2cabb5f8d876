"""What a city offers and seeks, theme by theme, and what a project seeking partners needs.

They are child objects of the city and project pages, so the city's team edits them with the page and its workflow
approves them with it. They are translatable (wagtail-localize translates a page's child objects only when they
are), so translators localise their texts with the page's other text. Partner matching
reads them to explain each suggestion it makes ("offers hosting on mobility, which you seek").
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from .snippets import Theme


class Contribution(models.TextChoices):
    """What one city can bring another on a theme."""

    EXPERIENCE = "experience", _("Experience to share")
    PROJECT = "project", _("A project to replicate")
    HOSTING = "hosting", _("Hosting visits and exchanges")
    UNIVERSITY = "university", _("Expertise of a local university")
    COMPANY = "company", _("Expertise of a local company")


class ThemedExchange(TranslatableMixin, Orderable):
    """One line of a city's offers or needs: a theme, a kind of contribution and a few words on it."""

    theme = models.ForeignKey("citypages.Theme", verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+")
    contribution = models.CharField(_("kind"), max_length=20, choices=Contribution.choices)
    description = models.TextField(
        _("description"), max_length=400, help_text=_("A sentence or two: what exactly, with whom, for how long.")
    )

    panels = [FieldRowPanel([FieldPanel("theme"), FieldPanel("contribution")]), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self):
        return f"{self.theme}: {self.get_contribution_display()}"


class CityOffer(ThemedExchange):
    page = ParentalKey("citypages.CityPage", on_delete=models.CASCADE, related_name="offers")
    project = models.ForeignKey(
        "citypages.CooperationProjectPage",
        verbose_name=_("project to replicate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For “a project to replicate”: one of the city's own projects."),
    )

    panels = [*ThemedExchange.panels, FieldPanel("project")]

    class Meta(ThemedExchange.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def clean(self):
        super().clean()
        # That the project is the city's own is checked by the city page's form (citypages/admin_forms.py).
        if self.contribution == Contribution.PROJECT and not self.project_id:
            raise ValidationError({"project": _("Choose the project other cities could replicate.")})


class CityNeed(ThemedExchange):
    page = ParentalKey("citypages.CityPage", on_delete=models.CASCADE, related_name="needs")

    class Meta(ThemedExchange.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")


class ProjectNeed(TranslatableMixin, Orderable):
    """What a project seeking partners is looking for, and until when."""

    class PartnerKind(models.TextChoices):
        CITY = "city", _("A partner city")
        UNIVERSITY = "university", _("A university or research centre")
        COMPANY = "company", _("A company")
        ASSOCIATION = "association", _("An association")
        PUBLIC_BODY = "public_body", _("A public body")

    page = ParentalKey("citypages.CooperationProjectPage", on_delete=models.CASCADE, related_name="needs")
    partner_kind = models.CharField(_("partner sought"), max_length=20, choices=PartnerKind.choices)
    skills = models.CharField(
        _("skills sought"), max_length=200, help_text=_("What the partner would bring, e.g. “air quality sensors”.")
    )
    deadline = models.DateField(_("answer by"), null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("partner_kind"), FieldPanel("deadline")]), FieldPanel("skills")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self):
        return f"{self.get_partner_kind_display()}: {self.skills}"


def in_page_language(page, exchanges):
    """``exchanges`` (offers or needs of ``page``) with ``shown_theme`` and ``shown_project`` in the page's language.

    Links from a translated page's children point at the source copies (wagtail-localize keeps them so); the
    reader's copies are found by translation key, in one query per kind.
    """
    from .project import CooperationProjectPage  # noqa: PLC0415  (project.py -> mixins.py -> city.py -> this module)

    exchanges = list(exchanges)
    theme_keys = {exchange.theme.translation_key for exchange in exchanges}
    themes = {theme.translation_key: theme for theme in Theme.objects.filter(translation_key__in=theme_keys)
              .filter(locale_id=page.locale_id)}  # fmt: skip
    project_keys = {exchange.project.translation_key for exchange in exchanges if getattr(exchange, "project", None)}
    projects = {}
    if project_keys:
        copies = CooperationProjectPage.objects.live().filter(
            locale_id=page.locale_id, translation_key__in=project_keys
        )
        projects = {project.translation_key: project for project in copies}
    for exchange in exchanges:
        exchange.shown_theme = themes.get(exchange.theme.translation_key, exchange.theme)
        project = getattr(exchange, "project", None)
        exchange.shown_project = projects.get(project.translation_key, project) if project else None
    return exchanges
