"""The municipality reference table: GeoNames places of at least 500 inhabitants in the six countries,
named as written locally, with their centre point. Re-running updates in place."""

from django.db import migrations
from django.utils.text import slugify


def load(apps, schema_editor):
    from network.places import cities_by_country, local_name
    from network.text import fold

    Municipality = apps.get_model("network", "Municipality")
    existing = set(Municipality.objects.values_list("geonameid", flat=True))
    taken_slugs = set(Municipality.objects.values_list("slug", flat=True))
    new = []
    for country, cities in cities_by_country().items():
        for city in cities:
            if city["geonameid"] in existing:
                continue
            name = local_name(city, country) or city["name"]
            slug = base = f"{slugify(fold(name)) or city['geonameid']}-{country.lower()}"
            if slug in taken_slugs:
                slug = f"{base}-{city['geonameid']}"
            taken_slugs.add(slug)
            names = {name, city["name"], *city["alternatenames"]}
            new.append(Municipality(
                country_id=country, geonameid=city["geonameid"], name=name, slug=slug,
                latitude=round(city["latitude"], 6), longitude=round(city["longitude"], 6),
                population=city["population"], search_text=" | ".join(sorted({fold(n) for n in names})),
            ))
    Municipality.objects.bulk_create(new, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("network", "0004_municipality")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
