"""``send_to_elasticsearch``: send the items queued while Elasticsearch could not be reached (run it from cron,
e.g. every five minutes; publishing sends a little of the queue too). Nothing to do without ELASTICSEARCH_URL."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.documents import send_to_elasticsearch
from search.models import PendingElasticsearchItem


class Command(BaseCommand):
    help = "Send to Elasticsearch the items whose documents lag behind the database index."

    def handle(self, **options):
        if not settings.ELASTICSEARCH_URL:
            return
        sent = send_to_elasticsearch()
        left = PendingElasticsearchItem.objects.values("translation_key").distinct().count()
        if left:
            raise CommandError(
                f"Elasticsearch at {settings.ELASTICSEARCH_URL}: {sent} items sent, {left} still queued."
            )
        if options.get("verbosity", 1) > 0:
            self.stdout.write(self.style.SUCCESS(f"Elasticsearch: {sent} items sent, none queued."))
