"""The curated list of suitable uses (see reuse_projects/suitable_uses.py)."""

from django.db import migrations

SUITABLE_USES = [
    ("youth-centre", "Youth centre"), ("shelter", "Shelter"), ("social-housing", "Social housing"),
    ("social-farm", "Social farm"), ("community-centre", "Community centre"), ("education", "Education"),
    ("culture", "Culture"), ("health", "Health"), ("social-enterprise", "Social enterprise"),
    ("sport", "Sport and recreation"), ("environment", "Environment"),
    ("offices-for-csos", "Offices for civil society"),
]


def load(apps, schema_editor):
    SuitableUse = apps.get_model("reuse_projects", "SuitableUse")
    for slug, name in SUITABLE_USES:
        SuitableUse.objects.update_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("reuse_projects", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
