"""The demo campaign in Romanian (Moldova): {English string: translation} (see `campaign.demo_content`)."""

TRANSLATIONS = {
    "Re-use network":
        "Rețeaua pentru reutilizare",
    "Confiscated assets, returned to the community":
        "Bunuri confiscate, redate comunității",
    (
        "Flats, villas, land and farms taken from organised crime and corruption can become youth centres, shelters "
        "and social farms. This network brings together the civil society organisations that re-use them and the "
        "Asset Management Offices that make them available, across six countries."
    ):
        (
            "Apartamente, vile, terenuri și ferme luate de la crima organizată și corupție pot deveni centre pentru "
            "tineret, adăposturi și ferme sociale. Această rețea reunește organizațiile societății civile care le "
            "reutilizează și oficiile de administrare a bunurilor care le pun la dispoziție, în șase țări."
        ),
    "Your organisation could use a property":
        "Organizația dumneavoastră ar putea folosi un bun",
    (
        "Find out how civil society organisations apply for confiscated property and work with the offices that "
        "manage it."
    ):
        (
            "Aflați cum aplică organizațiile societății civile pentru bunuri confiscate și cum lucrează cu oficiile "
            "care le administrează."
        ),
    "How to take part":
        "Cum să participați",
    "Learn with others":
        "Învățați împreună cu alții",
    "Awareness workshops and trainings for offices, organisations and everyone who is interested.":
        "Ateliere de conștientizare și instruiri pentru oficii, organizații și toți cei interesați.",
    "See the events":
        "Vedeți evenimentele",
    "Read how it works elsewhere":
        "Citiți cum funcționează în alte locuri",
    "Handbooks, guidelines and checklists to download.":
        "Manuale, ghiduri și liste de verificare de descărcat.",
    "Open the resources":
        "Deschideți resursele",
    "The network today":
        "Rețeaua astăzi",
    (
        "Every figure here is counted from the platform's own records and changes as offices publish properties and "
        "organisations report their results."
    ):
        (
            "Fiecare cifră de aici este calculată din evidențele platformei și se schimbă pe măsură ce oficiile "
            "publică bunuri, iar organizațiile raportează rezultatele lor."
        ),
    "About the programme":
        "Despre program",
    (
        "This network is part of the third component of the programme Strengthening Asset Recovery Efforts in the "
        "OSCE Region."
    ):
        (
            "Această rețea face parte din a treia componentă a programului Consolidarea eforturilor de recuperare a "
            "bunurilor în regiunea OSCE."
        ),
    (
        "The programme helps Albania, Bosnia and Herzegovina, Montenegro, North Macedonia, Serbia and Moldova recover"
        " the assets of organised crime and corruption. It started in September 2022 and is implemented by the OSCE "
        "Secretariat: its Transnational Threats Department and the Office of the Co-ordinator of OSCE Economic and "
        "Environmental Activities."
    ):
        (
            "Programul ajută Albania, Bosnia și Herțegovina, Muntenegru, Macedonia de Nord, Serbia și Moldova să "
            "recupereze bunurile provenite din crima organizată și corupție. A început în septembrie 2022 și este "
            "implementat de Secretariatul OSCE: Departamentul pentru amenințări transnaționale și Biroul "
            "Coordonatorului activităților economice și de mediu ale OSCE."
        ),
    "Three components":
        "Trei componente",
    (
        "Training and tools for judges and prosecutors to identify, seize and confiscate criminal assets, with the "
        "national Judicial Training Academies."
    ):
        (
            "Instruiri și instrumente pentru judecători și procurori pentru identificarea, sechestrarea și "
            "confiscarea bunurilor infracționale, împreună cu institutele naționale de pregătire a judecătorilor și "
            "procurorilor."
        ),
    (
        "Support for two regional networks: the Balkan Asset Management Interagency Network (BAMIN) of 19 Asset "
        "Management Offices and the Permanent Conference of Organized Crime Prosecutors, which brings together 13 "
        "prosecutor's offices."
    ):
        (
            "Sprijin pentru două rețele regionale: Rețeaua interinstituțională balcanică de administrare a bunurilor "
            "(BAMIN), formată din 19 oficii de administrare a bunurilor, și Conferința permanentă a procurorilor "
            "pentru crima organizată, care reunește 13 parchete."
        ),
    (
        "Awareness of social re-use, a regional network of civil society organisations, and trainings that help "
        "offices and organisations re-use assets together."
    ):
        (
            "Conștientizarea reutilizării sociale, o rețea regională a organizațiilor societății civile și instruiri "
            "care ajută oficiile și organizațiile să reutilizeze bunuri împreună."
        ),
    "Privacy":
        "Confidențialitate",
    "What we keep about you, why, and for how long.":
        "Ce păstrăm despre dumneavoastră, de ce și pentru cât timp.",
    (
        "When you register for an event we keep your name, e-mail address and organisation to run the event, and "
        "delete them six months after it. When you subscribe to the newsletter we keep your e-mail address until you "
        "unsubscribe."
    ):
        (
            "Când vă înscrieți la un eveniment, păstrăm numele, adresa de e-mail și organizația dumneavoastră pentru "
            "a organiza evenimentul și le ștergem la șase luni după acesta. Când vă abonați la buletinul informativ, "
            "păstrăm adresa de e-mail până când vă dezabonați."
        ),
    "Pages are served without advertising or tracking cookies.":
        "Paginile sunt afișate fără publicitate și fără cookie-uri de urmărire.",
    "Contact":
        "Contact",
    "Questions about the network, the platform or an event? Write to us.":
        "Aveți întrebări despre rețea, platformă sau un eveniment? Scrieți-ne.",
    (
        "Organisations with a question about a property or a call should contact the Asset Management Office that "
        "published it: its details are on the property's page."
    ):
        (
            "Organizațiile care au o întrebare despre un bun sau un apel trebuie să contacteze oficiul de "
            "administrare a bunurilor care l-a publicat: datele acestuia se află pe pagina bunului."
        ),
    "Stories":
        "Povești",
    "Places taken from crime and what communities made of them.":
        "Locuri luate de la infractori și ce au făcut comunitățile din ele.",
    "A flat in Novi Sad becomes a youth centre":
        "Un apartament din Novi Sad devine centru pentru tineret",
    (
        "A confiscated flat near the centre of Novi Sad is now a youth centre with a homework club, cooking classes "
        "and a repair café."
    ):
        (
            "Un apartament confiscat lângă centrul orașului Novi Sad este acum un centru pentru tineret cu un club de"
            " teme, cursuri de gătit și o cafenea de reparații."
        ),
    "Illustration: a grey house with boarded-up windows and a closed door.":
        "Ilustrație: o casă gri cu ferestre bătute în scânduri și ușa închisă.",
    (
        "When the office handed the flat over, the walls were peeling, the bathroom was damp and the wiring had to be"
        " renewed."
    ):
        (
            "Când oficiul a predat apartamentul, pereții erau scorojiți, baia era umedă, iar instalația electrică "
            "trebuia refăcută."
        ),
    "Illustration: the same house painted, with open windows, a tree and a bench in front.":
        "Ilustrație: aceeași casă vopsită, cu ferestre deschise, un copac și o bancă în față.",
    "Volunteers repainted it and fitted the kitchen. The centre opened four months later.":
        "Voluntarii l-au zugrăvit și au amenajat bucătăria. Centrul s-a deschis patru luni mai târziu.",
    (
        "Children from the nearby settlement come to the homework club on weekdays. On Saturdays the repair café is "
        "open to the whole neighbourhood, and in summer the centre runs camps. Entry is free."
    ):
        (
            "Copiii din cartierul din apropiere vin la clubul de teme în zilele lucrătoare. Sâmbăta, cafeneaua de "
            "reparații este deschisă pentru tot cartierul, iar vara centrul organizează tabere. Intrarea este "
            "gratuită."
        ),
    "The first pilot: social re-use in Albania":
        "Primul proiect pilot: reutilizarea socială în Albania",
    (
        "In 2021 and 2022 the programme's first phase supported one social re-use project in Albania. Its experience "
        "now helps other countries."
    ):
        (
            "În 2021 și 2022, prima fază a programului a sprijinit un proiect de reutilizare socială în Albania. "
            "Experiența sa ajută acum alte țări."
        ),
    (
        "A confiscated property that nobody used costs the state money and reminds the neighbours of the crime behind"
        " it."
    ):
        (
            "Un bun confiscat pe care nu-l folosește nimeni costă statul bani și le amintește vecinilor de "
            "infracțiunea din spatele lui."
        ),
    "Given to the community, the same property can serve the people who live around it.":
        "Dat comunității, același bun poate servi oamenilor care locuiesc în jurul lui.",
    (
        "The first phase of the programme supported one concrete example of social re-use in Albania, in 2021 and "
        "2022. It showed what an Asset Management Office and a civil society organisation need to agree on to work "
        "together."
    ):
        (
            "Prima fază a programului a sprijinit un exemplu concret de reutilizare socială în Albania, în 2021 și "
            "2022. Acesta a arătat asupra a ce trebuie să se înțeleagă un oficiu de administrare a bunurilor și o "
            "organizație a societății civile pentru a lucra împreună."
        ),
    (
        "The second phase takes stock of this experience and supports offices and organisations in the other "
        "countries to re-use a confiscated asset for social purposes together."
    ):
        (
            "A doua fază pornește de la această experiență și sprijină oficiile și organizațiile din celelalte țări "
            "să reutilizeze împreună un bun confiscat în scopuri sociale."
        ),
    "Nineteen offices, one network":
        "Nouăsprezece oficii, o singură rețea",
    (
        "How the Asset Management Offices of the region learn from each other in the Balkan Asset Management "
        "Interagency Network."
    ):
        (
            "Cum învață oficiile de administrare a bunurilor din regiune unele de la altele în Rețeaua "
            "interinstituțională balcanică de administrare a bunurilor."
        ),
    "A confiscated hotel or farm must be looked after until it is sold or re-used, which takes skills and money.":
        (
            "De un hotel sau o fermă confiscată trebuie să se îngrijească cineva până când sunt vândute sau "
            "reutilizate, iar pentru aceasta sunt necesare competențe și bani."
        ),
    "In BAMIN, 19 Asset Management Offices share information and good practices.":
        "În BAMIN, 19 oficii de administrare a bunurilor fac schimb de informații și bune practici.",
    (
        "The programme supports BAMIN with trainings, individual mentoring on specific management cases and its "
        "Annual General Meetings, where members and observers take part. The aim is to manage seized and confiscated "
        "assets more efficiently and at lower cost."
    ):
        (
            "Programul sprijină BAMIN prin instruiri, mentorat individual pe cazuri concrete de administrare și prin "
            "adunările sale generale anuale, la care participă membri și observatori. Scopul este ca bunurile "
            "sechestrate și confiscate să fie administrate mai eficient și cu costuri mai mici."
        ),
    "Events and trainings":
        "Evenimente și instruiri",
    "Awareness workshops, trainings for offices and organisations, and regional meetings.":
        "Ateliere de conștientizare, instruiri pentru oficii și organizații și întâlniri regionale.",
    "Social re-use works when everyone involved plays their part. Here is where to start.":
        (
            "Reutilizarea socială funcționează atunci când fiecare participant își face partea. Iată de unde să "
            "începeți."
        ),
    "Civil society organisations":
        "Organizațiile societății civile",
    (
        "Register your organisation on the platform and have it verified. You can then see the properties available "
        "in six countries, apply to calls on your own or with partners from other countries, and report what your "
        "project achieves."
    ):
        (
            "Înregistrați-vă organizația pe platformă și obțineți verificarea ei. Apoi puteți vedea bunurile "
            "disponibile în șase țări, puteți aplica la apeluri singuri sau cu parteneri din alte țări și puteți "
            "raporta ce realizează proiectul dumneavoastră."
        ),
    "Asset Management Offices":
        "Oficiile de administrare a bunurilor",
    (
        "Publish the properties your office can make available, open calls for proposals and record every step of the"
        " decision, so that the public can follow it."
    ):
        (
            "Publicați bunurile pe care oficiul dumneavoastră le poate pune la dispoziție, deschideți apeluri de "
            "propuneri și înregistrați fiecare pas al deciziei, astfel încât publicul să îl poată urmări."
        ),
    "Municipalities":
        "Primăriile",
    (
        "A re-used property serves your residents. Help the organisation with permits, utilities and local partners, "
        "and tell your community what is happening."
    ):
        (
            "Un bun reutilizat îi servește pe locuitorii dumneavoastră. Ajutați organizația cu autorizațiile, "
            "utilitățile și partenerii locali și spuneți comunității ce se întâmplă."
        ),
    "Media":
        "Presa",
    (
        "Follow what happens to confiscated property after the verdict. The platform's open data show which "
        "properties are available, who uses them and with what results."
    ):
        (
            "Urmăriți ce se întâmplă cu bunurile confiscate după hotărârea judecătorească. Datele deschise ale "
            "platformei arată ce bunuri sunt disponibile, cine le folosește și cu ce rezultate."
        ),
    "Join a workshop or a training":
        "Participați la un atelier sau la o instruire",
    "Meet offices and organisations from the region and learn from each other.":
        "Cunoașteți oficii și organizații din regiune și învățați unii de la alții.",
    "What is social re-use?":
        "Ce este reutilizarea socială?",
    (
        "When a court confiscates a criminal's property, it can be given back to the community. Here is what that "
        "means and why it matters."
    ):
        (
            "Când o instanță confiscă bunul unui infractor, acesta poate fi redat comunității. Iată ce înseamnă acest"
            " lucru și de ce contează."
        ),
    "From crime to community":
        "De la crimă la comunitate",
    (
        "Organised crime and corruption make people rich at everyone else's expense. When the police and prosecutors "
        "trace that wealth and a court confiscates it, the state becomes the owner of flats, houses, land, businesses"
        " and vehicles."
    ):
        (
            "Crima organizată și corupția îi îmbogățesc pe unii pe seama tuturor celorlalți. Când poliția și "
            "procurorii dau de urma acestei averi și o instanță o confiscă, statul devine proprietarul unor "
            "apartamente, case, terenuri, firme și vehicule."
        ),
    (
        "<b>Social re-use</b> means handing such a property to a civil society organisation or a public body that "
        "uses it for the good of the community: a youth centre, a shelter, a social farm or a place for culture."
    ):
        (
            "<b>Reutilizarea socială</b> înseamnă predarea unui astfel de bun unei organizații a societății civile "
            "sau unei instituții publice care îl folosește în folosul comunității: un centru pentru tineret, un "
            "adăpost, o fermă socială sau un loc pentru cultură."
        ),
    (
        "Seizing and confiscating criminal assets is an effective tool to dismantle criminal networks and counter the"
        " threats posed by organized crime and corruption."
    ):
        (
            "Sechestrarea și confiscarea bunurilor infracționale este un instrument eficient pentru destructurarea "
            "rețelelor infracționale și contracararea amenințărilor crimei organizate și ale corupției."
        ),
    "From the description of the programme Strengthening Asset Recovery Efforts in the OSCE Region":
        "Din descrierea programului Consolidarea eforturilor de recuperare a bunurilor în regiunea OSCE",
    "Why it matters":
        "De ce contează",
    (
        "Taking the gains of crime away weakens criminal groups. Using them for the community shows, in a street "
        "everyone knows, that crime does not pay and that the law works for ordinary people."
    ):
        (
            "Luarea câștigurilor din infracțiuni slăbește grupările infracționale. Folosirea lor pentru comunitate "
            "arată, pe o stradă pe care o cunoaște toată lumea, că infracțiunea nu aduce câștig și că legea lucrează "
            "pentru oamenii obișnuiți."
        ),
    "Social re-use in the region, from the platform":
        "Reutilizarea socială în regiune, după datele platformei",
    "Questions people ask":
        "Întrebări pe care le pun oamenii",
    "Who owns a confiscated property?":
        "Cine deține un bun confiscat?",
    (
        "Once a court has confiscated it, the state does. An Asset Management Office looks after it until it is sold,"
        " used by the state or given for social re-use."
    ):
        (
            "După ce instanța l-a confiscat, statul. Un oficiu de administrare a bunurilor are grijă de el până când "
            "este vândut, folosit de stat sau dat pentru reutilizare socială."
        ),
    "Who can use it?":
        "Cine îl poate folosi?",
    (
        "Civil society organisations and public bodies that serve the community, under the rules of each country. The"
        " office decides, usually after a public call."
    ):
        (
            "Organizațiile societății civile și instituțiile publice care servesc comunitatea, potrivit regulilor "
            "fiecărei țări. Oficiul decide, de obicei după un apel public."
        ),
    "Does the organisation become the owner?":
        "Devine organizația proprietară?",
    "No. It signs an agreement to use the property for a set time and purpose, and reports on what it does there.":
        (
            "Nu. Ea semnează un acord prin care folosește bunul pentru o perioadă și un scop stabilite și raportează "
            "ce face acolo."
        ),
    "What are the challenges?":
        "Care sunt provocările?",
    (
        "Properties often need repairs, running costs must be covered and some neighbours may be afraid at first. "
        "Working with the office and the municipality from the start helps."
    ):
        (
            "Bunurile au adesea nevoie de reparații, costurile de funcționare trebuie acoperite, iar unii vecini se "
            "pot teme la început. Ajută colaborarea cu oficiul și cu primăria de la bun început."
        ),
    "How can I follow what happens to a property?":
        "Cum pot urmări ce se întâmplă cu un bun?",
    (
        "Properties, calls and re-use projects are published on this platform with their history, so anyone can see "
        "who decided what and what came of it."
    ):
        (
            "Bunurile, apelurile și proiectele de reutilizare sunt publicate pe această platformă cu istoricul lor, "
            "astfel încât oricine poate vedea cine a decis ce și ce a rezultat."
        ),
    "Re-use projects on the map":
        "Proiecte de reutilizare pe hartă",
    "Ready to take part?":
        "Sunteți gata să participați?",
    "Organisations, offices, municipalities and journalists all have a part to play.":
        "Organizațiile, oficiile, primăriile și jurnaliștii au cu toții un rol de jucat.",
    "Read more":
        "Citiți mai mult",
    "Awareness workshop: social re-use in Tirana":
        "Atelier de conștientizare: reutilizarea socială la Tirana",
    (
        "An afternoon in Albanian on what social re-use is, what it has achieved and how residents and organisations "
        "can take part."
    ):
        (
            "O după-amiază în limba albaneză despre ce este reutilizarea socială, ce a realizat și cum pot participa "
            "locuitorii și organizațiile."
        ),
    "Community hall in central Tirana":
        "Sala comunitară din centrul Tiranei",
    "Tirana, Albania":
        "Tirana, Albania",
    (
        "I agree that the organisers keep my name, e-mail address and organisation to run this event and to contact "
        "me about it. They are deleted six months after the event."
    ):
        (
            "Sunt de acord ca organizatorii să păstreze numele, adresa de e-mail și organizația mea pentru a organiza"
            " acest eveniment și pentru a mă contacta în legătură cu el. Acestea sunt șterse la șase luni după "
            "eveniment."
        ),
    "The workshop is held in Albanian. Places are limited: register to keep yours.":
        "Atelierul se desfășoară în limba albaneză. Locurile sunt limitate: înscrieți-vă pentru a vă păstra locul.",
    "Online training: working together on a confiscated property":
        "Instruire online: cum lucrăm împreună pentru un bun confiscat",
    (
        "For staff of Asset Management Offices and civil society organisations: how to prepare a call, a proposal and"
        " an agreement for social re-use."
    ):
        (
            "Pentru personalul oficiilor de administrare a bunurilor și al organizațiilor societății civile: cum se "
            "pregătesc un apel, o propunere și un acord pentru reutilizare socială."
        ),
    "The training is held online in English. The link is sent to registered participants.":
        "Instruirea are loc online, în limba engleză. Linkul este trimis participanților înscriși.",
    "Regional conference on the social re-use of confiscated assets":
        "Conferință regională privind reutilizarea socială a bunurilor confiscate",
    "Offices, organisations, prosecutors and municipalities from six countries share what works.":
        "Oficii, organizații, procurori și primării din șase țări împărtășesc ce funcționează.",
    "Conference hall in Sarajevo":
        "Sală de conferințe din Sarajevo",
    "Sarajevo, Bosnia and Herzegovina":
        "Sarajevo, Bosnia și Herțegovina",
    "A day of short talks and discussions, with interpretation into the languages of the region.":
        "O zi de prezentări scurte și discuții, cu interpretare în limbile regiunii.",
    "Resources":
        "Resurse",
    "Guides, checklists and reports to download.":
        "Ghiduri, liste de verificare și rapoarte de descărcat.",
    "News":
        "Știri",
    "What is new in the network and the programme.":
        "Ce este nou în rețea și în program.",
    "A regional programme for asset recovery starts":
        "Începe un program regional de recuperare a bunurilor",
    (
        "The programme Strengthening Asset Recovery Efforts in the OSCE Region started on 1 September 2022 in six "
        "countries."
    ):
        (
            "Programul Consolidarea eforturilor de recuperare a bunurilor în regiunea OSCE a început la 1 septembrie "
            "2022 în șase țări."
        ),
    (
        "It supports judges, prosecutors and Asset Management Offices, and raises awareness of the social re-use of "
        "confiscated assets."
    ):
        (
            "El sprijină judecătorii, procurorii și oficiile de administrare a bunurilor și crește gradul de "
            "conștientizare privind reutilizarea socială a bunurilor confiscate."
        ),
    "A regional network of civil society organisations":
        "O rețea regională a organizațiilor societății civile",
    "Organisations that can benefit from social re-use now have a platform to work together across borders.":
        (
            "Organizațiile care pot beneficia de reutilizarea socială au acum o platformă pentru a lucra împreună "
            "dincolo de granițe."
        ),
    "The network helps organisations exchange information and find partners in other countries for their proposals.":
        (
            "Rețeaua ajută organizațiile să facă schimb de informații și să găsească parteneri în alte țări pentru "
            "propunerile lor."
        ),
    "From the Albanian pilot to the whole region":
        "De la proiectul pilot din Albania la întreaga regiune",
    "The social re-use project supported in Albania in 2021 and 2022 is the model for the next ones.":
        "Proiectul de reutilizare socială sprijinit în Albania în 2021 și 2022 este modelul pentru cele următoare.",
    (
        "Offices and organisations in the other countries are now invited to re-use a confiscated asset together, "
        "with the programme's support."
    ):
        (
            "Oficiile și organizațiile din celelalte țări sunt acum invitate să reutilizeze împreună un bun "
            "confiscat, cu sprijinul programului."
        ),
}
