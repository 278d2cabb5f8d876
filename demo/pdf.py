"""A plain PDF of headings and paragraphs, for the demo's documents (the declaration as signed, conference reports).

Generated from the demo data's own texts, in the languages a standard PDF font can write without embedding one
(Helvetica with WinAnsi encoding: English, French, Spanish, Portuguese, Italian, German). No dependency: a
text-only PDF is a few objects.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595, 842, 56  # A4 in points
BODY_SIZE, HEADING_SIZE, TITLE_SIZE = 10.5, 13, 17
LINE_GAP = 1.45
CHARACTERS_PER_LINE = 92  # Helvetica at 10.5 pt over the text width


def writable(text):
    """True when Helvetica's WinAnsi encoding can write every character of ``text``."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _escaped(text):
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _lines(blocks):
    """(font size, bold, text) per line, with the blank space between blocks as lines of no text."""
    lines = []
    for kind, text in blocks:
        size = {"title": TITLE_SIZE, "heading": HEADING_SIZE}.get(kind, BODY_SIZE)
        width = int(CHARACTERS_PER_LINE * BODY_SIZE / size)
        for line in textwrap.wrap(text, width) or [""]:
            lines.append((size, kind != "paragraph", line))
        lines.append((BODY_SIZE, False, ""))
    return lines


def pdf_document(title, blocks):
    """The bytes of a PDF titled ``title`` holding ``blocks``: [(kind, text)], kind "title", "heading" or
    "paragraph"."""
    pages, current, y = [], [], PAGE_HEIGHT - MARGIN
    for size, bold, text in _lines(blocks):
        step = size * LINE_GAP
        if y - step < MARGIN:
            pages.append(current)
            current, y = [], PAGE_HEIGHT - MARGIN
        y -= step
        if text:
            font = b"/F2" if bold else b"/F1"
            current.append(b"BT %s %.1f Tf %d %.1f Td (%s) Tj ET" % (font, size, MARGIN, y, _escaped(text)))
    pages.append(current)

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title (%s) /Producer (CityNet demo) >>" % _escaped(title),
    ]
    page_numbers = []
    for commands in pages:
        stream = b"\n".join(commands)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % (PAGE_WIDTH, PAGE_HEIGHT, len(objects))
        )
        page_numbers.append(len(objects))
    kids = b" ".join(b"%d 0 R" % number for number in page_numbers)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers))

    output, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(output)
