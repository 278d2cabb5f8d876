"""The demo's documents library: the Querétaro Declaration as signed, in each language its text has that a
standard PDF font can write, and a summary with the programme of each network conference; all generated from the
demo data's own texts (``demo/pdf.py``), in the network office's collection.

Built before the declarations, so that a declaration's page links its signed text from its first revision.
"""

from datetime import date

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cityteams.rights import network_collection

from .pdf import pdf_document, writable


def _declaration_blocks(entry, declaration):
    blocks = [("title", entry["title"]), ("paragraph", f"{entry['place']}, {declaration['date']}")]
    blocks += [("paragraph", entry["summary"])]
    blocks += [(block["type"], block["text"]) for block in entry["body"]]
    blocks += [("heading", f"{number}. {item['title']}") for number, item in enumerate(entry["commitments"], 1)]
    return blocks


def _conference_blocks(entry, event):
    blocks = [("title", entry["title"]), ("paragraph", f"{entry.get('venue', '')}, {event['start'][:10]}")]
    blocks += [("paragraph", entry["summary"])]
    blocks += [(block["type"], block["text"]) for block in entry["body"]]
    for item in entry.get("programme", []):
        blocks += [("heading", item["title"]), ("paragraph", item.get("description", ""))]
    return blocks


class LibraryMixin:
    def build_documents(self):
        """Create the documents that are missing; ``self.declaration_documents`` maps (declaration key, language)
        to its document for ``build_declarations``."""
        Document = get_document_model()
        collection = network_collection()
        self.declaration_documents = {}
        for declaration in (self.data.declarations or {}).get("declarations", []):
            for code, entry in declaration["text"].items():
                blocks = _declaration_blocks(entry, declaration)
                if not all(writable(text) for _kind, text in blocks):
                    continue
                self.declaration_documents[(declaration["key"], code)] = self._document(
                    Document, collection, entry["title"], code, date.fromisoformat(declaration["date"]),
                    Document.Kind.DECLARATION, entry["summary"], f"{declaration['key']}-{code}.pdf", blocks,
                )  # fmt: skip
        for event in self.data.events:
            if not event.get("conference_number"):
                continue
            for code, entry in event["text"].items():
                blocks = _conference_blocks(entry, event)
                if not all(writable(text) for _kind, text in blocks):
                    continue
                self._document(
                    Document, collection, entry["title"], code, date.fromisoformat(event["start"][:10]),
                    Document.Kind.CONFERENCE_REPORT, entry["summary"], f"{event['key']}-{code}.pdf", blocks,
                )  # fmt: skip
        self.progress("documents")

    def _document(self, Document, collection, title, language, when, kind, description, filename, blocks):
        existing = Document.objects.filter(title=title, language=language, kind=kind).first()
        if existing:
            return existing
        document = Document(
            title=title, collection=collection, language=language, date=when, kind=kind, description=description[:600]
        )
        document.file.save(filename, ContentFile(pdf_document(title, blocks)), save=False)
        document.save()
        self.created[("documents", language)] += 1
        return document
