"""The network's documents: Wagtail documents that say what they are, in which language and from when.

Wagtail's document has a title, a file, a collection and tags; a library that visitors browse by language, kind
and year needs those as fields an editor fills in and a listing can filter on, so this is the project's document
model (``WAGTAILDOCS_DOCUMENT_MODEL``), with the collections Wagtail already has: one per city (made with the city)
and one for the network office's documents. Wagtail checks rights on a custom document model with the permissions
of its own ``wagtaildocs.Document``, so the city teams' rights (``cityteams.rights``) are unchanged.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index


class NetworkDocument(AbstractDocument):
    class Kind(models.TextChoices):
        DECLARATION = "declaration", _("Declaration")
        CHARTER = "charter", _("Charter")
        CONFERENCE_REPORT = "conference_report", _("Conference report")
        PROJECT_REPORT = "project_report", _("Project report")
        PRESENTATION = "presentation", _("Presentation")
        OTHER = "other", _("Other document")

    kind = models.CharField(
        pgettext_lazy("document", "kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER, blank=True
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True,
        help_text=_("The language the document is written in."),
    )  # fmt: skip
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("When the document was published or signed."))
    description = models.TextField(_("description"), blank=True, max_length=600)

    admin_form_fields = (*Document.admin_form_fields, "kind", "language", "date", "description")
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("date"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
