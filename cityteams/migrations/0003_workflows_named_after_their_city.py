"""A city team's workflow is named after the city alone: Wagtail shows it inside the translated "Submit to …"."""

from django.db import migrations


def rename(apps, schema_editor):
    CityTeam = apps.get_model("cityteams", "CityTeam")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    for team in CityTeam.objects.exclude(workflow=None):
        Workflow.objects.filter(pk=team.workflow_id, name=f"{team.name} moderation").update(name=team.name)


def restore(apps, schema_editor):
    CityTeam = apps.get_model("cityteams", "CityTeam")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    for team in CityTeam.objects.exclude(workflow=None):
        Workflow.objects.filter(pk=team.workflow_id, name=team.name).update(name=f"{team.name} moderation")


class Migration(migrations.Migration):
    dependencies = [("cityteams", "0002_network_office"), ("wagtailcore", "0098_apitoken")]
    operations = [migrations.RunPython(rename, restore)]
