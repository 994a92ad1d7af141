"""The English source of the demo campaign: one entry per page, in tree order. Stream fields are lists of
(block type, value); `Ref("key")` stands for another demo page, resolved when the pages exist."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    """A link to the demo page with this key (in the same language once translated)."""

    key: str


PROGRAMME = "Strengthening Asset Recovery Efforts in the OSCE Region"

HOME = {
    "hero_title": "Confiscated assets, returned to the community",
    "hero_text": (
        "Flats, villas, land and farms taken from organised crime and corruption can become youth centres, "
        "shelters and social farms. This network brings together the civil society organisations that re-use "
        "them and the Asset Management Offices that make them available, across six countries."
    ),
    "take_part": [
        ("call_to_action", {
            "title": "Your organisation could use a property",
            "text": "Find out how civil society organisations apply for confiscated property and work with the "
                    "offices that manage it.",
            "button_text": "How to take part",
            "link": {"page": Ref("take-part"), "url": ""},
        }),
        ("call_to_action", {
            "title": "Learn with others",
            "text": "Awareness workshops and trainings for offices, organisations and everyone who is interested.",
            "button_text": "See the events",
            "link": {"page": Ref("events"), "url": ""},
        }),
        ("call_to_action", {
            "title": "Read how it works elsewhere",
            "text": "Handbooks, guidelines and checklists to download.",
            "button_text": "Open the resources",
            "link": {"page": Ref("resources"), "url": ""},
        }),
    ],
    "body": [
        ("figures", {"heading": "The network today",
                     "figures": ["properties_available", "projects_in_reuse", "csos", "people_served"]}),
        ("paragraph", "<p>Every figure here is counted from the platform's own records and changes as offices "
                      "publish properties and organisations report their results.</p>"),
    ],
}

# The stories' illustrations (drawn by `campaign.demo._image`), described as they are.
BEFORE_ALT = "Illustration: a grey house with boarded-up windows and a closed door."
AFTER_ALT = "Illustration: the same house painted, with open windows, a tree and a bench in front."

# (key, model, parent key, fields). The parent "home" is the English home page.
PAGES = [
    ("what-is-reuse", "CampaignPage", "home", {
        "title": "What is social re-use?",
        "slug": "what-is-social-re-use",
        "show_in_menus": True,
        "intro": "When a court confiscates a criminal's property, it can be given back to the community. "
                 "Here is what that means and why it matters.",
        "body": [
            ("heading", {"text": "From crime to community", "level": "h2"}),
            ("paragraph", "<p>Organised crime and corruption make people rich at everyone else's expense. When the "
                          "police and prosecutors trace that wealth and a court confiscates it, the state becomes "
                          "the owner of flats, houses, land, businesses and vehicles.</p>"
                          "<p><b>Social re-use</b> means handing such a property to a civil society organisation "
                          "or a public body that uses it for the good of the community: a youth centre, a shelter, "
                          "a social farm or a place for culture.</p>"),
            ("quote", {
                "quote": "Seizing and confiscating criminal assets is an effective tool to dismantle criminal "
                         "networks and counter the threats posed by organized crime and corruption.",
                "attribution": "From the description of the programme " + PROGRAMME,
            }),
            ("heading", {"text": "Why it matters", "level": "h2"}),
            ("paragraph", "<p>Taking the gains of crime away weakens criminal groups. Using them for the community "
                          "shows, in a street everyone knows, that crime does not pay and that the law works for "
                          "ordinary people.</p>"),
            ("figures", {"heading": "Social re-use in the region, from the platform",
                         "figures": ["properties_available", "projects_in_reuse", "people_served"]}),
            ("faq", {"heading": "Questions people ask", "items": [
                {"question": "Who owns a confiscated property?",
                 "answer": "<p>Once a court has confiscated it, the state does. An Asset Management Office looks "
                           "after it until it is sold, used by the state or given for social re-use.</p>"},
                {"question": "Who can use it?",
                 "answer": "<p>Civil society organisations and public bodies that serve the community, under the "
                           "rules of each country. The office decides, usually after a public call.</p>"},
                {"question": "Does the organisation become the owner?",
                 "answer": "<p>No. It signs an agreement to use the property for a set time and purpose, and "
                           "reports on what it does there.</p>"},
                {"question": "What are the challenges?",
                 "answer": "<p>Properties often need repairs, running costs must be covered and some neighbours "
                           "may be afraid at first. Working with the office and the municipality from the start "
                           "helps.</p>"},
                {"question": "How can I follow what happens to a property?",
                 "answer": "<p>Properties, calls and re-use projects are published on this platform with their "
                           "history, so anyone can see who decided what and what came of it.</p>"},
            ]}),
            ("project_map", {"heading": "Re-use projects on the map", "country": ""}),
            ("call_to_action", {
                "title": "Ready to take part?",
                "text": "Organisations, offices, municipalities and journalists all have a part to play.",
                "button_text": "How to take part",
                "link": {"page": Ref("take-part"), "url": ""},
            }),
            ("related_pages", {"heading": "Read more", "pages": [Ref("about"), Ref("stories")]}),
        ],
    }),
    ("take-part", "CampaignPage", "home", {
        "title": "How to take part",
        "slug": "how-to-take-part",
        "intro": "Social re-use works when everyone involved plays their part. Here is where to start.",
        "body": [
            ("heading", {"text": "Civil society organisations", "level": "h2"}),
            ("paragraph", "<p>Register your organisation on the platform and have it verified. You can then see "
                          "the properties available in six countries, apply to calls on your own or with partners "
                          "from other countries, and report what your project achieves.</p>"),
            ("heading", {"text": "Asset Management Offices", "level": "h2"}),
            ("paragraph", "<p>Publish the properties your office can make available, open calls for proposals "
                          "and record every step of the decision, so that the public can follow it.</p>"),
            ("heading", {"text": "Municipalities", "level": "h2"}),
            ("paragraph", "<p>A re-used property serves your residents. Help the organisation with permits, "
                          "utilities and local partners, and tell your community what is happening.</p>"),
            ("heading", {"text": "Media", "level": "h2"}),
            ("paragraph", "<p>Follow what happens to confiscated property after the verdict. The platform's open "
                          "data show which properties are available, who uses them and with what results.</p>"),
            ("call_to_action", {
                "title": "Join a workshop or a training",
                "text": "Meet offices and organisations from the region and learn from each other.",
                "button_text": "See the events",
                "link": {"page": Ref("events"), "url": ""},
            }),
        ],
    }),
    ("about", "StandardPage", "home", {
        "title": "About the programme",
        "slug": "about",
        "show_in_menus": True,
        "intro": "This network is part of the third component of the programme " + PROGRAMME + ".",
        "body": [
            ("paragraph", "<p>The programme helps Albania, Bosnia and Herzegovina, Montenegro, North Macedonia, "
                          "Serbia and Moldova recover the assets of organised crime and corruption. It started in "
                          "September 2022 and is implemented by the OSCE Secretariat: its Transnational Threats "
                          "Department and the Office of the Co-ordinator of OSCE Economic and Environmental "
                          "Activities.</p>"),
            ("heading", {"text": "Three components", "level": "h2"}),
            ("paragraph", "<ul><li>Training and tools for judges and prosecutors to identify, seize and confiscate "
                          "criminal assets, with the national Judicial Training Academies.</li>"
                          "<li>Support for two regional networks: the Balkan Asset Management Interagency Network "
                          "(BAMIN) of 19 Asset Management Offices and the Permanent Conference of Organized Crime "
                          "Prosecutors, which brings together 13 prosecutor's offices.</li>"
                          "<li>Awareness of social re-use, a regional network of civil society organisations, and "
                          "trainings that help offices and organisations re-use assets together.</li></ul>"),
        ],
    }),
    ("privacy", "StandardPage", "home", {
        "title": "Privacy",
        "slug": "privacy",
        "show_in_menus": True,
        "intro": "What we keep about you, why, and for how long.",
        "body": [
            ("paragraph", "<p>When you register for an event we keep your name, e-mail address and organisation to "
                          "run the event, and delete them six months after it. When you subscribe to the "
                          "newsletter we keep your e-mail address until you unsubscribe.</p>"
                          "<p>Pages are served without advertising or tracking cookies.</p>"),
        ],
    }),
    ("contact", "StandardPage", "home", {
        "title": "Contact",
        "slug": "contact",
        "show_in_menus": True,
        "intro": "Questions about the network, the platform or an event? Write to us.",
        "body": [
            ("paragraph", "<p>Organisations with a question about a property or a call should contact the Asset "
                          "Management Office that published it: its details are on the property's page.</p>"),
        ],
    }),
    ("stories", "StoryIndexPage", "home", {
        "title": "Stories",
        "slug": "stories",
        "show_in_menus": True,
        "intro": "Places taken from crime and what communities made of them.",
    }),
    ("story-novi-sad", "StoryPage", "stories", {
        "title": "A flat in Novi Sad becomes a youth centre",
        "slug": "youth-centre-novi-sad",
        "summary": "A confiscated flat near the centre of Novi Sad is now a youth centre with a homework club, "
                   "cooking classes and a repair café.",
        "country": "RS", "theme": "youth", "featured": True,
        "before_image_alt": BEFORE_ALT,
        "before_text": "<p>When the office handed the flat over, the walls were peeling, the bathroom was damp "
                       "and the wiring had to be renewed.</p>",
        "after_image_alt": AFTER_ALT,
        "after_text": "<p>Volunteers repainted it and fitted the kitchen. The centre opened four months later.</p>",
        "body": [
            ("paragraph", "<p>Children from the nearby settlement come to the homework club on weekdays. On "
                          "Saturdays the repair café is open to the whole neighbourhood, and in summer the centre "
                          "runs camps. Entry is free.</p>"),
        ],
    }),
    ("story-albania", "StoryPage", "stories", {
        "title": "The first pilot: social re-use in Albania",
        "slug": "albanian-pilot",
        "summary": "In 2021 and 2022 the programme's first phase supported one social re-use project in Albania. "
                   "Its experience now helps other countries.",
        "country": "AL", "theme": "community-development", "featured": True,
        "before_image_alt": BEFORE_ALT,
        "before_text": "<p>A confiscated property that nobody used costs the state money and reminds the "
                       "neighbours of the crime behind it.</p>",
        "after_image_alt": AFTER_ALT,
        "after_text": "<p>Given to the community, the same property can serve the people who live around it.</p>",
        "body": [
            ("paragraph", "<p>The first phase of the programme supported one concrete example of social re-use in "
                          "Albania, in 2021 and 2022. It showed what an Asset Management Office and a civil "
                          "society organisation need to agree on to work together.</p>"
                          "<p>The second phase takes stock of this experience and supports offices and "
                          "organisations in the other countries to re-use a confiscated asset for social "
                          "purposes together.</p>"),
        ],
    }),
    ("story-bamin", "StoryPage", "stories", {
        "title": "Nineteen offices, one network",
        "slug": "bamin",
        "summary": "How the Asset Management Offices of the region learn from each other in the Balkan Asset "
                   "Management Interagency Network.",
        "theme": "anti-corruption",
        "before_text": "<p>A confiscated hotel or farm must be looked after until it is sold or re-used, which "
                       "takes skills and money.</p>",
        "after_text": "<p>In BAMIN, 19 Asset Management Offices share information and good practices.</p>",
        "body": [
            ("paragraph", "<p>The programme supports BAMIN with trainings, individual mentoring on specific "
                          "management cases and its Annual General Meetings, where members and observers take "
                          "part. The aim is to manage seized and confiscated assets more efficiently and at "
                          "lower cost.</p>"),
        ],
    }),
    ("events", "EventIndexPage", "home", {
        "title": "Events and trainings",
        "slug": "events",
        "show_in_menus": True,
        "intro": "Awareness workshops, trainings for offices and organisations, and regional meetings.",
    }),
    ("event-tirana", "EventPage", "events", {
        "title": "Awareness workshop: social re-use in Tirana",
        "slug": "workshop-tirana",
        "kind": "workshop", "audience": "everyone", "event_language": "sq", "time_zone": "Europe/Tirane",
        "country": "AL", "capacity": 25, "starts_in_days": 21, "hours": 3,
        "summary": "An afternoon in Albanian on what social re-use is, what it has achieved and how residents "
                   "and organisations can take part.",
        "venue": "Community hall in central Tirana",
        "address": "Tirana, Albania",
        "body": [
            ("paragraph", "<p>The workshop is held in Albanian. Places are limited: register to keep yours.</p>"),
        ],
    }),
    ("event-training", "EventPage", "events", {
        "title": "Online training: working together on a confiscated property",
        "slug": "training-amo-cso",
        "kind": "training", "audience": "csos", "event_language": "en", "time_zone": "Europe/Belgrade",
        "is_online": True, "capacity": 60, "starts_in_days": 35, "hours": 2,
        "summary": "For staff of Asset Management Offices and civil society organisations: how to prepare a "
                   "call, a proposal and an agreement for social re-use.",
        "body": [
            ("paragraph", "<p>The training is held online in English. The link is sent to registered "
                          "participants.</p>"),
        ],
    }),
    ("event-conference", "EventPage", "events", {
        "title": "Regional conference on the social re-use of confiscated assets",
        "slug": "regional-conference",
        "kind": "conference", "audience": "everyone", "event_language": "en", "time_zone": "Europe/Sarajevo",
        "country": "BA", "capacity": 150, "starts_in_days": 70, "hours": 7,
        "summary": "Offices, organisations, prosecutors and municipalities from six countries share what works.",
        "venue": "Conference hall in Sarajevo",
        "address": "Sarajevo, Bosnia and Herzegovina",
        "body": [
            ("paragraph", "<p>A day of short talks and discussions, with interpretation into the languages of the "
                          "region.</p>"),
        ],
    }),
    ("resources", "ResourceIndexPage", "home", {
        "title": "Resources",
        "slug": "resources",
        "show_in_menus": True,
        "intro": "Guides, checklists and reports to download.",
    }),
    ("news", "NewsIndexPage", "home", {
        "title": "News",
        "slug": "news",
        "show_in_menus": True,
        "intro": "What is new in the network and the programme.",
    }),
    ("news-launch", "NewsPage", "news", {
        "title": "A regional programme for asset recovery starts",
        "slug": "programme-starts",
        "date": "2022-09-01",
        "summary": "The programme " + PROGRAMME + " started on 1 September 2022 in six countries.",
        "body": [
            ("paragraph", "<p>It supports judges, prosecutors and Asset Management Offices, and raises awareness "
                          "of the social re-use of confiscated assets.</p>"),
        ],
    }),
    ("news-network", "NewsPage", "news", {
        "title": "A regional network of civil society organisations",
        "slug": "cso-network",
        "days_ago": 30,
        "summary": "Organisations that can benefit from social re-use now have a platform to work together "
                   "across borders.",
        "body": [
            ("paragraph", "<p>The network helps organisations exchange information and find partners in other "
                          "countries for their proposals.</p>"),
        ],
    }),
    ("news-albania", "NewsPage", "news", {
        "title": "From the Albanian pilot to the whole region",
        "slug": "albanian-pilot-region",
        "days_ago": 10,
        "summary": "The social re-use project supported in Albania in 2021 and 2022 is the model for the next "
                   "ones.",
        "body": [
            ("paragraph", "<p>Offices and organisations in the other countries are now invited to re-use a "
                          "confiscated asset together, with the programme's support.</p>"),
        ],
    }),
]

# The resources library: (title, file name, resource type, language, country, year offset, description,
# lines of the PDF). The year is the seed's year minus the offset.
DOCUMENTS = [
    ("What is social re-use? A short guide", "social-reuse-guide.pdf", "guidelines", "en", "", 0,
     "The idea, the steps and the people involved, in four pages.",
     ["What is social re-use? A short guide",
      "A court confiscates a property gained through crime.",
      "An Asset Management Office looks after it.",
      "A civil society organisation proposes how to use it for the community.",
      "The office decides, signs an agreement and follows the results."]),
    ("Checklist: preparing a proposal for a confiscated property", "proposal-checklist.pdf", "toolkit", "en", "",
     0, "What an organisation should have ready before it applies.",
     ["Checklist: preparing a proposal",
      "Your organisation is registered and verified.",
      "You know who will use the property and how.",
      "You have a budget for repairs and running costs.",
      "You have talked to the municipality and the neighbours."]),
    ("Ripërdorimi social: udhëzues i shkurtër", "riperdorimi-social.pdf", "handbook", "sq", "AL", 1,
     "A short guide to social re-use, in Albanian.",
     ["Riperdorimi social: udhezues i shkurter",
      "Pasuria e konfiskuar nga krimi mund t'i sherbeje komunitetit."]),
    ("The programme in brief", "programme-in-brief.pdf", "report", "en", "", 2,
     "The three components of " + PROGRAMME + ".",
     ["The programme in brief",
      "1. Training and tools for judges and prosecutors.",
      "2. Support to BAMIN (19 Asset Management Offices) and to the Permanent Conference",
      "   of Organized Crime Prosecutors (13 prosecutor's offices).",
      "3. Awareness of social re-use and a regional network of civil society organisations."]),
]
