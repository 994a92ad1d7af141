"""The demo campaign in Serbian in Latin script: {English string: translation} (see `campaign.demo_content`)."""

TRANSLATIONS = {
    "Re-use network":
        "Mreža za ponovnu upotrebu",
    "Confiscated assets, returned to the community":
        "Oduzeta imovina, vraćena zajednici",
    (
        "Flats, villas, land and farms taken from organised crime and corruption can become youth centres, shelters "
        "and social farms. This network brings together the civil society organisations that re-use them and the "
        "Asset Management Offices that make them available, across six countries."
    ):
        (
            "Stanovi, vile, zemljište i farme oduzeti od organizovanog kriminala i korupcije mogu postati omladinski "
            "centri, skloništa i socijalne farme. Ova mreža okuplja organizacije civilnog društva koje ih ponovo "
            "koriste i kancelarije za upravljanje imovinom koje ih stavljaju na raspolaganje, u šest zemalja."
        ),
    "Your organisation could use a property":
        "Vaša organizacija bi mogla da koristi nepokretnost",
    (
        "Find out how civil society organisations apply for confiscated property and work with the offices that "
        "manage it."
    ):
        (
            "Saznajte kako se organizacije civilnog društva prijavljuju za oduzetu imovinu i kako sarađuju sa "
            "kancelarijama koje njome upravljaju."
        ),
    "How to take part":
        "Kako da učestvujete",
    "Learn with others":
        "Učite sa drugima",
    "Awareness workshops and trainings for offices, organisations and everyone who is interested.":
        "Radionice za podizanje svesti i obuke za kancelarije, organizacije i sve zainteresovane.",
    "See the events":
        "Pogledajte događaje",
    "Read how it works elsewhere":
        "Pročitajte kako to funkcioniše na drugim mestima",
    "Handbooks, guidelines and checklists to download.":
        "Priručnici, smernice i kontrolne liste za preuzimanje.",
    "Open the resources":
        "Otvorite resurse",
    "The network today":
        "Mreža danas",
    (
        "Every figure here is counted from the platform's own records and changes as offices publish properties and "
        "organisations report their results."
    ):
        (
            "Svaki broj ovde izračunat je iz evidencije same platforme i menja se kako kancelarije objavljuju "
            "nepokretnosti, a organizacije izveštavaju o svojim rezultatima."
        ),
    "About the programme":
        "O programu",
    (
        "This network is part of the third component of the programme Strengthening Asset Recovery Efforts in the "
        "OSCE Region."
    ):
        "Ova mreža je deo treće komponente programa Jačanje napora za povraćaj imovine u regionu OEBS-a.",
    (
        "The programme helps Albania, Bosnia and Herzegovina, Montenegro, North Macedonia, Serbia and Moldova recover"
        " the assets of organised crime and corruption. It started in September 2022 and is implemented by the OSCE "
        "Secretariat: its Transnational Threats Department and the Office of the Co-ordinator of OSCE Economic and "
        "Environmental Activities."
    ):
        (
            "Program pomaže Albaniji, Bosni i Hercegovini, Crnoj Gori, Severnoj Makedoniji, Srbiji i Moldaviji da "
            "povrate imovinu stečenu organizovanim kriminalom i korupcijom. Počeo je u septembru 2022. godine, a "
            "sprovodi ga Sekretarijat OEBS-a: Odeljenje za transnacionalne pretnje i Kancelarija koordinatora "
            "ekonomskih i ekoloških aktivnosti OEBS-a."
        ),
    "Three components":
        "Tri komponente",
    (
        "Training and tools for judges and prosecutors to identify, seize and confiscate criminal assets, with the "
        "national Judicial Training Academies."
    ):
        (
            "Obuke i alati za sudije i tužioce za otkrivanje, privremeno oduzimanje i oduzimanje imovine stečene "
            "kriminalom, zajedno sa nacionalnim pravosudnim akademijama."
        ),
    (
        "Support for two regional networks: the Balkan Asset Management Interagency Network (BAMIN) of 19 Asset "
        "Management Offices and the Permanent Conference of Organized Crime Prosecutors, which brings together 13 "
        "prosecutor's offices."
    ):
        (
            "Podrška dvema regionalnim mrežama: Balkanskoj međuagencijskoj mreži za upravljanje imovinom (BAMIN), "
            "koja okuplja 19 kancelarija za upravljanje imovinom, i Stalnoj konferenciji tužilaca za organizovani "
            "kriminal, koja okuplja 13 tužilaštava."
        ),
    (
        "Awareness of social re-use, a regional network of civil society organisations, and trainings that help "
        "offices and organisations re-use assets together."
    ):
        (
            "Podizanje svesti o društvenoj ponovnoj upotrebi, regionalna mreža organizacija civilnog društva i obuke "
            "koje pomažu kancelarijama i organizacijama da zajedno ponovo koriste imovinu."
        ),
    "Privacy":
        "Privatnost",
    "What we keep about you, why, and for how long.":
        "Šta čuvamo o vama, zašto i koliko dugo.",
    (
        "When you register for an event we keep your name, e-mail address and organisation to run the event, and "
        "delete them six months after it. When you subscribe to the newsletter we keep your e-mail address until you "
        "unsubscribe."
    ):
        (
            "Kada se prijavite za događaj, čuvamo vaše ime, imejl adresu i organizaciju kako bismo organizovali "
            "događaj, a brišemo ih šest meseci posle njega. Kada se pretplatite na bilten, čuvamo vašu imejl adresu "
            "dok se ne odjavite."
        ),
    "Pages are served without advertising or tracking cookies.":
        "Stranice se prikazuju bez reklama i kolačića za praćenje.",
    "Contact":
        "Kontakt",
    "Questions about the network, the platform or an event? Write to us.":
        "Imate pitanje o mreži, platformi ili nekom događaju? Pišite nam.",
    (
        "Organisations with a question about a property or a call should contact the Asset Management Office that "
        "published it: its details are on the property's page."
    ):
        (
            "Organizacije koje imaju pitanje o nepokretnosti ili javnom pozivu treba da se obrate kancelariji za "
            "upravljanje imovinom koja ga je objavila: njeni podaci su na stranici nepokretnosti."
        ),
    "Stories":
        "Priče",
    "Places taken from crime and what communities made of them.":
        "Mesta oduzeta od kriminala i šta su zajednice od njih napravile.",
    "A flat in Novi Sad becomes a youth centre":
        "Stan u Novom Sadu postaje omladinski centar",
    (
        "A confiscated flat near the centre of Novi Sad is now a youth centre with a homework club, cooking classes "
        "and a repair café."
    ):
        (
            "Oduzeti stan blizu centra Novog Sada sada je omladinski centar sa klubom za pomoć u učenju, kursevima "
            "kuvanja i kafićem za popravke."
        ),
    "Illustration: a grey house with boarded-up windows and a closed door.":
        "Ilustracija: siva kuća sa zakucanim prozorima i zatvorenim vratima.",
    (
        "When the office handed the flat over, the walls were peeling, the bathroom was damp and the wiring had to be"
        " renewed."
    ):
        (
            "Kada je kancelarija predala stan, zidovi su se ljuštili, kupatilo je bilo vlažno, a elektroinstalacije "
            "je trebalo obnoviti."
        ),
    "Illustration: the same house painted, with open windows, a tree and a bench in front.":
        "Ilustracija: ista kuća, okrečena, sa otvorenim prozorima, drvetom i klupom ispred.",
    "Volunteers repainted it and fitted the kitchen. The centre opened four months later.":
        "Volonteri su ga okrečili i opremili kuhinju. Centar je otvoren četiri meseca kasnije.",
    (
        "Children from the nearby settlement come to the homework club on weekdays. On Saturdays the repair café is "
        "open to the whole neighbourhood, and in summer the centre runs camps. Entry is free."
    ):
        (
            "Deca iz obližnjeg naselja radnim danima dolaze u klub za pomoć u učenju. Subotom je kafić za popravke "
            "otvoren za ceo kraj, a leti centar organizuje kampove. Ulaz je besplatan."
        ),
    "The first pilot: social re-use in Albania":
        "Prvi pilot-projekat: društvena ponovna upotreba u Albaniji",
    (
        "In 2021 and 2022 the programme's first phase supported one social re-use project in Albania. Its experience "
        "now helps other countries."
    ):
        (
            "Tokom 2021. i 2022. godine prva faza programa podržala je jedan projekat društvene ponovne upotrebe u "
            "Albaniji. Njegovo iskustvo sada pomaže drugim zemljama."
        ),
    (
        "A confiscated property that nobody used costs the state money and reminds the neighbours of the crime behind"
        " it."
    ):
        "Oduzeta nepokretnost koju niko ne koristi košta državu i podseća komšije na zločin koji stoji iza nje.",
    "Given to the community, the same property can serve the people who live around it.":
        "Kada se da zajednici, ista nepokretnost može da služi ljudima koji žive oko nje.",
    (
        "The first phase of the programme supported one concrete example of social re-use in Albania, in 2021 and "
        "2022. It showed what an Asset Management Office and a civil society organisation need to agree on to work "
        "together."
    ):
        (
            "Prva faza programa podržala je jedan konkretan primer društvene ponovne upotrebe u Albaniji, tokom 2021."
            " i 2022. godine. Pokazao je oko čega treba da se dogovore kancelarija za upravljanje imovinom i "
            "organizacija civilnog društva da bi radile zajedno."
        ),
    (
        "The second phase takes stock of this experience and supports offices and organisations in the other "
        "countries to re-use a confiscated asset for social purposes together."
    ):
        (
            "Druga faza se oslanja na to iskustvo i podržava kancelarije i organizacije u drugim zemljama da zajedno "
            "ponovo iskoriste oduzetu imovinu u društvene svrhe."
        ),
    "Nineteen offices, one network":
        "Devetnaest kancelarija, jedna mreža",
    (
        "How the Asset Management Offices of the region learn from each other in the Balkan Asset Management "
        "Interagency Network."
    ):
        (
            "Kako kancelarije za upravljanje imovinom u regionu uče jedna od druge u Balkanskoj međuagencijskoj mreži"
            " za upravljanje imovinom."
        ),
    "A confiscated hotel or farm must be looked after until it is sold or re-used, which takes skills and money.":
        (
            "O oduzetom hotelu ili farmi mora da se brine dok se ne prodaju ili ponovo upotrebe, a za to su potrebni "
            "znanje i novac."
        ),
    "In BAMIN, 19 Asset Management Offices share information and good practices.":
        "U BAMIN-u 19 kancelarija za upravljanje imovinom razmenjuje informacije i dobre prakse.",
    (
        "The programme supports BAMIN with trainings, individual mentoring on specific management cases and its "
        "Annual General Meetings, where members and observers take part. The aim is to manage seized and confiscated "
        "assets more efficiently and at lower cost."
    ):
        (
            "Program podržava BAMIN obukama, individualnim mentorstvom za konkretne slučajeve upravljanja i godišnjim"
            " skupštinama, na kojima učestvuju članovi i posmatrači. Cilj je da se privremeno oduzetom i oduzetom "
            "imovinom upravlja efikasnije i uz manje troškove."
        ),
    "Events and trainings":
        "Događaji i obuke",
    "Awareness workshops, trainings for offices and organisations, and regional meetings.":
        "Radionice za podizanje svesti, obuke za kancelarije i organizacije i regionalni sastanci.",
    "Social re-use works when everyone involved plays their part. Here is where to start.":
        "Društvena ponovna upotreba uspeva kada svi uključeni odigraju svoju ulogu. Evo odakle da počnete.",
    "Civil society organisations":
        "Organizacije civilnog društva",
    (
        "Register your organisation on the platform and have it verified. You can then see the properties available "
        "in six countries, apply to calls on your own or with partners from other countries, and report what your "
        "project achieves."
    ):
        (
            "Registrujte svoju organizaciju na platformi i verifikujte je. Tada možete da vidite nepokretnosti "
            "dostupne u šest zemalja, da se prijavite na pozive sami ili sa partnerima iz drugih zemalja i da "
            "izveštavate o tome šta vaš projekat postiže."
        ),
    "Asset Management Offices":
        "Kancelarije za upravljanje imovinom",
    (
        "Publish the properties your office can make available, open calls for proposals and record every step of the"
        " decision, so that the public can follow it."
    ):
        (
            "Objavite nepokretnosti koje vaša kancelarija može da stavi na raspolaganje, otvorite javne pozive za "
            "predloge i zabeležite svaki korak odluke, kako bi javnost mogla da ga prati."
        ),
    "Municipalities":
        "Opštine",
    (
        "A re-used property serves your residents. Help the organisation with permits, utilities and local partners, "
        "and tell your community what is happening."
    ):
        (
            "Ponovo upotrebljena nepokretnost služi vašim građanima. Pomozite organizaciji oko dozvola, komunalnih "
            "priključaka i lokalnih partnera i recite svojoj zajednici šta se dešava."
        ),
    "Media":
        "Mediji",
    (
        "Follow what happens to confiscated property after the verdict. The platform's open data show which "
        "properties are available, who uses them and with what results."
    ):
        (
            "Pratite šta se dešava sa oduzetom imovinom posle presude. Otvoreni podaci platforme pokazuju koje su "
            "nepokretnosti dostupne, ko ih koristi i sa kakvim rezultatima."
        ),
    "Join a workshop or a training":
        "Pridružite se radionici ili obuci",
    "Meet offices and organisations from the region and learn from each other.":
        "Upoznajte kancelarije i organizacije iz regiona i učite jedni od drugih.",
    "What is social re-use?":
        "Šta je društvena ponovna upotreba?",
    (
        "When a court confiscates a criminal's property, it can be given back to the community. Here is what that "
        "means and why it matters."
    ):
        "Kada sud oduzme imovinu kriminalca, ona može da se vrati zajednici. Evo šta to znači i zašto je važno.",
    "From crime to community":
        "Od kriminala do zajednice",
    (
        "Organised crime and corruption make people rich at everyone else's expense. When the police and prosecutors "
        "trace that wealth and a court confiscates it, the state becomes the owner of flats, houses, land, businesses"
        " and vehicles."
    ):
        (
            "Organizovani kriminal i korupcija bogate pojedince na račun svih ostalih. Kada policija i tužioci uđu u "
            "trag tom bogatstvu i sud ga oduzme, država postaje vlasnik stanova, kuća, zemljišta, preduzeća i vozila."
        ),
    (
        "<b>Social re-use</b> means handing such a property to a civil society organisation or a public body that "
        "uses it for the good of the community: a youth centre, a shelter, a social farm or a place for culture."
    ):
        (
            "<b>Društvena ponovna upotreba</b> znači da se takva nepokretnost preda organizaciji civilnog društva ili"
            " javnoj ustanovi koja je koristi za dobro zajednice: kao omladinski centar, sklonište, socijalnu farmu "
            "ili prostor za kulturu."
        ),
    (
        "Seizing and confiscating criminal assets is an effective tool to dismantle criminal networks and counter the"
        " threats posed by organized crime and corruption."
    ):
        (
            "Privremeno oduzimanje i oduzimanje imovine stečene kriminalom delotvoran je alat za razbijanje "
            "kriminalnih mreža i suzbijanje pretnji koje predstavljaju organizovani kriminal i korupcija."
        ),
    "From the description of the programme Strengthening Asset Recovery Efforts in the OSCE Region":
        "Iz opisa programa Jačanje napora za povraćaj imovine u regionu OEBS-a",
    "Why it matters":
        "Zašto je to važno",
    (
        "Taking the gains of crime away weakens criminal groups. Using them for the community shows, in a street "
        "everyone knows, that crime does not pay and that the law works for ordinary people."
    ):
        (
            "Oduzimanje dobiti od kriminala slabi kriminalne grupe. Njena upotreba za zajednicu pokazuje, u ulici "
            "koju svi znaju, da se kriminal ne isplati i da zakon radi za obične ljude."
        ),
    "Social re-use in the region, from the platform":
        "Društvena ponovna upotreba u regionu, prema podacima platforme",
    "Questions people ask":
        "Pitanja koja ljudi postavljaju",
    "Who owns a confiscated property?":
        "Ko je vlasnik oduzete nepokretnosti?",
    (
        "Once a court has confiscated it, the state does. An Asset Management Office looks after it until it is sold,"
        " used by the state or given for social re-use."
    ):
        (
            "Kada je sud oduzme, vlasnik je država. Kancelarija za upravljanje imovinom brine o njoj dok se ne proda,"
            " dok je ne koristi država ili dok se ne da na društvenu ponovnu upotrebu."
        ),
    "Who can use it?":
        "Ko može da je koristi?",
    (
        "Civil society organisations and public bodies that serve the community, under the rules of each country. The"
        " office decides, usually after a public call."
    ):
        (
            "Organizacije civilnog društva i javne ustanove koje služe zajednici, prema pravilima svake zemlje. "
            "Odluku donosi kancelarija, obično posle javnog poziva."
        ),
    "Does the organisation become the owner?":
        "Da li organizacija postaje vlasnik?",
    "No. It signs an agreement to use the property for a set time and purpose, and reports on what it does there.":
        (
            "Ne. Ona potpisuje ugovor o korišćenju nepokretnosti na određeno vreme i u određenu svrhu i izveštava o "
            "tome šta u njoj radi."
        ),
    "What are the challenges?":
        "Koji su izazovi?",
    (
        "Properties often need repairs, running costs must be covered and some neighbours may be afraid at first. "
        "Working with the office and the municipality from the start helps."
    ):
        (
            "Nepokretnostima su često potrebne popravke, troškovi održavanja moraju da se pokriju, a neke komšije "
            "mogu u početku da se plaše. Pomaže saradnja sa kancelarijom i opštinom od samog početka."
        ),
    "How can I follow what happens to a property?":
        "Kako mogu da pratim šta se dešava sa nepokretnošću?",
    (
        "Properties, calls and re-use projects are published on this platform with their history, so anyone can see "
        "who decided what and what came of it."
    ):
        (
            "Nepokretnosti, javni pozivi i projekti ponovne upotrebe objavljuju se na ovoj platformi sa celom svojom "
            "istorijom, tako da svako može da vidi ko je šta odlučio i šta je iz toga proizašlo."
        ),
    "Re-use projects on the map":
        "Projekti ponovne upotrebe na mapi",
    "Ready to take part?":
        "Spremni da učestvujete?",
    "Organisations, offices, municipalities and journalists all have a part to play.":
        "Organizacije, kancelarije, opštine i novinari, svi imaju svoju ulogu.",
    "Read more":
        "Pročitajte više",
    "Awareness workshop: social re-use in Tirana":
        "Radionica za podizanje svesti: društvena ponovna upotreba u Tirani",
    (
        "An afternoon in Albanian on what social re-use is, what it has achieved and how residents and organisations "
        "can take part."
    ):
        (
            "Popodne na albanskom jeziku o tome šta je društvena ponovna upotreba, šta je postigla i kako stanovnici "
            "i organizacije mogu da učestvuju."
        ),
    "Community hall in central Tirana":
        "Sala mesne zajednice u centru Tirane",
    "Tirana, Albania":
        "Tirana, Albanija",
    (
        "I agree that the organisers keep my name, e-mail address and organisation to run this event and to contact "
        "me about it. They are deleted six months after the event."
    ):
        (
            "Slažem se da organizatori čuvaju moje ime, imejl adresu i organizaciju radi organizacije ovog događaja i"
            " kontakta sa mnom u vezi sa njim. Brišu se šest meseci posle događaja."
        ),
    "The workshop is held in Albanian. Places are limited: register to keep yours.":
        "Radionica se održava na albanskom jeziku. Broj mesta je ograničen: prijavite se da obezbedite svoje.",
    "Online training: working together on a confiscated property":
        "Onlajn obuka: zajednički rad na oduzetoj nepokretnosti",
    (
        "For staff of Asset Management Offices and civil society organisations: how to prepare a call, a proposal and"
        " an agreement for social re-use."
    ):
        (
            "Za zaposlene u kancelarijama za upravljanje imovinom i organizacijama civilnog društva: kako pripremiti "
            "javni poziv, predlog i ugovor za društvenu ponovnu upotrebu."
        ),
    "The training is held online in English. The link is sent to registered participants.":
        "Obuka se održava onlajn na engleskom jeziku. Link se šalje prijavljenim učesnicima.",
    "Regional conference on the social re-use of confiscated assets":
        "Regionalna konferencija o društvenoj ponovnoj upotrebi oduzete imovine",
    "Offices, organisations, prosecutors and municipalities from six countries share what works.":
        "Kancelarije, organizacije, tužioci i opštine iz šest zemalja razmenjuju ono što funkcioniše.",
    "Conference hall in Sarajevo":
        "Konferencijska sala u Sarajevu",
    "Sarajevo, Bosnia and Herzegovina":
        "Sarajevo, Bosna i Hercegovina",
    "A day of short talks and discussions, with interpretation into the languages of the region.":
        "Dan kratkih izlaganja i diskusija, uz prevođenje na jezike regiona.",
    "Resources":
        "Resursi",
    "Guides, checklists and reports to download.":
        "Vodiči, kontrolne liste i izveštaji za preuzimanje.",
    "News":
        "Vesti",
    "What is new in the network and the programme.":
        "Šta je novo u mreži i programu.",
    "A regional programme for asset recovery starts":
        "Počinje regionalni program za povraćaj imovine",
    (
        "The programme Strengthening Asset Recovery Efforts in the OSCE Region started on 1 September 2022 in six "
        "countries."
    ):
        (
            "Program Jačanje napora za povraćaj imovine u regionu OEBS-a počeo je 1. septembra 2022. godine u šest "
            "zemalja."
        ),
    (
        "It supports judges, prosecutors and Asset Management Offices, and raises awareness of the social re-use of "
        "confiscated assets."
    ):
        (
            "Podržava sudije, tužioce i kancelarije za upravljanje imovinom i podiže svest o društvenoj ponovnoj "
            "upotrebi oduzete imovine."
        ),
    "A regional network of civil society organisations":
        "Regionalna mreža organizacija civilnog društva",
    "Organisations that can benefit from social re-use now have a platform to work together across borders.":
        (
            "Organizacije koje mogu da imaju koristi od društvene ponovne upotrebe sada imaju platformu za zajednički"
            " rad preko granica."
        ),
    "The network helps organisations exchange information and find partners in other countries for their proposals.":
        (
            "Mreža pomaže organizacijama da razmenjuju informacije i pronađu partnere u drugim zemljama za svoje "
            "predloge."
        ),
    "From the Albanian pilot to the whole region":
        "Od albanskog pilot-projekta do celog regiona",
    "The social re-use project supported in Albania in 2021 and 2022 is the model for the next ones.":
        "Projekat društvene ponovne upotrebe podržan u Albaniji 2021. i 2022. godine model je za sledeće.",
    (
        "Offices and organisations in the other countries are now invited to re-use a confiscated asset together, "
        "with the programme's support."
    ):
        (
            "Kancelarije i organizacije u drugim zemljama sada su pozvane da uz podršku programa zajedno ponovo "
            "iskoriste oduzetu imovinu."
        ),
}
