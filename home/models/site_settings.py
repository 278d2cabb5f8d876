"""What the footer of every page shows about the network office: its contact, its legal pages and social links.

Wagtail's site settings (Settings > Network office in the admin), read with the navigation and kept for the
content generation (``home.context_processors``), so they cost no query on a page view.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

SOCIAL_NETWORKS = [
    ("linkedin_url", "LinkedIn"),
    ("mastodon_url", "Mastodon"),
    ("bluesky_url", "Bluesky"),
    ("youtube_url", "YouTube"),
    ("facebook_url", "Facebook"),
    ("instagram_url", "Instagram"),
]


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    office_name = models.CharField(_("office name"), max_length=200, blank=True)
    office_address = models.TextField(_("postal address"), blank=True)
    office_email = models.EmailField(_("e-mail address"), blank=True)
    office_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    about_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("about the network"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("Linked from the menu, in the reader's language where it is translated."),
    )  # fmt: skip
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("legal notice"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("privacy"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    linkedin_url = models.URLField("LinkedIn", blank=True)
    mastodon_url = models.URLField("Mastodon", blank=True)
    bluesky_url = models.URLField("Bluesky", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("office_address"),
                FieldPanel("office_email"),
                FieldPanel("office_phone"),
            ],
            heading=_("Network office"),
        ),  # fmt: skip
        MultiFieldPanel(
            [
                PageChooserPanel("about_page", "home.NetworkPage"),
                PageChooserPanel("legal_notice_page", "home.NetworkPage"),
                PageChooserPanel("privacy_page", "home.NetworkPage"),
            ],
            heading=_("Pages linked from every page"),
        ),  # fmt: skip
        MultiFieldPanel([FieldPanel(field) for field, _label in SOCIAL_NETWORKS], heading=_("Social networks")),
    ]

    class Meta:
        verbose_name = _("network office")

    def social_links(self):
        """[(network, address)] of the networks filled in, in a fixed order."""
        return [(label, getattr(self, field)) for field, label in SOCIAL_NETWORKS if getattr(self, field)]
