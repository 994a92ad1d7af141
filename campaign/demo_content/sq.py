"""The demo campaign in Albanian: {English string: translation} (see `campaign.demo_content`)."""

TRANSLATIONS = {
    "Re-use network":
        "Rrjeti i ripërdorimit",
    "Confiscated assets, returned to the community":
        "Pasuri të konfiskuara, të kthyera te komuniteti",
    (
        "Flats, villas, land and farms taken from organised crime and corruption can become youth centres, shelters "
        "and social farms. This network brings together the civil society organisations that re-use them and the "
        "Asset Management Offices that make them available, across six countries."
    ):
        (
            "Apartamente, vila, toka dhe ferma të marra nga krimi i organizuar dhe korrupsioni mund të bëhen qendra "
            "rinore, strehëza dhe ferma sociale. Ky rrjet bashkon organizatat e shoqërisë civile që i ripërdorin dhe "
            "Agjencitë e Administrimit të Pasurive që i vënë në dispozicion, në gjashtë vende."
        ),
    "Your organisation could use a property":
        "Organizata juaj mund të përdorë një pronë",
    (
        "Find out how civil society organisations apply for confiscated property and work with the offices that "
        "manage it."
    ):
        (
            "Mësoni si aplikojnë organizatat e shoqërisë civile për pronat e konfiskuara dhe si punojnë me zyrat që i"
            " administrojnë."
        ),
    "How to take part":
        "Si të merrni pjesë",
    "Learn with others":
        "Mësoni bashkë me të tjerët",
    "Awareness workshops and trainings for offices, organisations and everyone who is interested.":
        "Punëtori ndërgjegjësimi dhe trajnime për zyrat, organizatat dhe këdo që interesohet.",
    "See the events":
        "Shikoni aktivitetet",
    "Read how it works elsewhere":
        "Lexoni si funksionon gjetiu",
    "Handbooks, guidelines and checklists to download.":
        "Manuale, udhëzime dhe lista kontrolli për t'u shkarkuar.",
    "Open the resources":
        "Hapni burimet",
    "The network today":
        "Rrjeti sot",
    (
        "Every figure here is counted from the platform's own records and changes as offices publish properties and "
        "organisations report their results."
    ):
        (
            "Çdo shifër këtu numërohet nga të dhënat e vetë platformës dhe ndryshon sa herë që zyrat publikojnë prona"
            " dhe organizatat raportojnë rezultatet e tyre."
        ),
    "About the programme":
        "Rreth programit",
    (
        "This network is part of the third component of the programme Strengthening Asset Recovery Efforts in the "
        "OSCE Region."
    ):
        (
            "Ky rrjet është pjesë e komponentit të tretë të programit Forcimi i përpjekjeve për rikuperimin e "
            "pasurive në rajonin e OSBE-së."
        ),
    (
        "The programme helps Albania, Bosnia and Herzegovina, Montenegro, North Macedonia, Serbia and Moldova recover"
        " the assets of organised crime and corruption. It started in September 2022 and is implemented by the OSCE "
        "Secretariat: its Transnational Threats Department and the Office of the Co-ordinator of OSCE Economic and "
        "Environmental Activities."
    ):
        (
            "Programi ndihmon Shqipërinë, Bosnjë e Hercegovinën, Malin e Zi, Maqedoninë e Veriut, Serbinë dhe "
            "Moldavinë të rikuperojnë pasuritë e krimit të organizuar dhe të korrupsionit. Ai nisi në shtator 2022 "
            "dhe zbatohet nga Sekretariati i OSBE-së: Departamenti i Kërcënimeve Transnacionale dhe Zyra e "
            "Koordinatorit të Aktiviteteve Ekonomike dhe Mjedisore të OSBE-së."
        ),
    "Three components":
        "Tre komponentë",
    (
        "Training and tools for judges and prosecutors to identify, seize and confiscate criminal assets, with the "
        "national Judicial Training Academies."
    ):
        (
            "Trajnime dhe mjete për gjyqtarët dhe prokurorët për të identifikuar, sekuestruar dhe konfiskuar pasuritë"
            " kriminale, bashkë me Shkollat kombëtare të Magjistraturës."
        ),
    (
        "Support for two regional networks: the Balkan Asset Management Interagency Network (BAMIN) of 19 Asset "
        "Management Offices and the Permanent Conference of Organized Crime Prosecutors, which brings together 13 "
        "prosecutor's offices."
    ):
        (
            "Mbështetje për dy rrjete rajonale: Rrjeti Ndërinstitucional Ballkanik për Administrimin e Pasurive "
            "(BAMIN) me 19 Agjenci të Administrimit të Pasurive dhe Konferenca e Përhershme e Prokurorëve për Krimin "
            "e Organizuar, që bashkon 13 prokurori."
        ),
    (
        "Awareness of social re-use, a regional network of civil society organisations, and trainings that help "
        "offices and organisations re-use assets together."
    ):
        (
            "Ndërgjegjësim për ripërdorimin social, një rrjet rajonal i organizatave të shoqërisë civile dhe trajnime"
            " që ndihmojnë zyrat dhe organizatat të ripërdorin pasuritë së bashku."
        ),
    "Privacy":
        "Privatësia",
    "What we keep about you, why, and for how long.":
        "Çfarë ruajmë për ju, pse dhe për sa kohë.",
    (
        "When you register for an event we keep your name, e-mail address and organisation to run the event, and "
        "delete them six months after it. When you subscribe to the newsletter we keep your e-mail address until you "
        "unsubscribe."
    ):
        (
            "Kur regjistroheni për një aktivitet, ruajmë emrin, adresën e e-mailit dhe organizatën tuaj për të "
            "organizuar aktivitetin dhe i fshijmë gjashtë muaj pas tij. Kur abonoheni në buletin, ruajmë adresën e "
            "e-mailit derisa të çabonoheni."
        ),
    "Pages are served without advertising or tracking cookies.":
        "Faqet shërbehen pa reklama dhe pa cookies gjurmuese.",
    "Contact":
        "Kontakti",
    "Questions about the network, the platform or an event? Write to us.":
        "Keni pyetje për rrjetin, platformën apo një aktivitet? Na shkruani.",
    (
        "Organisations with a question about a property or a call should contact the Asset Management Office that "
        "published it: its details are on the property's page."
    ):
        (
            "Organizatat që kanë pyetje për një pronë ose një thirrje duhet të kontaktojnë Agjencinë e Administrimit "
            "të Pasurive që e ka publikuar: të dhënat e saj janë në faqen e pronës."
        ),
    "Stories":
        "Histori",
    "Places taken from crime and what communities made of them.":
        "Vende të marra nga krimi dhe çfarë bënë komunitetet me to.",
    "A flat in Novi Sad becomes a youth centre":
        "Një apartament në Novi Sad bëhet qendër rinore",
    (
        "A confiscated flat near the centre of Novi Sad is now a youth centre with a homework club, cooking classes "
        "and a repair café."
    ):
        (
            "Një apartament i konfiskuar pranë qendrës së Novi Sadit tani është qendër rinore me klub për detyrat e "
            "shtëpisë, kurse gatimi dhe një kafe riparimesh."
        ),
    "Illustration: a grey house with boarded-up windows and a closed door.":
        "Ilustrim: një shtëpi gri me dritare të mbyllura me dërrasa dhe derë të mbyllur.",
    (
        "When the office handed the flat over, the walls were peeling, the bathroom was damp and the wiring had to be"
        " renewed."
    ):
        (
            "Kur zyra e dorëzoi apartamentin, muret ishin të rrjepura, banja kishte lagështi dhe instalimi elektrik "
            "duhej rinovuar."
        ),
    "Illustration: the same house painted, with open windows, a tree and a bench in front.":
        "Ilustrim: e njëjta shtëpi e lyer, me dritare të hapura, një pemë dhe një stol përpara.",
    "Volunteers repainted it and fitted the kitchen. The centre opened four months later.":
        "Vullnetarët e lyen dhe e pajisën kuzhinën. Qendra u hap katër muaj më vonë.",
    (
        "Children from the nearby settlement come to the homework club on weekdays. On Saturdays the repair café is "
        "open to the whole neighbourhood, and in summer the centre runs camps. Entry is free."
    ):
        (
            "Fëmijët nga lagjja aty pranë vijnë në klubin e detyrave të shtëpisë gjatë ditëve të javës. Të shtunave "
            "kafeja e riparimeve është e hapur për gjithë lagjen, ndërsa në verë qendra organizon kampe. Hyrja është "
            "falas."
        ),
    "The first pilot: social re-use in Albania":
        "Projekti i parë pilot: ripërdorimi social në Shqipëri",
    (
        "In 2021 and 2022 the programme's first phase supported one social re-use project in Albania. Its experience "
        "now helps other countries."
    ):
        (
            "Në vitet 2021 dhe 2022 faza e parë e programit mbështeti një projekt ripërdorimi social në Shqipëri. "
            "Përvoja e tij tani ndihmon vendet e tjera."
        ),
    (
        "A confiscated property that nobody used costs the state money and reminds the neighbours of the crime behind"
        " it."
    ):
        (
            "Një pronë e konfiskuar që nuk e përdor askush i kushton shtetit para dhe u kujton fqinjëve krimin që "
            "fshihet pas saj."
        ),
    "Given to the community, the same property can serve the people who live around it.":
        "E dhënë komunitetit, e njëjta pronë mund t'u shërbejë njerëzve që jetojnë përreth.",
    (
        "The first phase of the programme supported one concrete example of social re-use in Albania, in 2021 and "
        "2022. It showed what an Asset Management Office and a civil society organisation need to agree on to work "
        "together."
    ):
        (
            "Faza e parë e programit mbështeti një shembull konkret të ripërdorimit social në Shqipëri, në vitet 2021"
            " dhe 2022. Ai tregoi për çfarë duhet të bien dakord një Agjenci e Administrimit të Pasurive dhe një "
            "organizatë e shoqërisë civile për të punuar së bashku."
        ),
    (
        "The second phase takes stock of this experience and supports offices and organisations in the other "
        "countries to re-use a confiscated asset for social purposes together."
    ):
        (
            "Faza e dytë mbështetet në këtë përvojë dhe ndihmon zyrat dhe organizatat në vendet e tjera të ripërdorin"
            " së bashku një pasuri të konfiskuar për qëllime sociale."
        ),
    "Nineteen offices, one network":
        "Nëntëmbëdhjetë zyra, një rrjet",
    (
        "How the Asset Management Offices of the region learn from each other in the Balkan Asset Management "
        "Interagency Network."
    ):
        (
            "Si mësojnë nga njëra-tjetra Agjencitë e Administrimit të Pasurive të rajonit në Rrjetin "
            "Ndërinstitucional Ballkanik për Administrimin e Pasurive."
        ),
    "A confiscated hotel or farm must be looked after until it is sold or re-used, which takes skills and money.":
        (
            "Një hotel ose një fermë e konfiskuar duhet mirëmbajtur derisa të shitet ose të ripërdoret, dhe kjo "
            "kërkon aftësi dhe para."
        ),
    "In BAMIN, 19 Asset Management Offices share information and good practices.":
        "Në BAMIN, 19 Agjenci të Administrimit të Pasurive shkëmbejnë informacion dhe praktika të mira.",
    (
        "The programme supports BAMIN with trainings, individual mentoring on specific management cases and its "
        "Annual General Meetings, where members and observers take part. The aim is to manage seized and confiscated "
        "assets more efficiently and at lower cost."
    ):
        (
            "Programi mbështet BAMIN me trajnime, mentorim individual për raste konkrete administrimi dhe me "
            "Asambletë e tij të Përgjithshme Vjetore, ku marrin pjesë anëtarët dhe vëzhguesit. Qëllimi është që "
            "pasuritë e sekuestruara dhe të konfiskuara të administrohen në mënyrë më efikase dhe me kosto më të "
            "ulët."
        ),
    "Events and trainings":
        "Aktivitete dhe trajnime",
    "Awareness workshops, trainings for offices and organisations, and regional meetings.":
        "Punëtori ndërgjegjësimi, trajnime për zyrat dhe organizatat, dhe takime rajonale.",
    "Social re-use works when everyone involved plays their part. Here is where to start.":
        "Ripërdorimi social funksionon kur secili i përfshirë bën pjesën e vet. Ja nga të nisni.",
    "Civil society organisations":
        "Organizatat e shoqërisë civile",
    (
        "Register your organisation on the platform and have it verified. You can then see the properties available "
        "in six countries, apply to calls on your own or with partners from other countries, and report what your "
        "project achieves."
    ):
        (
            "Regjistroni organizatën tuaj në platformë dhe verifikojeni. Pastaj mund të shihni pronat e disponueshme "
            "në gjashtë vende, të aplikoni në thirrje vetëm ose me partnerë nga vende të tjera dhe të raportoni çfarë"
            " arrin projekti juaj."
        ),
    "Asset Management Offices":
        "Agjencitë e Administrimit të Pasurive",
    (
        "Publish the properties your office can make available, open calls for proposals and record every step of the"
        " decision, so that the public can follow it."
    ):
        (
            "Publikoni pronat që zyra juaj mund të vërë në dispozicion, hapni thirrje për propozime dhe regjistroni "
            "çdo hap të vendimit, që publiku ta ndjekë."
        ),
    "Municipalities":
        "Bashkitë",
    (
        "A re-used property serves your residents. Help the organisation with permits, utilities and local partners, "
        "and tell your community what is happening."
    ):
        (
            "Një pronë e ripërdorur u shërben banorëve tuaj. Ndihmojeni organizatën me lejet, shërbimet komunale dhe "
            "partnerët vendorë, dhe tregojini komunitetit tuaj çfarë po ndodh."
        ),
    "Media":
        "Media",
    (
        "Follow what happens to confiscated property after the verdict. The platform's open data show which "
        "properties are available, who uses them and with what results."
    ):
        (
            "Ndiqni çfarë ndodh me pronat e konfiskuara pas vendimit të gjykatës. Të dhënat e hapura të platformës "
            "tregojnë cilat prona janë të disponueshme, kush i përdor dhe me çfarë rezultatesh."
        ),
    "Join a workshop or a training":
        "Merrni pjesë në një punëtori ose trajnim",
    "Meet offices and organisations from the region and learn from each other.":
        "Takoni zyra dhe organizata nga rajoni dhe mësoni nga njëri-tjetri.",
    "What is social re-use?":
        "Çfarë është ripërdorimi social?",
    (
        "When a court confiscates a criminal's property, it can be given back to the community. Here is what that "
        "means and why it matters."
    ):
        (
            "Kur një gjykatë konfiskon pronën e një krimineli, ajo mund t'i kthehet komunitetit. Ja çfarë do të thotë"
            " kjo dhe pse ka rëndësi."
        ),
    "From crime to community":
        "Nga krimi te komuniteti",
    (
        "Organised crime and corruption make people rich at everyone else's expense. When the police and prosecutors "
        "trace that wealth and a court confiscates it, the state becomes the owner of flats, houses, land, businesses"
        " and vehicles."
    ):
        (
            "Krimi i organizuar dhe korrupsioni i pasurojnë disa në kurriz të të gjithë të tjerëve. Kur policia dhe "
            "prokurorët e gjurmojnë këtë pasuri dhe një gjykatë e konfiskon, shteti bëhet pronar i apartamenteve, "
            "shtëpive, tokave, bizneseve dhe automjeteve."
        ),
    (
        "<b>Social re-use</b> means handing such a property to a civil society organisation or a public body that "
        "uses it for the good of the community: a youth centre, a shelter, a social farm or a place for culture."
    ):
        (
            "<b>Ripërdorimi social</b> do të thotë që një pronë e tillë t'i jepet një organizate të shoqërisë civile "
            "ose një institucioni publik që e përdor për të mirën e komunitetit: një qendër rinore, një strehëz, një "
            "fermë sociale ose një vend për kulturën."
        ),
    (
        "Seizing and confiscating criminal assets is an effective tool to dismantle criminal networks and counter the"
        " threats posed by organized crime and corruption."
    ):
        (
            "Sekuestrimi dhe konfiskimi i pasurive kriminale është një mjet efektiv për të shkatërruar rrjetet "
            "kriminale dhe për të përballuar kërcënimet e krimit të organizuar dhe të korrupsionit."
        ),
    "From the description of the programme Strengthening Asset Recovery Efforts in the OSCE Region":
        "Nga përshkrimi i programit Forcimi i përpjekjeve për rikuperimin e pasurive në rajonin e OSBE-së",
    "Why it matters":
        "Pse ka rëndësi",
    (
        "Taking the gains of crime away weakens criminal groups. Using them for the community shows, in a street "
        "everyone knows, that crime does not pay and that the law works for ordinary people."
    ):
        (
            "Marrja e fitimeve të krimit i dobëson grupet kriminale. Përdorimi i tyre për komunitetin tregon, në një "
            "rrugë që e njeh të gjithë, se krimi nuk paguan dhe se ligji punon për njerëzit e thjeshtë."
        ),
    "Social re-use in the region, from the platform":
        "Ripërdorimi social në rajon, nga platforma",
    "Questions people ask":
        "Pyetje që bëjnë njerëzit",
    "Who owns a confiscated property?":
        "Kujt i përket një pronë e konfiskuar?",
    (
        "Once a court has confiscated it, the state does. An Asset Management Office looks after it until it is sold,"
        " used by the state or given for social re-use."
    ):
        (
            "Pasi gjykata e ka konfiskuar, i përket shtetit. Një Agjenci e Administrimit të Pasurive kujdeset për të "
            "derisa të shitet, të përdoret nga shteti ose të jepet për ripërdorim social."
        ),
    "Who can use it?":
        "Kush mund ta përdorë?",
    (
        "Civil society organisations and public bodies that serve the community, under the rules of each country. The"
        " office decides, usually after a public call."
    ):
        (
            "Organizatat e shoqërisë civile dhe institucionet publike që i shërbejnë komunitetit, sipas rregullave të"
            " secilit vend. Vendimin e merr zyra, zakonisht pas një thirrjeje publike."
        ),
    "Does the organisation become the owner?":
        "A bëhet organizata pronare?",
    "No. It signs an agreement to use the property for a set time and purpose, and reports on what it does there.":
        (
            "Jo. Ajo nënshkruan një marrëveshje për ta përdorur pronën për një kohë dhe një qëllim të caktuar, dhe "
            "raporton për atë që bën atje."
        ),
    "What are the challenges?":
        "Cilat janë sfidat?",
    (
        "Properties often need repairs, running costs must be covered and some neighbours may be afraid at first. "
        "Working with the office and the municipality from the start helps."
    ):
        (
            "Pronat shpesh kanë nevojë për riparime, shpenzimet e funksionimit duhen mbuluar dhe disa fqinjë mund të "
            "kenë frikë në fillim. Bashkëpunimi me zyrën dhe bashkinë që në fillim ndihmon."
        ),
    "How can I follow what happens to a property?":
        "Si mund ta ndjek çfarë ndodh me një pronë?",
    (
        "Properties, calls and re-use projects are published on this platform with their history, so anyone can see "
        "who decided what and what came of it."
    ):
        (
            "Pronat, thirrjet dhe projektet e ripërdorimit publikohen në këtë platformë me historinë e tyre, që "
            "kushdo të shohë kush vendosi çfarë dhe çfarë doli prej saj."
        ),
    "Re-use projects on the map":
        "Projektet e ripërdorimit në hartë",
    "Ready to take part?":
        "Gati të merrni pjesë?",
    "Organisations, offices, municipalities and journalists all have a part to play.":
        "Organizatat, zyrat, bashkitë dhe gazetarët kanë të gjithë një rol për të luajtur.",
    "Read more":
        "Lexoni më shumë",
    "Awareness workshop: social re-use in Tirana":
        "Punëtori ndërgjegjësimi: ripërdorimi social në Tiranë",
    (
        "An afternoon in Albanian on what social re-use is, what it has achieved and how residents and organisations "
        "can take part."
    ):
        (
            "Një pasdite në shqip për atë që është ripërdorimi social, çfarë ka arritur dhe si mund të marrin pjesë "
            "banorët dhe organizatat."
        ),
    "Community hall in central Tirana":
        "Sallë komunitare në qendër të Tiranës",
    "Tirana, Albania":
        "Tiranë, Shqipëri",
    (
        "I agree that the organisers keep my name, e-mail address and organisation to run this event and to contact "
        "me about it. They are deleted six months after the event."
    ):
        (
            "Pranoj që organizatorët të ruajnë emrin, adresën e e-mailit dhe organizatën time për të organizuar këtë "
            "aktivitet dhe për të më kontaktuar lidhur me të. Ato fshihen gjashtë muaj pas aktivitetit."
        ),
    "The workshop is held in Albanian. Places are limited: register to keep yours.":
        "Punëtoria zhvillohet në shqip. Vendet janë të kufizuara: regjistrohuni për të siguruar vendin tuaj.",
    "Online training: working together on a confiscated property":
        "Trajnim online: të punojmë së bashku për një pronë të konfiskuar",
    (
        "For staff of Asset Management Offices and civil society organisations: how to prepare a call, a proposal and"
        " an agreement for social re-use."
    ):
        (
            "Për stafin e Agjencive të Administrimit të Pasurive dhe të organizatave të shoqërisë civile: si të "
            "përgatitet një thirrje, një propozim dhe një marrëveshje për ripërdorim social."
        ),
    "The training is held online in English. The link is sent to registered participants.":
        "Trajnimi zhvillohet online në anglisht. Lidhja u dërgohet pjesëmarrësve të regjistruar.",
    "Regional conference on the social re-use of confiscated assets":
        "Konferencë rajonale për ripërdorimin social të pasurive të konfiskuara",
    "Offices, organisations, prosecutors and municipalities from six countries share what works.":
        "Zyra, organizata, prokurorë dhe bashki nga gjashtë vende ndajnë atë që funksionon.",
    "Conference hall in Sarajevo":
        "Sallë konferencash në Sarajevë",
    "Sarajevo, Bosnia and Herzegovina":
        "Sarajevë, Bosnjë e Hercegovinë",
    "A day of short talks and discussions, with interpretation into the languages of the region.":
        "Një ditë me prezantime të shkurtra dhe diskutime, me përkthim në gjuhët e rajonit.",
    "Resources":
        "Burime",
    "Guides, checklists and reports to download.":
        "Udhëzues, lista kontrolli dhe raporte për t'u shkarkuar.",
    "News":
        "Lajme",
    "What is new in the network and the programme.":
        "Çfarë ka të re në rrjet dhe në program.",
    "A regional programme for asset recovery starts":
        "Nis një program rajonal për rikuperimin e pasurive",
    (
        "The programme Strengthening Asset Recovery Efforts in the OSCE Region started on 1 September 2022 in six "
        "countries."
    ):
        (
            "Programi Forcimi i përpjekjeve për rikuperimin e pasurive në rajonin e OSBE-së nisi më 1 shtator 2022 në"
            " gjashtë vende."
        ),
    (
        "It supports judges, prosecutors and Asset Management Offices, and raises awareness of the social re-use of "
        "confiscated assets."
    ):
        (
            "Ai mbështet gjyqtarët, prokurorët dhe Agjencitë e Administrimit të Pasurive, dhe rrit ndërgjegjësimin "
            "për ripërdorimin social të pasurive të konfiskuara."
        ),
    "A regional network of civil society organisations":
        "Një rrjet rajonal i organizatave të shoqërisë civile",
    "Organisations that can benefit from social re-use now have a platform to work together across borders.":
        (
            "Organizatat që mund të përfitojnë nga ripërdorimi social tani kanë një platformë për të punuar së bashku"
            " përtej kufijve."
        ),
    "The network helps organisations exchange information and find partners in other countries for their proposals.":
        (
            "Rrjeti i ndihmon organizatat të shkëmbejnë informacion dhe të gjejnë partnerë në vende të tjera për "
            "propozimet e tyre."
        ),
    "From the Albanian pilot to the whole region":
        "Nga projekti pilot shqiptar te i gjithë rajoni",
    "The social re-use project supported in Albania in 2021 and 2022 is the model for the next ones.":
        (
            "Projekti i ripërdorimit social i mbështetur në Shqipëri në vitet 2021 dhe 2022 është modeli për "
            "projektet e ardhshme."
        ),
    (
        "Offices and organisations in the other countries are now invited to re-use a confiscated asset together, "
        "with the programme's support."
    ):
        (
            "Zyrat dhe organizatat në vendet e tjera tani ftohen të ripërdorin së bashku një pasuri të konfiskuar, me"
            " mbështetjen e programit."
        ),
}
