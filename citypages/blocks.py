"""StreamField blocks of the city sections."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "citypages/blocks/heading.html"
        form_classname = "title"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"), help_text=_("Who said it (role)."))

    class Meta:
        icon = "openquote"
        template = "citypages/blocks/quote.html"


class BodyImageBlock(ImageBlock):
    """Wagtail's ImageBlock (alt text required, or the image marked decorative), rendered as a responsive picture.

    It deconstructs as a plain ImageBlock, so the template below changes no migration.
    """

    class Meta:
        template = "citypages/blocks/image.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The rich body of every page: headings, paragraphs, images (alt text required), quotes."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )
    image = BodyImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))

    def clean(self, value):
        # A paragraph added and left blank is dropped, not refused: refusing it failed the editor's first submit
        # ("This field is required") while autosave had already kept the draft, and there is nothing in it to lose.
        kept = [
            (child.block_type, child.value, child.id)
            for child in value
            if not (child.block_type == "paragraph" and not strip_tags(child.value.source).strip())
        ]
        return super().clean(blocks.StreamValue(self, kept))


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("Value"), decimal_places=1, help_text=_("The number, e.g. 1500."))
    label = blocks.CharBlock(label=_("Label"), max_length=120, help_text=_("What it counts, e.g. students hosted."))

    class Meta:
        icon = "table"
        template = "citypages/blocks/key_figure.html"


class ProgrammeItemBlock(blocks.StructBlock):
    start = blocks.DateTimeBlock(label=_("Starts"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
