"""Reference data: the six beneficiary countries, their Asset Management Offices, the curated
thematic areas and the coordinators group. Re-running is harmless (update_or_create)."""

from django.db import migrations

COUNTRIES = [
    ("AL", "Europe/Tirane", "sq"),
    ("BA", "Europe/Sarajevo", "bs"),
    ("ME", "Europe/Podgorica", "sr-latn"),
    ("MK", "Europe/Skopje", "mk"),
    ("RS", "Europe/Belgrade", "sr"),
    ("MD", "Europe/Chisinau", "ro"),
]

# (slug, country, legal name in its own script, Latin name / English name, acronym, city, website)
ASSET_MANAGEMENT_OFFICES = [
    ("aapsk-al", "AL", "Agjencia e Administrimit të Pasurive të Sekuestruara dhe të Konfiskuara",
     "Agency for the Administration of Seized and Confiscated Assets", "AAPSK", "Tiranë",
     "https://aapsk.gov.al"),
    ("agencija-fbih-ba", "BA", "Agencija za upravljanje oduzetom imovinom Federacije Bosne i Hercegovine",
     "Agency for the Management of Seized Assets of the Federation of Bosnia and Herzegovina", "AUOI FBiH",
     "Sarajevo", ""),
    ("agencija-rs-ba", "BA", "Агенција за управљање одузетом имовином Републике Српске",
     "Agency for the Management of Seized Assets of Republika Srpska", "АУОИ РС", "Banja Luka", ""),
    ("kancelarija-brcko-ba", "BA", "Kancelarija za upravljanje oduzetom imovinom Brčko distrikta Bosne i Hercegovine",
     "Office for the Management of Seized Assets of Brčko District", "", "Brčko", ""),
    ("uprava-imovina-me", "ME", "Uprava za državnu imovinu",
     "State Property Administration (management of seized and confiscated assets)", "", "Podgorica",
     ""),
    ("auoi-mk", "MK", "Агенција за управување со одземен имот",
     "Agency for Management of Confiscated Property", "АУОИ", "Скопје", ""),
    ("direkcija-rs", "RS", "Дирекција за управљање одузетом имовином",
     "Directorate for the Management of Seized Assets", "", "Београд", ""),
    ("arbi-md", "MD", "Agenția de Recuperare a Bunurilor Infracționale",
     "Criminal Assets Recovery Agency", "ARBI", "Chișinău", ""),
]

THEMATIC_AREAS = [
    ("youth", "Youth"), ("social-inclusion", "Social inclusion"),
    ("victims-of-crime", "Victims of crime"), ("education", "Education"), ("culture", "Culture"),
    ("agriculture", "Agriculture"), ("health", "Health"), ("housing", "Housing"),
    ("anti-corruption", "Anti-corruption"), ("environment", "Environment"),
    ("employment", "Employment"), ("disability", "People with disabilities"),
    ("gender-equality", "Gender equality"), ("human-rights", "Human rights"),
    ("community-development", "Community development"),
]


def load(apps, schema_editor):
    from network.text import fold

    Country = apps.get_model("network", "Country")
    Organisation = apps.get_model("network", "Organisation")
    ThematicArea = apps.get_model("network", "ThematicArea")
    Group = apps.get_model("auth", "Group")

    for code, time_zone, language in COUNTRIES:
        Country.objects.update_or_create(
            code=code, defaults={"time_zone": time_zone, "default_language": language}
        )
    for slug, country, name, name_latin, acronym, city, website in ASSET_MANAGEMENT_OFFICES:
        Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": "amo", "status": "verified", "country_id": country, "name": name,
                "name_latin": name_latin, "acronym": acronym, "city": city, "website": website,
                "legal_form": "public_body",
                "search_text": fold(" ".join([name, name_latin, acronym])),
            },
        )
    for slug, name in THEMATIC_AREAS:
        ThematicArea.objects.update_or_create(slug=slug, defaults={"name": name})
    Group.objects.get_or_create(name="Network coordinators")


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
