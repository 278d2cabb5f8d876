"""Wagtail's default "Moderators" group becomes the network office; its unused "Editors" group is retired.

Both hold rights on the root page, which cover every city's section; a city network needs the first (someone must
publish anything) and must not hand out the second. Members, if any, are kept: "Editors" is only removed when
nobody is in it (``check_permissions`` reports it otherwise).
"""

from django.db import migrations


def adopt_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    NetworkOffice = apps.get_model("cityteams", "NetworkOffice")
    if not NetworkOffice.objects.exists():
        office = Group.objects.filter(name="Network office").first()
        if office is None:
            office = Group.objects.filter(name="Moderators").first()
            if office is not None:
                office.name = "Network office"
                office.save()
            else:
                office = Group.objects.create(name="Network office")
        NetworkOffice.objects.create(group=office)
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None and not editors.user_set.exists():
        editors.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cityteams", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(adopt_default_groups, migrations.RunPython.noop)]
