"""POST data of the page editor's forms, as the admin sends it (every inline panel's formset included)."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def project_form(project, theme, status="ongoing", needs=(), commitments=(), **fields):
    """The project editor's form for ``project``, published; ``commitments`` are commitment translation keys."""
    return nested_form_data(
        {
            "title": project.title, "slug": project.slug, "summary": project.summary,
            "body": streamfield([("paragraph", rich_text("<p>What the project does.</p>"))]),
            "status": status, "start_date": "2026-01-01", "end_date": "", "origin": "local", "origin_detail": "",
            "results": streamfield([]), "key_figures": streamfield([]),
            "contact_name": "", "contact_role": "", "contact_email": "",
            "page_themes": inline_formset([{"theme": theme.pk}]),
            "partner_cities": inline_formset([]), "partner_organisations": inline_formset([]),
            "needs": inline_formset(list(needs)),
            "served_commitments": inline_formset([{"commitment": str(key)} for key in commitments]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
            **fields,
        }
    )  # fmt: skip
