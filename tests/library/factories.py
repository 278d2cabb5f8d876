import datetime

import factory
import wagtail_factories

from library.models import NetworkDocument


class NetworkDocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = NetworkDocument

    title = factory.Sequence(lambda n: f"Document {n}")
    kind = NetworkDocument.Kind.PROJECT_REPORT
    language = "en"
    date = datetime.date(2024, 5, 1)
    file = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.4 a report")
