"""The demo campaign in Macedonian (Cyrillic): {English string: translation} (see `campaign.demo_content`)."""

TRANSLATIONS = {
    "Re-use network":
        "Мрежа за повторна употреба",
    "Confiscated assets, returned to the community":
        "Конфискуван имот, вратен на заедницата",
    (
        "Flats, villas, land and farms taken from organised crime and corruption can become youth centres, shelters "
        "and social farms. This network brings together the civil society organisations that re-use them and the "
        "Asset Management Offices that make them available, across six countries."
    ):
        (
            "Станови, вили, земјиште и фарми одземени од организираниот криминал и корупцијата можат да станат "
            "младински центри, засолништа и социјални фарми. Оваа мрежа ги обединува граѓанските организации што ги "
            "користат повторно и канцелариите за управување со имот што ги ставаат на располагање, во шест земји."
        ),
    "Your organisation could use a property":
        "Вашата организација би можела да користи имот",
    (
        "Find out how civil society organisations apply for confiscated property and work with the offices that "
        "manage it."
    ):
        (
            "Дознајте како граѓанските организации аплицираат за конфискуван имот и како соработуваат со канцелариите"
            " што управуваат со него."
        ),
    "How to take part":
        "Како да учествувате",
    "Learn with others":
        "Учете со другите",
    "Awareness workshops and trainings for offices, organisations and everyone who is interested.":
        "Работилници за подигање на свеста и обуки за канцеларии, организации и сите заинтересирани.",
    "See the events":
        "Погледнете ги настаните",
    "Read how it works elsewhere":
        "Прочитајте како функционира на други места",
    "Handbooks, guidelines and checklists to download.":
        "Прирачници, насоки и контролни листи за преземање.",
    "Open the resources":
        "Отворете ги ресурсите",
    "The network today":
        "Мрежата денес",
    (
        "Every figure here is counted from the platform's own records and changes as offices publish properties and "
        "organisations report their results."
    ):
        (
            "Секоја бројка овде е пресметана од евиденцијата на самата платформа и се менува како што канцелариите "
            "објавуваат имоти, а организациите известуваат за своите резултати."
        ),
    "About the programme":
        "За програмата",
    (
        "This network is part of the third component of the programme Strengthening Asset Recovery Efforts in the "
        "OSCE Region."
    ):
        (
            "Оваа мрежа е дел од третата компонента на програмата Зајакнување на напорите за враќање на имот во "
            "регионот на ОБСЕ."
        ),
    (
        "The programme helps Albania, Bosnia and Herzegovina, Montenegro, North Macedonia, Serbia and Moldova recover"
        " the assets of organised crime and corruption. It started in September 2022 and is implemented by the OSCE "
        "Secretariat: its Transnational Threats Department and the Office of the Co-ordinator of OSCE Economic and "
        "Environmental Activities."
    ):
        (
            "Програмата им помага на Албанија, Босна и Херцеговина, Црна Гора, Северна Македонија, Србија и Молдавија"
            " да го вратат имотот стекнат со организиран криминал и корупција. Започна во септември 2022 година и ја "
            "спроведува Секретаријатот на ОБСЕ: Одделението за транснационални закани и Канцеларијата на "
            "координаторот за економски и еколошки активности на ОБСЕ."
        ),
    "Three components":
        "Три компоненти",
    (
        "Training and tools for judges and prosecutors to identify, seize and confiscate criminal assets, with the "
        "national Judicial Training Academies."
    ):
        (
            "Обуки и алатки за судии и обвинители за откривање, привремено одземање и конфискација на имот стекнат со"
            " криминал, заедно со националните академии за судии и јавни обвинители."
        ),
    (
        "Support for two regional networks: the Balkan Asset Management Interagency Network (BAMIN) of 19 Asset "
        "Management Offices and the Permanent Conference of Organized Crime Prosecutors, which brings together 13 "
        "prosecutor's offices."
    ):
        (
            "Поддршка за две регионални мрежи: Балканската меѓуагенциска мрежа за управување со имот (БАМИН), која "
            "обединува 19 канцеларии за управување со имот, и Постојаната конференција на обвинители за организиран "
            "криминал, која обединува 13 обвинителства."
        ),
    (
        "Awareness of social re-use, a regional network of civil society organisations, and trainings that help "
        "offices and organisations re-use assets together."
    ):
        (
            "Подигање на свеста за социјалната повторна употреба, регионална мрежа на граѓански организации и обуки "
            "што им помагаат на канцелариите и организациите заедно повторно да користат имот."
        ),
    "Privacy":
        "Приватност",
    "What we keep about you, why, and for how long.":
        "Што чуваме за вас, зошто и колку долго.",
    (
        "When you register for an event we keep your name, e-mail address and organisation to run the event, and "
        "delete them six months after it. When you subscribe to the newsletter we keep your e-mail address until you "
        "unsubscribe."
    ):
        (
            "Кога ќе се пријавите за настан, ги чуваме вашето име, адресата на е-пошта и организацијата за да го "
            "организираме настанот и ги бришеме шест месеци по него. Кога ќе се претплатите на билтенот, ја чуваме "
            "вашата адреса на е-пошта додека не се одјавите."
        ),
    "Pages are served without advertising or tracking cookies.":
        "Страниците се прикажуваат без реклами и без колачиња за следење.",
    "Contact":
        "Контакт",
    "Questions about the network, the platform or an event? Write to us.":
        "Имате прашање за мрежата, платформата или некој настан? Пишете ни.",
    (
        "Organisations with a question about a property or a call should contact the Asset Management Office that "
        "published it: its details are on the property's page."
    ):
        (
            "Организациите што имаат прашање за некој имот или повик треба да се обратат до канцеларијата за "
            "управување со имот што го објавила: нејзините податоци се на страницата на имотот."
        ),
    "Stories":
        "Приказни",
    "Places taken from crime and what communities made of them.":
        "Места одземени од криминалот и што направиле заедниците од нив.",
    "A flat in Novi Sad becomes a youth centre":
        "Стан во Нови Сад станува младински центар",
    (
        "A confiscated flat near the centre of Novi Sad is now a youth centre with a homework club, cooking classes "
        "and a repair café."
    ):
        (
            "Конфискуван стан во близина на центарот на Нови Сад сега е младински центар со клуб за помош во учењето,"
            " курсеви за готвење и кафуле за поправки."
        ),
    "Illustration: a grey house with boarded-up windows and a closed door.":
        "Илустрација: сива куќа со заковани прозорци и затворена врата.",
    (
        "When the office handed the flat over, the walls were peeling, the bathroom was damp and the wiring had to be"
        " renewed."
    ):
        (
            "Кога канцеларијата го предаде станот, ѕидовите се лупеа, бањата беше влажна, а електричната инсталација "
            "требаше да се обнови."
        ),
    "Illustration: the same house painted, with open windows, a tree and a bench in front.":
        "Илустрација: истата куќа, обоена, со отворени прозорци, дрво и клупа пред неа.",
    "Volunteers repainted it and fitted the kitchen. The centre opened four months later.":
        "Волонтерите го обоија и ја опремија кујната. Центарот се отвори четири месеци подоцна.",
    (
        "Children from the nearby settlement come to the homework club on weekdays. On Saturdays the repair café is "
        "open to the whole neighbourhood, and in summer the centre runs camps. Entry is free."
    ):
        (
            "Децата од блиската населба доаѓаат во клубот за помош во учењето во работните денови. Во сабота кафулето"
            " за поправки е отворено за целото соседство, а во лето центарот организира кампови. Влезот е бесплатен."
        ),
    "The first pilot: social re-use in Albania":
        "Првиот пилот-проект: социјална повторна употреба во Албанија",
    (
        "In 2021 and 2022 the programme's first phase supported one social re-use project in Albania. Its experience "
        "now helps other countries."
    ):
        (
            "Во 2021 и 2022 година првата фаза на програмата поддржа еден проект за социјална повторна употреба во "
            "Албанија. Неговото искуство сега им помага на другите земји."
        ),
    (
        "A confiscated property that nobody used costs the state money and reminds the neighbours of the crime behind"
        " it."
    ):
        (
            "Конфискуван имот што никој не го користи ја чини државата пари и ги потсетува соседите на злосторството "
            "зад него."
        ),
    "Given to the community, the same property can serve the people who live around it.":
        "Даден на заедницата, истиот имот може да им служи на луѓето што живеат околу него.",
    (
        "The first phase of the programme supported one concrete example of social re-use in Albania, in 2021 and "
        "2022. It showed what an Asset Management Office and a civil society organisation need to agree on to work "
        "together."
    ):
        (
            "Првата фаза на програмата поддржа еден конкретен пример на социјална повторна употреба во Албанија, во "
            "2021 и 2022 година. Тој покажа за што треба да се договорат канцеларијата за управување со имот и "
            "граѓанската организација за да работат заедно."
        ),
    (
        "The second phase takes stock of this experience and supports offices and organisations in the other "
        "countries to re-use a confiscated asset for social purposes together."
    ):
        (
            "Втората фаза се потпира на ова искуство и ги поддржува канцелариите и организациите во другите земји "
            "заедно повторно да употребат конфискуван имот за социјални цели."
        ),
    "Nineteen offices, one network":
        "Деветнаесет канцеларии, една мрежа",
    (
        "How the Asset Management Offices of the region learn from each other in the Balkan Asset Management "
        "Interagency Network."
    ):
        (
            "Како канцелариите за управување со имот во регионот учат една од друга во Балканската меѓуагенциска "
            "мрежа за управување со имот."
        ),
    "A confiscated hotel or farm must be looked after until it is sold or re-used, which takes skills and money.":
        (
            "За конфискуван хотел или фарма мора да се грижи некој додека не се продадат или повторно употребат, а за"
            " тоа се потребни знаење и пари."
        ),
    "In BAMIN, 19 Asset Management Offices share information and good practices.":
        "Во БАМИН, 19 канцеларии за управување со имот разменуваат информации и добри практики.",
    (
        "The programme supports BAMIN with trainings, individual mentoring on specific management cases and its "
        "Annual General Meetings, where members and observers take part. The aim is to manage seized and confiscated "
        "assets more efficiently and at lower cost."
    ):
        (
            "Програмата го поддржува БАМИН со обуки, индивидуално менторство за конкретни случаи на управување и со "
            "неговите годишни генерални собранија, на кои учествуваат членовите и набљудувачите. Целта е привремено "
            "одземениот и конфискуваниот имот да се управува поефикасно и со помали трошоци."
        ),
    "Events and trainings":
        "Настани и обуки",
    "Awareness workshops, trainings for offices and organisations, and regional meetings.":
        "Работилници за подигање на свеста, обуки за канцеларии и организации и регионални средби.",
    "Social re-use works when everyone involved plays their part. Here is where to start.":
        "Социјалната повторна употреба успева кога секој вклучен ја игра својата улога. Еве од каде да започнете.",
    "Civil society organisations":
        "Граѓански организации",
    (
        "Register your organisation on the platform and have it verified. You can then see the properties available "
        "in six countries, apply to calls on your own or with partners from other countries, and report what your "
        "project achieves."
    ):
        (
            "Регистрирајте ја вашата организација на платформата и верификувајте ја. Потоа можете да ги видите "
            "имотите достапни во шест земји, да аплицирате на повици сами или со партнери од други земји и да "
            "известувате што постигнува вашиот проект."
        ),
    "Asset Management Offices":
        "Канцеларии за управување со имот",
    (
        "Publish the properties your office can make available, open calls for proposals and record every step of the"
        " decision, so that the public can follow it."
    ):
        (
            "Објавете ги имотите што вашата канцеларија може да ги стави на располагање, отворете повици за предлози "
            "и запишете го секој чекор од одлуката, за да може јавноста да го следи."
        ),
    "Municipalities":
        "Општини",
    (
        "A re-used property serves your residents. Help the organisation with permits, utilities and local partners, "
        "and tell your community what is happening."
    ):
        (
            "Повторно употребениот имот им служи на вашите жители. Помогнете ѝ на организацијата со дозволи, "
            "комунални приклучоци и локални партнери и кажете ѝ на вашата заедница што се случува."
        ),
    "Media":
        "Медиуми",
    (
        "Follow what happens to confiscated property after the verdict. The platform's open data show which "
        "properties are available, who uses them and with what results."
    ):
        (
            "Следете што се случува со конфискуваниот имот по пресудата. Отворените податоци на платформата "
            "покажуваат кои имоти се достапни, кој ги користи и со какви резултати."
        ),
    "Join a workshop or a training":
        "Приклучете се на работилница или обука",
    "Meet offices and organisations from the region and learn from each other.":
        "Запознајте канцеларии и организации од регионот и учете едни од други.",
    "What is social re-use?":
        "Што е социјална повторна употреба?",
    (
        "When a court confiscates a criminal's property, it can be given back to the community. Here is what that "
        "means and why it matters."
    ):
        (
            "Кога суд ќе го конфискува имотот на криминалец, тој може да ѝ се врати на заедницата. Еве што значи тоа "
            "и зошто е важно."
        ),
    "From crime to community":
        "Од криминал до заедница",
    (
        "Organised crime and corruption make people rich at everyone else's expense. When the police and prosecutors "
        "trace that wealth and a court confiscates it, the state becomes the owner of flats, houses, land, businesses"
        " and vehicles."
    ):
        (
            "Организираниот криминал и корупцијата збогатуваат поединци на сметка на сите други. Кога полицијата и "
            "обвинителите ќе му влезат во трага на тоа богатство и судот ќе го конфискува, државата станува "
            "сопственик на станови, куќи, земјиште, фирми и возила."
        ),
    (
        "<b>Social re-use</b> means handing such a property to a civil society organisation or a public body that "
        "uses it for the good of the community: a youth centre, a shelter, a social farm or a place for culture."
    ):
        (
            "<b>Социјална повторна употреба</b> значи таков имот да се предаде на граѓанска организација или јавна "
            "институција што го користи за доброто на заедницата: како младински центар, засолниште, социјална фарма "
            "или простор за култура."
        ),
    (
        "Seizing and confiscating criminal assets is an effective tool to dismantle criminal networks and counter the"
        " threats posed by organized crime and corruption."
    ):
        (
            "Привременото одземање и конфискацијата на имот стекнат со криминал се ефикасна алатка за разбивање на "
            "криминалните мрежи и спротивставување на заканите од организираниот криминал и корупцијата."
        ),
    "From the description of the programme Strengthening Asset Recovery Efforts in the OSCE Region":
        "Од описот на програмата Зајакнување на напорите за враќање на имот во регионот на ОБСЕ",
    "Why it matters":
        "Зошто е важно",
    (
        "Taking the gains of crime away weakens criminal groups. Using them for the community shows, in a street "
        "everyone knows, that crime does not pay and that the law works for ordinary people."
    ):
        (
            "Одземањето на добивката од криминал ги ослабува криминалните групи. Нејзината употреба за заедницата "
            "покажува, на улица што сите ја знаат, дека криминалот не се исплаќа и дека законот работи за обичните "
            "луѓе."
        ),
    "Social re-use in the region, from the platform":
        "Социјалната повторна употреба во регионот, според платформата",
    "Questions people ask":
        "Прашања што луѓето ги поставуваат",
    "Who owns a confiscated property?":
        "Кој е сопственик на конфискуван имот?",
    (
        "Once a court has confiscated it, the state does. An Asset Management Office looks after it until it is sold,"
        " used by the state or given for social re-use."
    ):
        (
            "Откако судот ќе го конфискува, сопственик е државата. Канцеларијата за управување со имот се грижи за "
            "него додека не се продаде, додека не го користи државата или додека не се даде за социјална повторна "
            "употреба."
        ),
    "Who can use it?":
        "Кој може да го користи?",
    (
        "Civil society organisations and public bodies that serve the community, under the rules of each country. The"
        " office decides, usually after a public call."
    ):
        (
            "Граѓански организации и јавни институции што ѝ служат на заедницата, според правилата на секоја земја. "
            "Одлуката ја носи канцеларијата, обично по јавен повик."
        ),
    "Does the organisation become the owner?":
        "Дали организацијата станува сопственик?",
    "No. It signs an agreement to use the property for a set time and purpose, and reports on what it does there.":
        (
            "Не. Таа потпишува договор за користење на имотот за определено време и цел и известува за тоа што прави "
            "во него."
        ),
    "What are the challenges?":
        "Кои се предизвиците?",
    (
        "Properties often need repairs, running costs must be covered and some neighbours may be afraid at first. "
        "Working with the office and the municipality from the start helps."
    ):
        (
            "На имотите често им се потребни поправки, трошоците за одржување мора да се покријат, а некои соседи во "
            "почетокот може да се плашат. Помага соработката со канцеларијата и општината уште од почетокот."
        ),
    "How can I follow what happens to a property?":
        "Како можам да следам што се случува со некој имот?",
    (
        "Properties, calls and re-use projects are published on this platform with their history, so anyone can see "
        "who decided what and what came of it."
    ):
        (
            "Имотите, повиците и проектите за повторна употреба се објавуваат на оваа платформа со нивната историја, "
            "така што секој може да види кој што одлучил и што произлегло од тоа."
        ),
    "Re-use projects on the map":
        "Проекти за повторна употреба на картата",
    "Ready to take part?":
        "Подготвени сте да учествувате?",
    "Organisations, offices, municipalities and journalists all have a part to play.":
        "Организациите, канцелариите, општините и новинарите, сите имаат своја улога.",
    "Read more":
        "Прочитајте повеќе",
    "Awareness workshop: social re-use in Tirana":
        "Работилница за подигање на свеста: социјална повторна употреба во Тирана",
    (
        "An afternoon in Albanian on what social re-use is, what it has achieved and how residents and organisations "
        "can take part."
    ):
        (
            "Едно попладне на албански јазик за тоа што е социјална повторна употреба, што постигнала и како жителите"
            " и организациите можат да учествуваат."
        ),
    "Community hall in central Tirana":
        "Сала на месната заедница во центарот на Тирана",
    "Tirana, Albania":
        "Тирана, Албанија",
    (
        "I agree that the organisers keep my name, e-mail address and organisation to run this event and to contact "
        "me about it. They are deleted six months after the event."
    ):
        (
            "Се согласувам организаторите да ги чуваат моето име, адресата на е-пошта и организацијата за да го "
            "организираат овој настан и да ме контактираат во врска со него. Тие се бришат шест месеци по настанот."
        ),
    "The workshop is held in Albanian. Places are limited: register to keep yours.":
        (
            "Работилницата се одржува на албански јазик. Местата се ограничени: пријавете се за да го обезбедите "
            "своето."
        ),
    "Online training: working together on a confiscated property":
        "Онлајн обука: заедничка работа на конфискуван имот",
    (
        "For staff of Asset Management Offices and civil society organisations: how to prepare a call, a proposal and"
        " an agreement for social re-use."
    ):
        (
            "За вработените во канцелариите за управување со имот и во граѓанските организации: како да се подготви "
            "повик, предлог и договор за социјална повторна употреба."
        ),
    "The training is held online in English. The link is sent to registered participants.":
        "Обуката се одржува онлајн на англиски јазик. Врската се испраќа до пријавените учесници.",
    "Regional conference on the social re-use of confiscated assets":
        "Регионална конференција за социјалната повторна употреба на конфискуван имот",
    "Offices, organisations, prosecutors and municipalities from six countries share what works.":
        "Канцеларии, организации, обвинители и општини од шест земји споделуваат што функционира.",
    "Conference hall in Sarajevo":
        "Конференциска сала во Сараево",
    "Sarajevo, Bosnia and Herzegovina":
        "Сараево, Босна и Херцеговина",
    "A day of short talks and discussions, with interpretation into the languages of the region.":
        "Еден ден кратки излагања и дискусии, со толкување на јазиците од регионот.",
    "Resources":
        "Ресурси",
    "Guides, checklists and reports to download.":
        "Водичи, контролни листи и извештаи за преземање.",
    "News":
        "Вести",
    "What is new in the network and the programme.":
        "Што има ново во мрежата и во програмата.",
    "A regional programme for asset recovery starts":
        "Започнува регионална програма за враќање на имот",
    (
        "The programme Strengthening Asset Recovery Efforts in the OSCE Region started on 1 September 2022 in six "
        "countries."
    ):
        (
            "Програмата Зајакнување на напорите за враќање на имот во регионот на ОБСЕ започна на 1 септември 2022 "
            "година во шест земји."
        ),
    (
        "It supports judges, prosecutors and Asset Management Offices, and raises awareness of the social re-use of "
        "confiscated assets."
    ):
        (
            "Таа ги поддржува судиите, обвинителите и канцелариите за управување со имот и ја подига свеста за "
            "социјалната повторна употреба на конфискуван имот."
        ),
    "A regional network of civil society organisations":
        "Регионална мрежа на граѓански организации",
    "Organisations that can benefit from social re-use now have a platform to work together across borders.":
        (
            "Организациите што можат да имаат корист од социјалната повторна употреба сега имаат платформа за "
            "заедничка работа преку границите."
        ),
    "The network helps organisations exchange information and find partners in other countries for their proposals.":
        (
            "Мрежата им помага на организациите да разменуваат информации и да најдат партнери во други земји за "
            "своите предлози."
        ),
    "From the Albanian pilot to the whole region":
        "Од албанскиот пилот-проект до целиот регион",
    "The social re-use project supported in Albania in 2021 and 2022 is the model for the next ones.":
        "Проектот за социјална повторна употреба поддржан во Албанија во 2021 и 2022 година е модел за следните.",
    (
        "Offices and organisations in the other countries are now invited to re-use a confiscated asset together, "
        "with the programme's support."
    ):
        (
            "Канцелариите и организациите во другите земји сега се поканети, со поддршка на програмата, заедно "
            "повторно да употребат конфискуван имот."
        ),
}
