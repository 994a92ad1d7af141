"""The demo campaign in Serbian in Cyrillic: {English string: translation} (see `campaign.demo_content`)."""

TRANSLATIONS = {
    "Re-use network":
        "Мрежа за поновну употребу",
    "Confiscated assets, returned to the community":
        "Одузета имовина, враћена заједници",
    (
        "Flats, villas, land and farms taken from organised crime and corruption can become youth centres, shelters "
        "and social farms. This network brings together the civil society organisations that re-use them and the "
        "Asset Management Offices that make them available, across six countries."
    ):
        (
            "Станови, виле, земљиште и фарме одузети од организованог криминала и корупције могу постати омладински "
            "центри, склоништа и социјалне фарме. Ова мрежа окупља организације цивилног друштва које их поново "
            "користе и канцеларије за управљање имовином које их стављају на располагање, у шест земаља."
        ),
    "Your organisation could use a property":
        "Ваша организација би могла да користи непокретност",
    (
        "Find out how civil society organisations apply for confiscated property and work with the offices that "
        "manage it."
    ):
        (
            "Сазнајте како се организације цивилног друштва пријављују за одузету имовину и како сарађују са "
            "канцеларијама које њоме управљају."
        ),
    "How to take part":
        "Како да учествујете",
    "Learn with others":
        "Учите са другима",
    "Awareness workshops and trainings for offices, organisations and everyone who is interested.":
        "Радионице за подизање свести и обуке за канцеларије, организације и све заинтересоване.",
    "See the events":
        "Погледајте догађаје",
    "Read how it works elsewhere":
        "Прочитајте како то функционише на другим местима",
    "Handbooks, guidelines and checklists to download.":
        "Приручници, смернице и контролне листе за преузимање.",
    "Open the resources":
        "Отворите ресурсе",
    "The network today":
        "Мрежа данас",
    (
        "Every figure here is counted from the platform's own records and changes as offices publish properties and "
        "organisations report their results."
    ):
        (
            "Сваки број овде израчунат је из евиденције саме платформе и мења се како канцеларије објављују "
            "непокретности, а организације извештавају о својим резултатима."
        ),
    "About the programme":
        "О програму",
    (
        "This network is part of the third component of the programme Strengthening Asset Recovery Efforts in the "
        "OSCE Region."
    ):
        "Ова мрежа је део треће компоненте програма Јачање напора за повраћај имовине у региону ОЕБС-а.",
    (
        "The programme helps Albania, Bosnia and Herzegovina, Montenegro, North Macedonia, Serbia and Moldova recover"
        " the assets of organised crime and corruption. It started in September 2022 and is implemented by the OSCE "
        "Secretariat: its Transnational Threats Department and the Office of the Co-ordinator of OSCE Economic and "
        "Environmental Activities."
    ):
        (
            "Програм помаже Албанији, Босни и Херцеговини, Црној Гори, Северној Македонији, Србији и Молдавији да "
            "поврате имовину стечену организованим криминалом и корупцијом. Почео је у септембру 2022. године, а "
            "спроводи га Секретаријат ОЕБС-а: Одељење за транснационалне претње и Канцеларија координатора економских"
            " и еколошких активности ОЕБС-а."
        ),
    "Three components":
        "Три компоненте",
    (
        "Training and tools for judges and prosecutors to identify, seize and confiscate criminal assets, with the "
        "national Judicial Training Academies."
    ):
        (
            "Обуке и алати за судије и тужиоце за откривање, привремено одузимање и одузимање имовине стечене "
            "криминалом, заједно са националним правосудним академијама."
        ),
    (
        "Support for two regional networks: the Balkan Asset Management Interagency Network (BAMIN) of 19 Asset "
        "Management Offices and the Permanent Conference of Organized Crime Prosecutors, which brings together 13 "
        "prosecutor's offices."
    ):
        (
            "Подршка двема регионалним мрежама: Балканској међуагенцијској мрежи за управљање имовином (БАМИН), која "
            "окупља 19 канцеларија за управљање имовином, и Сталној конференцији тужилаца за организовани криминал, "
            "која окупља 13 тужилаштава."
        ),
    (
        "Awareness of social re-use, a regional network of civil society organisations, and trainings that help "
        "offices and organisations re-use assets together."
    ):
        (
            "Подизање свести о друштвеној поновној употреби, регионална мрежа организација цивилног друштва и обуке "
            "које помажу канцеларијама и организацијама да заједно поново користе имовину."
        ),
    "Privacy":
        "Приватност",
    "What we keep about you, why, and for how long.":
        "Шта чувамо о вама, зашто и колико дуго.",
    (
        "When you register for an event we keep your name, e-mail address and organisation to run the event, and "
        "delete them six months after it. When you subscribe to the newsletter we keep your e-mail address until you "
        "unsubscribe."
    ):
        (
            "Када се пријавите за догађај, чувамо ваше име, имејл адресу и организацију како бисмо организовали "
            "догађај, а бришемо их шест месеци после њега. Када се претплатите на билтен, чувамо вашу имејл адресу "
            "док се не одјавите."
        ),
    "Pages are served without advertising or tracking cookies.":
        "Странице се приказују без реклама и колачића за праћење.",
    "Contact":
        "Контакт",
    "Questions about the network, the platform or an event? Write to us.":
        "Имате питање о мрежи, платформи или неком догађају? Пишите нам.",
    (
        "Organisations with a question about a property or a call should contact the Asset Management Office that "
        "published it: its details are on the property's page."
    ):
        (
            "Организације које имају питање о непокретности или јавном позиву треба да се обрате канцеларији за "
            "управљање имовином која га је објавила: њени подаци су на страници непокретности."
        ),
    "Stories":
        "Приче",
    "Places taken from crime and what communities made of them.":
        "Места одузета од криминала и шта су заједнице од њих направиле.",
    "A flat in Novi Sad becomes a youth centre":
        "Стан у Новом Саду постаје омладински центар",
    (
        "A confiscated flat near the centre of Novi Sad is now a youth centre with a homework club, cooking classes "
        "and a repair café."
    ):
        (
            "Одузети стан близу центра Новог Сада сада је омладински центар са клубом за помоћ у учењу, курсевима "
            "кувања и кафићем за поправке."
        ),
    "Illustration: a grey house with boarded-up windows and a closed door.":
        "Илустрација: сива кућа са закуцаним прозорима и затвореним вратима.",
    (
        "When the office handed the flat over, the walls were peeling, the bathroom was damp and the wiring had to be"
        " renewed."
    ):
        (
            "Када је канцеларија предала стан, зидови су се љуштили, купатило је било влажно, а електроинсталације је"
            " требало обновити."
        ),
    "Illustration: the same house painted, with open windows, a tree and a bench in front.":
        "Илустрација: иста кућа, окречена, са отвореним прозорима, дрветом и клупом испред.",
    "Volunteers repainted it and fitted the kitchen. The centre opened four months later.":
        "Волонтери су га окречили и опремили кухињу. Центар је отворен четири месеца касније.",
    (
        "Children from the nearby settlement come to the homework club on weekdays. On Saturdays the repair café is "
        "open to the whole neighbourhood, and in summer the centre runs camps. Entry is free."
    ):
        (
            "Деца из оближњег насеља радним данима долазе у клуб за помоћ у учењу. Суботом је кафић за поправке "
            "отворен за цео крај, а лети центар организује кампове. Улаз је бесплатан."
        ),
    "The first pilot: social re-use in Albania":
        "Први пилот-пројекат: друштвена поновна употреба у Албанији",
    (
        "In 2021 and 2022 the programme's first phase supported one social re-use project in Albania. Its experience "
        "now helps other countries."
    ):
        (
            "Током 2021. и 2022. године прва фаза програма подржала је један пројекат друштвене поновне употребе у "
            "Албанији. Његово искуство сада помаже другим земљама."
        ),
    (
        "A confiscated property that nobody used costs the state money and reminds the neighbours of the crime behind"
        " it."
    ):
        "Одузета непокретност коју нико не користи кошта државу и подсећа комшије на злочин који стоји иза ње.",
    "Given to the community, the same property can serve the people who live around it.":
        "Када се да заједници, иста непокретност може да служи људима који живе око ње.",
    (
        "The first phase of the programme supported one concrete example of social re-use in Albania, in 2021 and "
        "2022. It showed what an Asset Management Office and a civil society organisation need to agree on to work "
        "together."
    ):
        (
            "Прва фаза програма подржала је један конкретан пример друштвене поновне употребе у Албанији, током 2021."
            " и 2022. године. Показао је око чега треба да се договоре канцеларија за управљање имовином и "
            "организација цивилног друштва да би радиле заједно."
        ),
    (
        "The second phase takes stock of this experience and supports offices and organisations in the other "
        "countries to re-use a confiscated asset for social purposes together."
    ):
        (
            "Друга фаза се ослања на то искуство и подржава канцеларије и организације у другим земљама да заједно "
            "поново искористе одузету имовину у друштвене сврхе."
        ),
    "Nineteen offices, one network":
        "Деветнаест канцеларија, једна мрежа",
    (
        "How the Asset Management Offices of the region learn from each other in the Balkan Asset Management "
        "Interagency Network."
    ):
        (
            "Како канцеларије за управљање имовином у региону уче једна од друге у Балканској међуагенцијској мрежи "
            "за управљање имовином."
        ),
    "A confiscated hotel or farm must be looked after until it is sold or re-used, which takes skills and money.":
        (
            "О одузетом хотелу или фарми мора да се брине док се не продају или поново употребе, а за то су потребни "
            "знање и новац."
        ),
    "In BAMIN, 19 Asset Management Offices share information and good practices.":
        "У БАМИН-у 19 канцеларија за управљање имовином размењује информације и добре праксе.",
    (
        "The programme supports BAMIN with trainings, individual mentoring on specific management cases and its "
        "Annual General Meetings, where members and observers take part. The aim is to manage seized and confiscated "
        "assets more efficiently and at lower cost."
    ):
        (
            "Програм подржава БАМИН обукама, индивидуалним менторством за конкретне случајеве управљања и годишњим "
            "скупштинама, на којима учествују чланови и посматрачи. Циљ је да се привремено одузетом и одузетом "
            "имовином управља ефикасније и уз мање трошкове."
        ),
    "Events and trainings":
        "Догађаји и обуке",
    "Awareness workshops, trainings for offices and organisations, and regional meetings.":
        "Радионице за подизање свести, обуке за канцеларије и организације и регионални састанци.",
    "Social re-use works when everyone involved plays their part. Here is where to start.":
        "Друштвена поновна употреба успева када сви укључени одиграју своју улогу. Ево одакле да почнете.",
    "Civil society organisations":
        "Организације цивилног друштва",
    (
        "Register your organisation on the platform and have it verified. You can then see the properties available "
        "in six countries, apply to calls on your own or with partners from other countries, and report what your "
        "project achieves."
    ):
        (
            "Региструјте своју организацију на платформи и верификујте је. Тада можете да видите непокретности "
            "доступне у шест земаља, да се пријавите на позиве сами или са партнерима из других земаља и да "
            "извештавате о томе шта ваш пројекат постиже."
        ),
    "Asset Management Offices":
        "Канцеларије за управљање имовином",
    (
        "Publish the properties your office can make available, open calls for proposals and record every step of the"
        " decision, so that the public can follow it."
    ):
        (
            "Објавите непокретности које ваша канцеларија може да стави на располагање, отворите јавне позиве за "
            "предлоге и забележите сваки корак одлуке, како би јавност могла да га прати."
        ),
    "Municipalities":
        "Општине",
    (
        "A re-used property serves your residents. Help the organisation with permits, utilities and local partners, "
        "and tell your community what is happening."
    ):
        (
            "Поново употребљена непокретност служи вашим грађанима. Помозите организацији око дозвола, комуналних "
            "прикључака и локалних партнера и реците својој заједници шта се дешава."
        ),
    "Media":
        "Медији",
    (
        "Follow what happens to confiscated property after the verdict. The platform's open data show which "
        "properties are available, who uses them and with what results."
    ):
        (
            "Пратите шта се дешава са одузетом имовином после пресуде. Отворени подаци платформе показују које су "
            "непокретности доступне, ко их користи и са каквим резултатима."
        ),
    "Join a workshop or a training":
        "Придружите се радионици или обуци",
    "Meet offices and organisations from the region and learn from each other.":
        "Упознајте канцеларије и организације из региона и учите једни од других.",
    "What is social re-use?":
        "Шта је друштвена поновна употреба?",
    (
        "When a court confiscates a criminal's property, it can be given back to the community. Here is what that "
        "means and why it matters."
    ):
        "Када суд одузме имовину криминалца, она може да се врати заједници. Ево шта то значи и зашто је важно.",
    "From crime to community":
        "Од криминала до заједнице",
    (
        "Organised crime and corruption make people rich at everyone else's expense. When the police and prosecutors "
        "trace that wealth and a court confiscates it, the state becomes the owner of flats, houses, land, businesses"
        " and vehicles."
    ):
        (
            "Организовани криминал и корупција богате појединце на рачун свих осталих. Када полиција и тужиоци уђу у "
            "траг том богатству и суд га одузме, држава постаје власник станова, кућа, земљишта, предузећа и возила."
        ),
    (
        "<b>Social re-use</b> means handing such a property to a civil society organisation or a public body that "
        "uses it for the good of the community: a youth centre, a shelter, a social farm or a place for culture."
    ):
        (
            "<b>Друштвена поновна употреба</b> значи да се таква непокретност преда организацији цивилног друштва или"
            " јавној установи која је користи за добро заједнице: као омладински центар, склониште, социјалну фарму "
            "или простор за културу."
        ),
    (
        "Seizing and confiscating criminal assets is an effective tool to dismantle criminal networks and counter the"
        " threats posed by organized crime and corruption."
    ):
        (
            "Привремено одузимање и одузимање имовине стечене криминалом делотворан је алат за разбијање криминалних "
            "мрежа и сузбијање претњи које представљају организовани криминал и корупција."
        ),
    "From the description of the programme Strengthening Asset Recovery Efforts in the OSCE Region":
        "Из описа програма Јачање напора за повраћај имовине у региону ОЕБС-а",
    "Why it matters":
        "Зашто је то важно",
    (
        "Taking the gains of crime away weakens criminal groups. Using them for the community shows, in a street "
        "everyone knows, that crime does not pay and that the law works for ordinary people."
    ):
        (
            "Одузимање добити од криминала слаби криминалне групе. Њена употреба за заједницу показује, у улици коју "
            "сви знају, да се криминал не исплати и да закон ради за обичне људе."
        ),
    "Social re-use in the region, from the platform":
        "Друштвена поновна употреба у региону, према подацима платформе",
    "Questions people ask":
        "Питања која људи постављају",
    "Who owns a confiscated property?":
        "Ко је власник одузете непокретности?",
    (
        "Once a court has confiscated it, the state does. An Asset Management Office looks after it until it is sold,"
        " used by the state or given for social re-use."
    ):
        (
            "Када је суд одузме, власник је држава. Канцеларија за управљање имовином брине о њој док се не прода, "
            "док је не користи држава или док се не да на друштвену поновну употребу."
        ),
    "Who can use it?":
        "Ко може да је користи?",
    (
        "Civil society organisations and public bodies that serve the community, under the rules of each country. The"
        " office decides, usually after a public call."
    ):
        (
            "Организације цивилног друштва и јавне установе које служе заједници, према правилима сваке земље. Одлуку"
            " доноси канцеларија, обично после јавног позива."
        ),
    "Does the organisation become the owner?":
        "Да ли организација постаје власник?",
    "No. It signs an agreement to use the property for a set time and purpose, and reports on what it does there.":
        (
            "Не. Она потписује уговор о коришћењу непокретности на одређено време и у одређену сврху и извештава о "
            "томе шта у њој ради."
        ),
    "What are the challenges?":
        "Који су изазови?",
    (
        "Properties often need repairs, running costs must be covered and some neighbours may be afraid at first. "
        "Working with the office and the municipality from the start helps."
    ):
        (
            "Непокретностима су често потребне поправке, трошкови одржавања морају да се покрију, а неке комшије могу"
            " у почетку да се плаше. Помаже сарадња са канцеларијом и општином од самог почетка."
        ),
    "How can I follow what happens to a property?":
        "Како могу да пратим шта се дешава са непокретношћу?",
    (
        "Properties, calls and re-use projects are published on this platform with their history, so anyone can see "
        "who decided what and what came of it."
    ):
        (
            "Непокретности, јавни позиви и пројекти поновне употребе објављују се на овој платформи са целом својом "
            "историјом, тако да свако може да види ко је шта одлучио и шта је из тога произашло."
        ),
    "Re-use projects on the map":
        "Пројекти поновне употребе на мапи",
    "Ready to take part?":
        "Спремни да учествујете?",
    "Organisations, offices, municipalities and journalists all have a part to play.":
        "Организације, канцеларије, општине и новинари, сви имају своју улогу.",
    "Read more":
        "Прочитајте више",
    "Awareness workshop: social re-use in Tirana":
        "Радионица за подизање свести: друштвена поновна употреба у Тирани",
    (
        "An afternoon in Albanian on what social re-use is, what it has achieved and how residents and organisations "
        "can take part."
    ):
        (
            "Поподне на албанском језику о томе шта је друштвена поновна употреба, шта је постигла и како становници "
            "и организације могу да учествују."
        ),
    "Community hall in central Tirana":
        "Сала месне заједнице у центру Тиране",
    "Tirana, Albania":
        "Тирана, Албанија",
    (
        "I agree that the organisers keep my name, e-mail address and organisation to run this event and to contact "
        "me about it. They are deleted six months after the event."
    ):
        (
            "Слажем се да организатори чувају моје име, имејл адресу и организацију ради организације овог догађаја и"
            " контакта са мном у вези са њим. Бришу се шест месеци после догађаја."
        ),
    "The workshop is held in Albanian. Places are limited: register to keep yours.":
        "Радионица се одржава на албанском језику. Број места је ограничен: пријавите се да обезбедите своје.",
    "Online training: working together on a confiscated property":
        "Онлајн обука: заједнички рад на одузетој непокретности",
    (
        "For staff of Asset Management Offices and civil society organisations: how to prepare a call, a proposal and"
        " an agreement for social re-use."
    ):
        (
            "За запослене у канцеларијама за управљање имовином и организацијама цивилног друштва: како припремити "
            "јавни позив, предлог и уговор за друштвену поновну употребу."
        ),
    "The training is held online in English. The link is sent to registered participants.":
        "Обука се одржава онлајн на енглеском језику. Линк се шаље пријављеним учесницима.",
    "Regional conference on the social re-use of confiscated assets":
        "Регионална конференција о друштвеној поновној употреби одузете имовине",
    "Offices, organisations, prosecutors and municipalities from six countries share what works.":
        "Канцеларије, организације, тужиоци и општине из шест земаља размењују оно што функционише.",
    "Conference hall in Sarajevo":
        "Конференцијска сала у Сарајеву",
    "Sarajevo, Bosnia and Herzegovina":
        "Сарајево, Босна и Херцеговина",
    "A day of short talks and discussions, with interpretation into the languages of the region.":
        "Дан кратких излагања и дискусија, уз превођење на језике региона.",
    "Resources":
        "Ресурси",
    "Guides, checklists and reports to download.":
        "Водичи, контролне листе и извештаји за преузимање.",
    "News":
        "Вести",
    "What is new in the network and the programme.":
        "Шта је ново у мрежи и програму.",
    "A regional programme for asset recovery starts":
        "Почиње регионални програм за повраћај имовине",
    (
        "The programme Strengthening Asset Recovery Efforts in the OSCE Region started on 1 September 2022 in six "
        "countries."
    ):
        (
            "Програм Јачање напора за повраћај имовине у региону ОЕБС-а почео је 1. септембра 2022. године у шест "
            "земаља."
        ),
    (
        "It supports judges, prosecutors and Asset Management Offices, and raises awareness of the social re-use of "
        "confiscated assets."
    ):
        (
            "Подржава судије, тужиоце и канцеларије за управљање имовином и подиже свест о друштвеној поновној "
            "употреби одузете имовине."
        ),
    "A regional network of civil society organisations":
        "Регионална мрежа организација цивилног друштва",
    "Organisations that can benefit from social re-use now have a platform to work together across borders.":
        (
            "Организације које могу да имају користи од друштвене поновне употребе сада имају платформу за заједнички"
            " рад преко граница."
        ),
    "The network helps organisations exchange information and find partners in other countries for their proposals.":
        (
            "Мрежа помаже организацијама да размењују информације и пронађу партнере у другим земљама за своје "
            "предлоге."
        ),
    "From the Albanian pilot to the whole region":
        "Од албанског пилот-пројекта до целог региона",
    "The social re-use project supported in Albania in 2021 and 2022 is the model for the next ones.":
        "Пројекат друштвене поновне употребе подржан у Албанији 2021. и 2022. године модел је за следеће.",
    (
        "Offices and organisations in the other countries are now invited to re-use a confiscated asset together, "
        "with the programme's support."
    ):
        (
            "Канцеларије и организације у другим земљама сада су позване да уз подршку програма заједно поново "
            "искористе одузету имовину."
        ),
}
