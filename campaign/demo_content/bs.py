"""The demo campaign in Bosnian: {English string: translation} (see `campaign.demo_content`)."""

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
            "koriste i urede za upravljanje imovinom koji ih stavljaju na raspolaganje, u šest zemalja."
        ),
    "Your organisation could use a property":
        "Vaša organizacija bi mogla koristiti nekretninu",
    (
        "Find out how civil society organisations apply for confiscated property and work with the offices that "
        "manage it."
    ):
        (
            "Saznajte kako se organizacije civilnog društva prijavljuju za oduzetu imovinu i kako sarađuju s uredima "
            "koji njome upravljaju."
        ),
    "How to take part":
        "Kako učestvovati",
    "Learn with others":
        "Učite s drugima",
    "Awareness workshops and trainings for offices, organisations and everyone who is interested.":
        "Radionice za podizanje svijesti i obuke za urede, organizacije i sve zainteresovane.",
    "See the events":
        "Pogledajte događaje",
    "Read how it works elsewhere":
        "Pročitajte kako to funkcioniše drugdje",
    "Handbooks, guidelines and checklists to download.":
        "Priručnici, smjernice i kontrolne liste za preuzimanje.",
    "Open the resources":
        "Otvorite resurse",
    "The network today":
        "Mreža danas",
    (
        "Every figure here is counted from the platform's own records and changes as offices publish properties and "
        "organisations report their results."
    ):
        (
            "Svaki broj ovdje izračunat je iz evidencije same platforme i mijenja se kako uredi objavljuju "
            "nekretnine, a organizacije izvještavaju o svojim rezultatima."
        ),
    "About the programme":
        "O programu",
    (
        "This network is part of the third component of the programme Strengthening Asset Recovery Efforts in the "
        "OSCE Region."
    ):
        "Ova mreža je dio treće komponente programa Jačanje napora za povrat imovine u regiji OSCE-a.",
    (
        "The programme helps Albania, Bosnia and Herzegovina, Montenegro, North Macedonia, Serbia and Moldova recover"
        " the assets of organised crime and corruption. It started in September 2022 and is implemented by the OSCE "
        "Secretariat: its Transnational Threats Department and the Office of the Co-ordinator of OSCE Economic and "
        "Environmental Activities."
    ):
        (
            "Program pomaže Albaniji, Bosni i Hercegovini, Crnoj Gori, Sjevernoj Makedoniji, Srbiji i Moldaviji da "
            "povrate imovinu stečenu organizovanim kriminalom i korupcijom. Počeo je u septembru 2022. godine, a "
            "provodi ga Sekretarijat OSCE-a: Odjel za transnacionalne prijetnje i Ured koordinatora ekonomskih i "
            "okolišnih aktivnosti OSCE-a."
        ),
    "Three components":
        "Tri komponente",
    (
        "Training and tools for judges and prosecutors to identify, seize and confiscate criminal assets, with the "
        "national Judicial Training Academies."
    ):
        (
            "Obuke i alati za sudije i tužioce za otkrivanje, privremeno oduzimanje i oduzimanje imovine stečene "
            "kriminalom, zajedno s državnim centrima za edukaciju sudija i tužilaca."
        ),
    (
        "Support for two regional networks: the Balkan Asset Management Interagency Network (BAMIN) of 19 Asset "
        "Management Offices and the Permanent Conference of Organized Crime Prosecutors, which brings together 13 "
        "prosecutor's offices."
    ):
        (
            "Podrška dvjema regionalnim mrežama: Balkanskoj međuagencijskoj mreži za upravljanje imovinom (BAMIN), "
            "koja okuplja 19 ureda za upravljanje imovinom, i Stalnoj konferenciji tužilaca za organizovani kriminal,"
            " koja okuplja 13 tužilaštava."
        ),
    (
        "Awareness of social re-use, a regional network of civil society organisations, and trainings that help "
        "offices and organisations re-use assets together."
    ):
        (
            "Podizanje svijesti o društvenoj ponovnoj upotrebi, regionalna mreža organizacija civilnog društva i "
            "obuke koje pomažu uredima i organizacijama da zajedno ponovo koriste imovinu."
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
            "Kada se prijavite za događaj, čuvamo vaše ime, e-mail adresu i organizaciju kako bismo organizovali "
            "događaj, a brišemo ih šest mjeseci nakon njega. Kada se pretplatite na bilten, čuvamo vašu e-mail adresu"
            " dok se ne odjavite."
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
            "Organizacije koje imaju pitanje o nekretnini ili javnom pozivu trebaju se obratiti uredu za upravljanje "
            "imovinom koji ga je objavio: njegovi podaci su na stranici nekretnine."
        ),
    "Stories":
        "Priče",
    "Places taken from crime and what communities made of them.":
        "Mjesta oduzeta od kriminala i šta su zajednice od njih napravile.",
    "A flat in Novi Sad becomes a youth centre":
        "Stan u Novom Sadu postaje omladinski centar",
    (
        "A confiscated flat near the centre of Novi Sad is now a youth centre with a homework club, cooking classes "
        "and a repair café."
    ):
        (
            "Oduzeti stan blizu centra Novog Sada sada je omladinski centar s klubom za pomoć u učenju, kursevima "
            "kuhanja i kafićem za popravke."
        ),
    "Illustration: a grey house with boarded-up windows and a closed door.":
        "Ilustracija: siva kuća sa zakucanim prozorima i zatvorenim vratima.",
    (
        "When the office handed the flat over, the walls were peeling, the bathroom was damp and the wiring had to be"
        " renewed."
    ):
        (
            "Kada je ured predao stan, zidovi su se ljuštili, kupatilo je bilo vlažno, a elektroinstalacije je "
            "trebalo obnoviti."
        ),
    "Illustration: the same house painted, with open windows, a tree and a bench in front.":
        "Ilustracija: ista kuća, okrečena, s otvorenim prozorima, drvetom i klupom ispred.",
    "Volunteers repainted it and fitted the kitchen. The centre opened four months later.":
        "Volonteri su ga okrečili i opremili kuhinju. Centar je otvoren četiri mjeseca kasnije.",
    (
        "Children from the nearby settlement come to the homework club on weekdays. On Saturdays the repair café is "
        "open to the whole neighbourhood, and in summer the centre runs camps. Entry is free."
    ):
        (
            "Djeca iz obližnjeg naselja radnim danima dolaze u klub za pomoć u učenju. Subotom je kafić za popravke "
            "otvoren za cijelo susjedstvo, a ljeti centar organizuje kampove. Ulaz je besplatan."
        ),
    "The first pilot: social re-use in Albania":
        "Prvi pilot-projekat: društvena ponovna upotreba u Albaniji",
    (
        "In 2021 and 2022 the programme's first phase supported one social re-use project in Albania. Its experience "
        "now helps other countries."
    ):
        (
            "U 2021. i 2022. godini prva faza programa podržala je jedan projekat društvene ponovne upotrebe u "
            "Albaniji. Njegovo iskustvo sada pomaže drugim zemljama."
        ),
    (
        "A confiscated property that nobody used costs the state money and reminds the neighbours of the crime behind"
        " it."
    ):
        "Oduzeta nekretnina koju niko ne koristi košta državu i podsjeća komšije na zločin koji stoji iza nje.",
    "Given to the community, the same property can serve the people who live around it.":
        "Kada se da zajednici, ista nekretnina može služiti ljudima koji žive oko nje.",
    (
        "The first phase of the programme supported one concrete example of social re-use in Albania, in 2021 and "
        "2022. It showed what an Asset Management Office and a civil society organisation need to agree on to work "
        "together."
    ):
        (
            "Prva faza programa podržala je jedan konkretan primjer društvene ponovne upotrebe u Albaniji, u 2021. i "
            "2022. godini. Pokazao je oko čega se ured za upravljanje imovinom i organizacija civilnog društva "
            "trebaju dogovoriti da bi radili zajedno."
        ),
    (
        "The second phase takes stock of this experience and supports offices and organisations in the other "
        "countries to re-use a confiscated asset for social purposes together."
    ):
        (
            "Druga faza se oslanja na to iskustvo i podržava urede i organizacije u drugim zemljama da zajedno ponovo"
            " iskoriste oduzetu imovinu u društvene svrhe."
        ),
    "Nineteen offices, one network":
        "Devetnaest ureda, jedna mreža",
    (
        "How the Asset Management Offices of the region learn from each other in the Balkan Asset Management "
        "Interagency Network."
    ):
        (
            "Kako uredi za upravljanje imovinom u regiji uče jedni od drugih u Balkanskoj međuagencijskoj mreži za "
            "upravljanje imovinom."
        ),
    "A confiscated hotel or farm must be looked after until it is sold or re-used, which takes skills and money.":
        (
            "O oduzetom hotelu ili farmi mora se brinuti dok se ne prodaju ili ponovo upotrijebe, a za to su potrebni"
            " znanje i novac."
        ),
    "In BAMIN, 19 Asset Management Offices share information and good practices.":
        "U BAMIN-u 19 ureda za upravljanje imovinom razmjenjuje informacije i dobre prakse.",
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
        "Radionice za podizanje svijesti, obuke za urede i organizacije i regionalni sastanci.",
    "Social re-use works when everyone involved plays their part. Here is where to start.":
        "Društvena ponovna upotreba uspijeva kada svi uključeni odigraju svoju ulogu. Evo odakle početi.",
    "Civil society organisations":
        "Organizacije civilnog društva",
    (
        "Register your organisation on the platform and have it verified. You can then see the properties available "
        "in six countries, apply to calls on your own or with partners from other countries, and report what your "
        "project achieves."
    ):
        (
            "Registrujte svoju organizaciju na platformi i verifikujte je. Tada možete vidjeti nekretnine dostupne u "
            "šest zemalja, prijaviti se na pozive sami ili s partnerima iz drugih zemalja i izvještavati o tome šta "
            "vaš projekat postiže."
        ),
    "Asset Management Offices":
        "Uredi za upravljanje imovinom",
    (
        "Publish the properties your office can make available, open calls for proposals and record every step of the"
        " decision, so that the public can follow it."
    ):
        (
            "Objavite nekretnine koje vaš ured može staviti na raspolaganje, otvorite javne pozive za prijedloge i "
            "zabilježite svaki korak odluke, kako bi javnost mogla da ga prati."
        ),
    "Municipalities":
        "Općine",
    (
        "A re-used property serves your residents. Help the organisation with permits, utilities and local partners, "
        "and tell your community what is happening."
    ):
        (
            "Ponovo upotrijebljena nekretnina služi vašim građanima. Pomozite organizaciji s dozvolama, komunalnim "
            "priključcima i lokalnim partnerima i recite svojoj zajednici šta se dešava."
        ),
    "Media":
        "Mediji",
    (
        "Follow what happens to confiscated property after the verdict. The platform's open data show which "
        "properties are available, who uses them and with what results."
    ):
        (
            "Pratite šta se dešava s oduzetom imovinom nakon presude. Otvoreni podaci platforme pokazuju koje su "
            "nekretnine dostupne, ko ih koristi i s kakvim rezultatima."
        ),
    "Join a workshop or a training":
        "Pridružite se radionici ili obuci",
    "Meet offices and organisations from the region and learn from each other.":
        "Upoznajte urede i organizacije iz regije i učite jedni od drugih.",
    "What is social re-use?":
        "Šta je društvena ponovna upotreba?",
    (
        "When a court confiscates a criminal's property, it can be given back to the community. Here is what that "
        "means and why it matters."
    ):
        "Kada sud oduzme imovinu kriminalca, ona se može vratiti zajednici. Evo šta to znači i zašto je važno.",
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
            "<b>Društvena ponovna upotreba</b> znači da se takva nekretnina preda organizaciji civilnog društva ili "
            "javnoj ustanovi koja je koristi za dobro zajednice: kao omladinski centar, sklonište, socijalnu farmu "
            "ili prostor za kulturu."
        ),
    (
        "Seizing and confiscating criminal assets is an effective tool to dismantle criminal networks and counter the"
        " threats posed by organized crime and corruption."
    ):
        (
            "Privremeno oduzimanje i oduzimanje imovine stečene kriminalom djelotvoran je alat za razbijanje "
            "kriminalnih mreža i suzbijanje prijetnji koje predstavljaju organizovani kriminal i korupcija."
        ),
    "From the description of the programme Strengthening Asset Recovery Efforts in the OSCE Region":
        "Iz opisa programa Jačanje napora za povrat imovine u regiji OSCE-a",
    "Why it matters":
        "Zašto je to važno",
    (
        "Taking the gains of crime away weakens criminal groups. Using them for the community shows, in a street "
        "everyone knows, that crime does not pay and that the law works for ordinary people."
    ):
        (
            "Oduzimanje dobiti od kriminala slabi kriminalne grupe. Njena upotreba za zajednicu pokazuje, u ulici "
            "koju svi poznaju, da se kriminal ne isplati i da zakon radi za obične ljude."
        ),
    "Social re-use in the region, from the platform":
        "Društvena ponovna upotreba u regiji, prema podacima platforme",
    "Questions people ask":
        "Pitanja koja ljudi postavljaju",
    "Who owns a confiscated property?":
        "Ko je vlasnik oduzete nekretnine?",
    (
        "Once a court has confiscated it, the state does. An Asset Management Office looks after it until it is sold,"
        " used by the state or given for social re-use."
    ):
        (
            "Kada je sud oduzme, vlasnik je država. Ured za upravljanje imovinom brine o njoj dok se ne proda, dok je"
            " ne koristi država ili dok se ne da na društvenu ponovnu upotrebu."
        ),
    "Who can use it?":
        "Ko je može koristiti?",
    (
        "Civil society organisations and public bodies that serve the community, under the rules of each country. The"
        " office decides, usually after a public call."
    ):
        (
            "Organizacije civilnog društva i javne ustanove koje služe zajednici, prema pravilima svake zemlje. "
            "Odluku donosi ured, obično nakon javnog poziva."
        ),
    "Does the organisation become the owner?":
        "Da li organizacija postaje vlasnik?",
    "No. It signs an agreement to use the property for a set time and purpose, and reports on what it does there.":
        (
            "Ne. Ona potpisuje ugovor o korištenju nekretnine na određeno vrijeme i u određenu svrhu i izvještava o "
            "tome šta u njoj radi."
        ),
    "What are the challenges?":
        "Koji su izazovi?",
    (
        "Properties often need repairs, running costs must be covered and some neighbours may be afraid at first. "
        "Working with the office and the municipality from the start helps."
    ):
        (
            "Nekretnine često trebaju popravke, troškovi održavanja moraju se pokriti, a neke komšije se u početku "
            "mogu plašiti. Pomaže saradnja s uredom i općinom od samog početka."
        ),
    "How can I follow what happens to a property?":
        "Kako mogu pratiti šta se dešava s nekretninom?",
    (
        "Properties, calls and re-use projects are published on this platform with their history, so anyone can see "
        "who decided what and what came of it."
    ):
        (
            "Nekretnine, javni pozivi i projekti ponovne upotrebe objavljuju se na ovoj platformi s cijelom svojom "
            "historijom, tako da svako može vidjeti ko je šta odlučio i šta je iz toga proizašlo."
        ),
    "Re-use projects on the map":
        "Projekti ponovne upotrebe na karti",
    "Ready to take part?":
        "Spremni da učestvujete?",
    "Organisations, offices, municipalities and journalists all have a part to play.":
        "Organizacije, uredi, općine i novinari, svi imaju svoju ulogu.",
    "Read more":
        "Pročitajte više",
    "Awareness workshop: social re-use in Tirana":
        "Radionica za podizanje svijesti: društvena ponovna upotreba u Tirani",
    (
        "An afternoon in Albanian on what social re-use is, what it has achieved and how residents and organisations "
        "can take part."
    ):
        (
            "Popodne na albanskom jeziku o tome šta je društvena ponovna upotreba, šta je postigla i kako stanovnici "
            "i organizacije mogu učestvovati."
        ),
    "Community hall in central Tirana":
        "Sala mjesne zajednice u centru Tirane",
    "Tirana, Albania":
        "Tirana, Albanija",
    (
        "I agree that the organisers keep my name, e-mail address and organisation to run this event and to contact "
        "me about it. They are deleted six months after the event."
    ):
        (
            "Slažem se da organizatori čuvaju moje ime, e-mail adresu i organizaciju radi organizacije ovog događaja "
            "i kontakta sa mnom u vezi s njim. Brišu se šest mjeseci nakon događaja."
        ),
    "The workshop is held in Albanian. Places are limited: register to keep yours.":
        "Radionica se održava na albanskom jeziku. Broj mjesta je ograničen: prijavite se da osigurate svoje.",
    "Online training: working together on a confiscated property":
        "Online obuka: zajednički rad na oduzetoj nekretnini",
    (
        "For staff of Asset Management Offices and civil society organisations: how to prepare a call, a proposal and"
        " an agreement for social re-use."
    ):
        (
            "Za osoblje ureda za upravljanje imovinom i organizacija civilnog društva: kako pripremiti javni poziv, "
            "prijedlog i ugovor za društvenu ponovnu upotrebu."
        ),
    "The training is held online in English. The link is sent to registered participants.":
        "Obuka se održava online na engleskom jeziku. Link se šalje prijavljenim učesnicima.",
    "Regional conference on the social re-use of confiscated assets":
        "Regionalna konferencija o društvenoj ponovnoj upotrebi oduzete imovine",
    "Offices, organisations, prosecutors and municipalities from six countries share what works.":
        "Uredi, organizacije, tužioci i općine iz šest zemalja razmjenjuju ono što funkcioniše.",
    "Conference hall in Sarajevo":
        "Konferencijska sala u Sarajevu",
    "Sarajevo, Bosnia and Herzegovina":
        "Sarajevo, Bosna i Hercegovina",
    "A day of short talks and discussions, with interpretation into the languages of the region.":
        "Dan kratkih izlaganja i diskusija, uz prevođenje na jezike regije.",
    "Resources":
        "Resursi",
    "Guides, checklists and reports to download.":
        "Vodiči, kontrolne liste i izvještaji za preuzimanje.",
    "News":
        "Vijesti",
    "What is new in the network and the programme.":
        "Šta je novo u mreži i programu.",
    "A regional programme for asset recovery starts":
        "Počinje regionalni program za povrat imovine",
    (
        "The programme Strengthening Asset Recovery Efforts in the OSCE Region started on 1 September 2022 in six "
        "countries."
    ):
        (
            "Program Jačanje napora za povrat imovine u regiji OSCE-a počeo je 1. septembra 2022. godine u šest "
            "zemalja."
        ),
    (
        "It supports judges, prosecutors and Asset Management Offices, and raises awareness of the social re-use of "
        "confiscated assets."
    ):
        (
            "Podržava sudije, tužioce i urede za upravljanje imovinom i podiže svijest o društvenoj ponovnoj upotrebi"
            " oduzete imovine."
        ),
    "A regional network of civil society organisations":
        "Regionalna mreža organizacija civilnog društva",
    "Organisations that can benefit from social re-use now have a platform to work together across borders.":
        (
            "Organizacije koje mogu imati koristi od društvene ponovne upotrebe sada imaju platformu za zajednički "
            "rad preko granica."
        ),
    "The network helps organisations exchange information and find partners in other countries for their proposals.":
        (
            "Mreža pomaže organizacijama da razmjenjuju informacije i pronađu partnere u drugim zemljama za svoje "
            "prijedloge."
        ),
    "From the Albanian pilot to the whole region":
        "Od albanskog pilot-projekta do cijele regije",
    "The social re-use project supported in Albania in 2021 and 2022 is the model for the next ones.":
        "Projekat društvene ponovne upotrebe podržan u Albaniji 2021. i 2022. godine model je za sljedeće.",
    (
        "Offices and organisations in the other countries are now invited to re-use a confiscated asset together, "
        "with the programme's support."
    ):
        (
            "Uredi i organizacije u drugim zemljama sada su pozvani da uz podršku programa zajedno ponovo iskoriste "
            "oduzetu imovinu."
        ),
}
