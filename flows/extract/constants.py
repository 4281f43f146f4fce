"""Every word list, pattern fragment and threshold of the extractor, in one place."""

from __future__ import annotations

from decimal import Decimal

from flows.extract.vocabulary import reporting_bodies, reporting_body_canonical


def words(text: str) -> frozenset[str]:
    """A set of words written one after another, white space between them."""
    return frozenset(text.split())


LANGUAGES = ("de", "nl", "en", "it")

# Bounded work per document. Extraction time grows linearly with a document's size whatever
# its shape: no step compares every mention, sentence or period with every other, and these
# caps bound what one sentence or one document can ask for. Measured by `python -m bench
# worst-case` on one core: at most about 4 ms per KB (the median news article costs 0.7) plus
# about 2 s (the sentences read for figures up to their cap), so the 20 MB a file may hold
# (`AUTONEWS_MAX_FILE_BYTES`) is read in under 90 s. The caps lie far above what news holds
# (labelled sets and 10kGNAD: sentences up to 1,314 characters, 10 mentions per sentence, 374
# per document), so news reads as without them. The caps of discovery (`DISCOVERY_MAX_*`)
# stand with its other constants below.
# A "sentence" longer than this (a text without full stops) is read in windows of at most
# this many characters, cut at white space, after a comma where one is near.
MAX_SENTENCE_CHARS = 2_000
# A sentence naming more companies than this is a list: its mentions count, but it is read
# for no partnership, stake or sales figure.
MAX_SENTENCE_MENTIONS = 40
# Company mentions (and person mentions) kept per document, and the dictionary hits (parts of
# words among them) after which the search for companies ends (news: at most 374 and 1,112).
MAX_DOCUMENT_MENTIONS = 5_000
MAX_DOCUMENT_NAME_HITS = 20_000
# Sentences read for partnerships and sales figures per document (news: at most 158), each
# one that names two companies or a figure; past the cap a document's mentions still count.
MAX_DOCUMENT_READ_SENTENCES = 1_000
LOCALE_DECIMAL_COMMA = ("de", "nl", "it")

# Language detection: the sample lingua reads, and the function-word vote that decides
# long texts before lingua is asked (lingua costs about 0.45 µs per character).
LANGUAGE_SAMPLE_CHARS = 1_000
STOPWORD_SAMPLE_CHARS = 1_200
STOPWORD_MIN_HITS = 8
STOPWORD_MIN_RATIO = 2.5
STOPWORDS = {
    "de": (
        "der die das und ist nicht mit sich auf für dem den des ein eine einen einem "
        "auch wird werden sind hat haben von zu im bei aus nach wie über oder noch "
        "wurde kann seine sie er es"
    ),
    "nl": (
        "de het een en van is niet met op voor zijn aan ook wordt worden heeft hebben "
        "bij uit naar als over maar nog werd kan deze dat die er ze wat"
    ),
    "en": (
        "the and is not with on for of to in a an it its was were has have been by from "
        "as at this that which are be will would can their they said"
    ),
    "it": (
        "il lo la gli le e è non con su per di del della dei delle un una uno che sono "
        "ha hanno stato stata anche nel nella alla al da dal si più come"
    ),
}

# Document structure.
TITLE_MIN_CHARS = 10
TITLE_MAX_CHARS = 180
DATELINE_SEARCH_CHARS = 600
DATELINE_SEARCH_LINES = 8
# A dateline's date opens its line (after a place name) or stands on a short line.
DATELINE_MAX_OFFSET = 40
DATELINE_SHORT_LINE = 80
JSON_TEXT_KEYS = ("maintext", "text", "body", "content")
JSON_DATE_KEYS = ("date_publish", "date_published", "published", "date")

# Lines that carry no news: promotion, newsletter, "read also", comments, captions, shares.
BOILERPLATE_LINE_PATTERNS = (
    r"ANGEBOTE\?",
    r"\bGutschein",
    r"^\s*(Lesen Sie auch|Lees ook|Lees verder|Leggi anche|Read more|Read also|See also"
    r"|Mehr zum Thema"
    r"|Mehr dazu|Auch interessant|Ook interessant|Related|Potrebbe interessarti)\b",
    r"^\s*(Foto|Fotos|Bild|Bilder|Photo|Image|Credit|Quelle|Bron|Fonte|Source)\s*:",
    r"^\s*(Kommentare|Comments|Reacties|Commenti)\s*\(\d+\)",
    r"\b(Newsletter|nieuwsbrief|Abonnieren|abonneer|iscriviti)\b",
    r"^\s*(Teilen|Share|Delen|Condividi|Tweet|Drucken|Print)\b.{0,40}$",
    r"\b(WhatsApp|Telegram|TELEGRAMM|Facebook|Twitter|LinkedIn|Pinterest)\b.*\b"
    r"(WhatsApp|Telegram|TELEGRAMM|Facebook|Twitter|LinkedIn|Pinterest|teilen|share)\b",
    r"^\s*(Anzeige|Advertentie|Advertisement|Pubblicità|Sponsored)\s*$",
    r"^\s*(Cookie|Cookies)\b",
)
# Longer lines are paragraphs of the article, never boilerplate.
BOILERPLATE_MAX_CHARS = 250
# A line of only capitalised tokens and no punctuation (a tag cloud) is boilerplate too.
TAG_LINE_MIN_TOKENS = 4

# Sentence splitting: tokens before a period that do not end a sentence.
ABBREVIATIONS = words(
    """
    z. b. bzw. mio. mrd. nr. dr. ca. u. a. st. inc. co. ltd. e.g. i.e. ecc. dhr. mevr. prof.
    ggf. evtl. usw. etc. vgl. bspw. inkl. zzgl. rd. tsd. mind. max. min. jh. jhd. abs. str.
    mr. mrs. ms. jr. sr. vs. no. corp. dept. est. approx. fig. gen. gov. sen. rep. mt. bzgl.
    sog. vs. geb. gegr. dipl. ing. hr. fr. jan. feb. mrz. apr. jun. jul. aug. sep. sept.
    okt. oct. nov. dez. dec. bijv. blz. d.w.z. o.a. m.b.t. nl. ca. resp. sig. sig.ra dott.
    ing. avv. pag. tel. p.es. ecc. s.p.a. n.v. b.v. plc. bros. mln. mld. mil. mrd.
    """
)
MONTH_NAMES = {
    "de": {
        "januar": 1,
        "jänner": 1,
        "jan": 1,
        "februar": 2,
        "feb": 2,
        "märz": 3,
        "mär": 3,
        "mrz": 3,
        "april": 4,
        "apr": 4,
        "mai": 5,
        "juni": 6,
        "jun": 6,
        "juli": 7,
        "jul": 7,
        "august": 8,
        "aug": 8,
        "september": 9,
        "sep": 9,
        "sept": 9,
        "oktober": 10,
        "okt": 10,
        "november": 11,
        "nov": 11,
        "dezember": 12,
        "dez": 12,
    },
    "nl": {
        "januari": 1,
        "jan": 1,
        "februari": 2,
        "feb": 2,
        "maart": 3,
        "mrt": 3,
        "april": 4,
        "apr": 4,
        "mei": 5,
        "juni": 6,
        "jun": 6,
        "juli": 7,
        "jul": 7,
        "augustus": 8,
        "aug": 8,
        "september": 9,
        "sep": 9,
        "sept": 9,
        "oktober": 10,
        "okt": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    },
    "en": {
        "january": 1,
        "jan": 1,
        "february": 2,
        "feb": 2,
        "march": 3,
        "mar": 3,
        "april": 4,
        "apr": 4,
        "may": 5,
        "june": 6,
        "jun": 6,
        "july": 7,
        "jul": 7,
        "august": 8,
        "aug": 8,
        "september": 9,
        "sep": 9,
        "sept": 9,
        "october": 10,
        "oct": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    },
    "it": {
        "gennaio": 1,
        "gen": 1,
        "febbraio": 2,
        "feb": 2,
        "marzo": 3,
        "mar": 3,
        "aprile": 4,
        "apr": 4,
        "maggio": 5,
        "mag": 5,
        "giugno": 6,
        "giu": 6,
        "luglio": 7,
        "lug": 7,
        "agosto": 8,
        "ago": 8,
        "settembre": 9,
        "set": 9,
        "ottobre": 10,
        "ott": 10,
        "novembre": 11,
        "nov": 11,
        "dicembre": 12,
        "dic": 12,
    },
}
# Abbreviations that are also weekday abbreviations somewhere: read as a month only
# when the language of the document says so and a day and a year stand beside them.
AMBIGUOUS_MONTH_ABBREVIATIONS = frozenset({"mar", "mi", "di", "do", "ma", "me", "gi", "ve"})

# Company matching.
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2212"
APOSTROPHES = "'\u2019\u02bc`"
# Reference names that are also everyday words: they count as a company only when the
# document speaks of cars or the owner is named too, and never as the head of a compound.
AMBIGUOUS_NAMES = words(
    """
    weltmeister smart mini ram seat lotus proton dana hella ora horse genesis alpine jaguar
    polestar rover fisker lucid nothing arm shell total allianz
    """
)
# Everyday-word names of companies outside the car world count where their own trade is the
# topic: `die Allianz` is the insurer in a text about insurance, an alliance elsewhere.
AMBIGUOUS_NAME_DOMAINS = {
    "allianz": r"versicher\w*|rückversicher\w*|insur\w*|verzeker\w*|assicura\w*|axa|generali",
}
# First names before a family name that is also a company: `Ferdinand Porsche`, `Henry Ford`.
FOUNDER_FIRST_NAMES = words(
    """
    Adam Akio André Armand Bertha Bill Carl Edsel Enzo Ernst Ferdinand Ferruccio Ferry Georg
    Gianni Giovanni Gottlieb Hans Henry Horace James John Karl Kiichiro Louis Ratan Robert
    Soichiro Walter Werner William Wolfgang Wilhelm
    """
)
DOMAIN_CUE_PATTERN = (
    r"auto|fahrzeug|pkw|elektroauto|e-auto|automobil|autobauer|autohersteller|car|cars|vehicle"
    r"|vehicles|automaker|carmaker|voertuig|voertuigen|automerk|veicol[oi]|vettur[ae]"
)
# A brand followed by a model designation (`Porsche 911`, `Xiaomi SU7`) names a product.
MODEL_DESIGNATION_PATTERN = (
    r"[ \t]+(?:[A-Z]{1,3}\d{1,4}[A-Za-z]{0,3}|\d{3}[A-Za-z]{0,2}|[A-Z]{1,3}\d?[.-]?\d+)"
    r"(?![\w.,])(?![ \t]*(?:%|prozent|procent|percent|per\b|millionen|mio\b|milliarden|mrd\b"
    r"|miljoen|miljard|million|billion|milioni|miliardi|mila\b|einheiten|fahrzeuge|autos"
    r"|auto's|units|vehicles|cars|vetture|veicoli|euro|dollar|neuzulassungen|mitarbeiter))"
)
# Aliases of at most this many letters written in capitals only match in capitals (MAN).
ACRONYM_MAX_LEN = 3

# Company discovery.
# Heads of German and Dutch compounds that introduce a company (`Flugzeugbauer Airbus`).
COMPOUND_CONTEXT_HEADS = (
    "hersteller",
    "konzern",
    "autobauer",
    "bauer",
    "zulieferer",
    "fabrikant",
    "maker",
    "riese",
    "gigant",
    "versicherer",
    "fluggesellschaft",
    "airline",
    "kette",
    "anbieter",
    "bedrijf",
    "producent",
    "agentur",
    "händler",
    "dienstleister",
    "betreiber",
    "investor",
    "verlag",
    "reederei",
    "brauerei",
    "kanzlei",
    "discounter",
    "entwickler",
    "rivale",
    "wettbewerber",
    "blog",
    "bureau",
    "agency",
    "unternehmen",
    "spezialist",
    "spezialisten",
)
# Heads glued to a listed name without a hyphen name the company too (`Boschwerk`,
# `Teslachef`, `Volvofabriek`); the mention covers the name only.
REFERENCE_COMPOUND_TAILS = words(
    """
    werk werke werks werken fabrik fabriken fabriek fabrieken chef chefs chefin konzern
    konzerns aktie aktien aktionäre gruppe sprecher sprecherin manager managern mitarbeiter
    mitarbeitern beschäftigte beschäftigten belegschaft tochter zentrale vorstand topman
    topvrouw baas aandeel aandelen woordvoerder
    """
)
# Minimum letters of a listed name before such a tail (`Boschwerk` yes, `VWler` no).
REFERENCE_COMPOUND_MIN_LEN = 4
# A media outlet cited as a source (`so die FAZ`, `berichtete das Handelsblatt`) is a
# mention but takes no part in partnerships or sales figures.
MEDIA_SECTOR = "media"
# Endings of social-media handles that are not part of the name (`@faznet`, `@DHLPaket`).
HANDLE_SUFFIXES = ("online", "net", "news", "info", "presse", "paket", "official", "de")
# Brands that are platforms people post on (`auf LinkedIn`, `Videos von YouTube`): their
# owner is named, but as a channel, not as a party.
PLATFORM_BRANDS = words("youtube instagram whatsapp linkedin tiktok douyin")
# A name glued to a rival noun is the yardstick, not a party (`Apples Spotify-Konkurrent`).
RIVAL_COMPOUND_PATTERN = (
    r"[-\u2010\u2011](?:konkurrent\w*|konkurrenz|rivale\w*|herausforderer\w*|killer"
    r"|alternative\w*|rival\w*|competitor\w*|concurrent\w*|concorrent\w*)(?![\w])"
)
MEDIA_CITATION_WINDOW = 70
MEDIA_CITATION_PATTERN = (
    r"(?<![\w])(?:gegenüber|laut|so|zufolge|bericht\w*|melde\w*|meldung|schreib\w*"
    r"|schrieb\w*|sagte|sagt|erklärte|interview\w*|quelle|zitiert\w*|according|told"
    r"|report\w*|said|says|wrote|writes|cited|volgens|aldus|meldt|meldde|schrijft|schreef"
    r"|bron|secondo|riporta\w*|scrive|scritto|fonte|intervista\w*)(?![\w])"
)
# Words glued to a name by a hyphen that name a company too (`Lufthansa-Konzern`,
# `Diebold-Aktie`, `Fanuc-Chef`).
DISCOVERY_HYPHEN_FORMS = (
    "Konzern",
    "Konzerns",
    "Holding",
    "concern",
    "Aktie",
    "Aktien",
    "Aktionäre",
    "Papier",
    "Papiere",
    "Anteile",
    "Anteilseigner",
    "Tochter",
    "Mutter",
    "Chef",
    "Chefin",
    "Konzernchef",
    "Vorstandschef",
    "Vorstand",
    "Aufsichtsrat",
    "Betriebsrat",
    "Gesamtbetriebsrat",
    "Hauptversammlung",
    "Werk",
    "Werke",
    "Fabrik",
    "Filialen",
    "Übernahme",
    "Gruppe",
    "Manager",
    "Mitarbeiter",
    "Beschäftigte",
    "Belegschaft",
    "Zentrale",
    "aandeel",
    "aandelen",
    "topman",
    "fabriek",
)
# Single words discovery reads as a name only when they are rare in the language
# (a Zipf frequency below this; `Zappzoom` 0, `Fanuc` 1.5) or named twice.
DISCOVERY_RARE_ZIPF = 2.5
# Single words this common in the language (`Kunden` 5.0, `Gewinne` 4.3) are never a name
# found by discovery; listed companies are matched by the dictionary before.
DISCOVERY_COMMON_ZIPF = 4.3
DISCOVERY_CONTEXT_WORDS = {
    "de": (
        "Konzern",
        "Hersteller",
        "Autobauer",
        "Autohersteller",
        "Zulieferer",
        "Start-up",
        "Startup",
        "Unternehmen",
        "Elektroautohersteller",
        "Batteriehersteller",
        "Chiphersteller",
        "Autokonzern",
        "Technologiekonzern",
        "Tech-Konzern",
        "Batteriezellenhersteller",
        "Konkurrent",
        "Konkurrenten",
        "Firma",
        "Mutterkonzern",
        "Halbleiterhersteller",
        "Fahrzeughersteller",
        "Elektroauto-Hersteller",
        "E-Auto-Hersteller",
        "Autozulieferer",
        "Softwareunternehmen",
        "Chipkonzern",
    ),
    "nl": (
        "bedrijf",
        "fabrikant",
        "autofabrikant",
        "autobouwer",
        "autoproducent",
        "automaker",
        "concern",
        "start-up",
        "startup",
        "toeleverancier",
        "leverancier",
        "batterijmaker",
        "chipmaker",
        "smartphonemaker",
        "techbedrijf",
        "autoconcern",
    ),
    "en": (
        "company",
        "automaker",
        "carmaker",
        "maker",
        "supplier",
        "manufacturer",
        "firm",
        "start-up",
        "startup",
        "rival",
        "chipmaker",
        "group",
    ),
    "it": (
        "azienda",
        "casa automobilistica",
        "costruttore",
        "gruppo",
        "società",
        "produttore",
        "fornitore",
        "marchio",
        "start-up",
        "startup",
    ),
}
# Words and names that never become a discovered company.
DISCOVERY_STOPWORDS = words(
    """
    der die das den dem des ein eine einer eines einem einen und oder aber mit von vom zum
    zur the a an and or of for with from by at in on to its their his her this that these
    those de het een en of van voor met door bij in op aan il lo la gli le i un una e o di
    da con per ein im am beim auch noch nur schon sowie sich sie er es wir ihr man china
    chinas deutschland deutschlands europa europas usa amerika japan korea indien frankreich
    italien spanien schweden norwegen niederlande österreich schweiz großbritannien england
    russland ukraine taiwan brasilien mexiko kanada peking beijing shanghai shenzhen
    österreich kuba polen ungarn tschechien türkei griechenland irland portugal belgien
    dänemark finnland australien afrika asien syrien iran irak israel ägypten indonesien
    hangzhou guangzhou chongqing wuhan qingdao shandong tianjin hongkong hong kong wolfsburg
    münchen stuttgart berlin hamburg köln düsseldorf frankfurt ingolstadt zwickau emden
    salzgitter grünheide detroit tokio tokyo seoul paris london rom turin torino milano
    mailand amsterdam brüssel brussel den haag rotterdam wien zürich nederland duitsland
    frankrijk italië spanje zweden europa azië amerika engeland belgië germany france italy
    spain sweden netherlands europe asia america britain cina germania francia spagna italia
    europa stati uniti giappone januar februar märz april mai juni juli august september
    oktober november dezember januari februari maart mei augustus oktober december january
    february march may june july october gennaio febbraio marzo aprile maggio giugno luglio
    agosto settembre ottobre novembre dicembre montag dienstag mittwoch donnerstag freitag
    samstag sonntag monday tuesday wednesday thursday friday saturday sunday chinesische
    chinesischen chinesischer deutsche deutschen deutscher europäische europäischen
    amerikanische amerikanischen japanische japanischen koreanische chinese duitse
    amerikaanse japanse europese chinees american german japanese european korean cinese
    tedesca tedesco americana americano giapponese europea europeo ceo chef chefin gründer
    sprecher vorstand präsident manager direktor neue neuen neuer new nieuwe nuovo nuova
    erste ersten zweite größte größten weltweit elektroauto elektroautos e-autos autos auto
    fahrzeuge fahrzeug batterie batterien software ki ai ev evs bev nev suv suvs model
    modell modelle plattform unternehmen konzern hersteller gruppe group company firma
    bedrijf azienda ag gmbh se inc ltd co corp holding motors automotive technologies über
    unter nach vor seit laut dank während durch gegen ohne um zwischen neben auch als aber
    doch so dann damit dabei daher deshalb zudem jedoch heute hier dort nun jetzt bereits
    etwa rund fast zu zum bei für mit von vom wie wo was wer wenn weil dass ob bis konzerns
    unternehmens herstellers zulieferers autobauers start-ups tochter tochterfirma
    tochtergesellschaft mutter marke marken over onder na voor sinds volgens tijdens door
    zonder om tussen naast ook als maar dan about after before since during through without
    between also but then when while dopo prima durante senza tra fra anche ma poi quando
    mentre secondo
    spd cdu csu fdp afd grüne grünen linke bsw övp spö fpö neos vvd pvv cda d66 pd m5s lega
    eu ezb ecb bce fed iwf imf oecd un uno nato who wto opec ig verdi dgb adac vda acea kba
    cpca caam bafin kartellamt bundeskartellamt bundesregierung regierung polizei
    staatsanwaltschaft gericht ministerium bundestag landtag senat kongress kreml stadt
    gemeinde landkreis universität hochschule institut kommission eu-kommission bundesamt
    behörde gewerkschaft partei verband verein stiftung
    """
)
# Words that make up company names but are never a name on their own.
GENERIC_NAME_WORDS = words(
    """
    technology technologies automotive motors motor group gruppe holding holdings investment
    investments capital international industries industry services service energy software
    solutions systems system electric electronics mobility robotics semiconductor
    semiconductors auto autos company corporation global digital partners ventures venture
    ag gmbh se inc ltd co corp llc plc kg spa nv bv sa tech chip internet medien energie
    handels industrie rüstungs pharma chemie elektro bau staats welt familien mutter mega
    groß branchen daten luxus sport mode tabak ölkonzern spiel spiele games it us eu uk usa
    windows öl gas strom telekom telekommunikations versicherungs bank banken finanz
    immobilien news media zeitung times post press
    """
)
# Words stripped from the front of a discovered name (articles, prepositions, adverbs).
DISCOVERY_LEADING_WORDS = words(
    """
    der die das den dem des ein eine einer eines einem einen und oder aber mit von vom zum
    zur the a an and or of for with from by at in on to its their his her this that these
    those de het een en of van voor met door bij in op aan il lo la gli le i un una e o di
    da con per im am beim auch noch nur schon sowie sich sie er es wir ihr man über unter
    nach vor seit laut dank während durch gegen ohne um zwischen neben als doch so dann
    damit dabei daher deshalb zudem jedoch heute hier dort nun jetzt bereits etwa rund fast
    zu bei für wie wo was wer wenn weil dass ob bis over onder na sinds volgens tijdens
    zonder om tussen naast ook maar dan about after before since during through without
    between also but then when while dopo prima durante senza tra fra anche ma poi quando
    mentre secondo neue neuen neuer new nieuwe nuovo nuova
    """
)
# Common first names: a discovered name that starts with one is a person.
FIRST_NAMES = words(
    """
    alexander andreas anna thomas michael peter hans klaus jürgen wolfgang stefan christian
    markus martin frank robert john james david richard mark paul george william elon tim
    jeff bill steve sundar satya jensen mary sarah maria laura julia elena marco luca
    giovanni carlo francesco alessandro andrea matteo jan pieter henk willem kees bart tom
    herbert oliver ola carlos luc luca akio lei bo li wang zhang chen liu yang wei
    """
)
WEEKDAY_PREFIXES = (
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
)
# German nationality adjectives and noun forms that end a word, never a name.
GERMAN_ADJECTIVE_SUFFIXES = ("ische", "ischen", "ischer", "isches", "liche", "lichen")
# Endings of the adjectives of origin a name is often introduced with (`het Finse X`, `die
# schwedische X`, `the Finnish X`, `la svedese X`): a common word ending like this opens
# no discovered name.
ORIGIN_ADJECTIVE_SUFFIXES = {
    "de": ("ische", "ischen", "ischer", "isches", "sche", "schen", "scher"),
    "nl": ("se",),
    "en": ("ish", "ese", "ian", "an", "ch"),
    "it": ("ese", "esi", "ana", "ane", "ano", "ani", "ica", "ico"),
}
# How common (Zipf) such a word must be in its language to be read as an adjective.
ORIGIN_ADJECTIVE_ZIPF = 3.0
# German common-noun endings: a discovered single word ending like this is no name.
GERMAN_NOUN_SUFFIXES = (
    "ung",
    "ungen",
    "heit",
    "heiten",
    "keit",
    "keiten",
    "schaft",
    "schaften",
    "tion",
    "tionen",
    "tät",
    "täten",
    "nis",
    "nisse",
    "tum",
    "ismus",
    "ment",
    "ments",
    "sten",
    "zeuge",
    "autos",
    "werke",
    "werk",
    "markt",
    "märkte",
    "anlage",
    "anlagen",
    "teile",
    "kosten",
    "preise",
    "zahlen",
    "daten",
    "ziele",
    "jahre",
    "monate",
    "prozent",
    "ungs",
    "schafts",
    "heits",
    "keits",
    "ions",
    "abend",
    "morgen",
    "werte",
)
DISCOVERY_MAX_TOKENS = 4
# Discovered names looked for again over the whole text, per document (the labelled sets
# have at most 6; each search reads the whole text).
DISCOVERY_MAX_REPEATED_NAMES = 16
# Words other than letters and digits (`X-Ray`, `E.ON`) searched for in the whole text, per
# document, to tell a name from a word also written in lower case (news: one in 1,127 texts).
DISCOVERY_MAX_SEARCHED_WORDS = 64

# Supply words that belong to another verb (`liefert ... aus` delivers, `liefern ... ab`).
SUPPLY_EXCLUDE_PATTERN = r"liefer\w*(?=(?:\s+\S+){0,10}?\s+(?:ab|aus)\b)"
# A stake this small bought with an acquisition word is an equity investment.
EQUITY_STAKE_LIMIT = 50
# Brands named as examples of a group's portfolio are no party to the sentence's deal.
EXAMPLE_LIST_PATTERN = (
    r"(?:marken wie|merken als|merken zoals|brands (?:like|such as)|marchi come"
    r"|marken (?:wie|als))\s+"
)
# "der Konzern hinter Marken wie ...": the listed brands name the description's company.
EXAMPLE_LIST_OWNER_PATTERN = r"\b(?:hinter|achter|behind|dietro(?:\s+a[il])?)\s+$"
# A name glued to these is a product of that company (`Apple-branded`, `VW-Modelle`).
PRODUCT_COMPOUND_PATTERN = r"[-‐](?:branded|marke\w*|modell\w*|model\w*|auto's|merk)\b"
# Production verbs: a company that builds another company's product produces for it.
PRODUCTION_VERB_PATTERN = (
    r"\b(?:baut|bauen|fertigt|fertigen|produziert|produzieren|bouwt|bouwen|produceert"
    r"|builds?|build|produces?|manufactures?|assembles?|costruisce|produce|assembla)\b"
)
# Trigger words (`vocab/triggers.csv`) flagged `weak` count only when a company is named
# this near; `verb_final` ones also when they close a German or Dutch clause.
WEAK_TRIGGER_DISTANCE = 45
# A `trailing` trigger counts only right after the name it governs ("mit X-R1 ausgestattet").
TRAILING_TRIGGER_GAP = r"[\w-]{0,4}\s+$"
# A `relies_on` trigger ("setzt ... auf X") counts only when a name follows `auf`.
RELIES_ON_OBJECT = r"(?:\s+\S+){1,5}?\s+auf\s+(?:das\s+|die\s+|den\s+)?"
# When triggers of several types stand in one sentence, the first type listed wins.
PARTNERSHIP_TYPE_PRIORITY = (
    "joint_venture",
    "merger",
    "acquisition",
    "equity_investment",
    "production",
    "supply",
    "research",
    "distribution",
    "technology",
    "other",
)
PARTNERSHIP_DEFAULT_STATUS = "active"
PARTNERSHIP_MAX_SENTENCE_CHARS = 600
# Negation cues of scope `trigger` (`vocab/negation_cues.csv`) count this near before it,
# or this near after it (a verb negated after it: `liefert nicht mehr`, `levert niet`).
NEGATION_REACH = 30
NEGATION_AFTER_REACH = 12
# A company name glued to one of these is a plant or site (`Audi-Werk`), not the company.
ASSET_WORDS = (
    r"werk\w*|fabrik\w*|standort\w*|plant|factory|site|fabriek|vestiging|stabiliment\w*"
    r"|fabbrica"
)

# Numbers.
SCALE_WORDS = {
    "tausend": 1_000,
    "tsd": 1_000,
    "tsd.": 1_000,
    "thousand": 1_000,
    "duizend": 1_000,
    "mila": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "millionen": 1_000_000,
    "mio": 1_000_000,
    "mio.": 1_000_000,
    "millions": 1_000_000,
    "mn": 1_000_000,
    "m": 1_000_000,
    "miljoen": 1_000_000,
    "mln": 1_000_000,
    "mln.": 1_000_000,
    "milione": 1_000_000,
    "milioni": 1_000_000,
    "milliarde": 1_000_000_000,
    "milliarden": 1_000_000_000,
    "mrd": 1_000_000_000,
    "mrd.": 1_000_000_000,
    "billion": 1_000_000_000,
    "billions": 1_000_000_000,
    "bn": 1_000_000_000,
    "miljard": 1_000_000_000,
    "mld": 1_000_000_000,
    "mld.": 1_000_000_000,
    "miliardo": 1_000_000_000,
    "miliardi": 1_000_000_000,
}
NUMBER_WORDS = {
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "one": 1,
    "a": 1,
    "een": 1,
    "un": 1,
    "uno": 1,
    "una": 1,
    "zwei": 2,
    "two": 2,
    "twee": 2,
    "due": 2,
    "drei": 3,
    "three": 3,
    "drie": 3,
    "tre": 3,
    "vier": 4,
    "four": 4,
    "quattro": 4,
    "fünf": 5,
    "five": 5,
    "vijf": 5,
    "cinque": 5,
    "sechs": 6,
    "six": 6,
    "zes": 6,
    "sei": 6,
    "sieben": 7,
    "seven": 7,
    "zeven": 7,
    "sette": 7,
    "acht": 8,
    "eight": 8,
    "otto": 8,
    "neun": 9,
    "nine": 9,
    "negen": 9,
    "nove": 9,
    "zehn": 10,
    "ten": 10,
    "tien": 10,
    "dieci": 10,
    "elf": 11,
    "eleven": 11,
    "undici": 11,
    "zwölf": 12,
    "twelve": 12,
    "twaalf": 12,
    "dodici": 12,
    "zwanzig": 20,
    "twenty": 20,
    "twintig": 20,
    "venti": 20,
    "hundert": 100,
    "hundred": 100,
    "honderd": 100,
    "cento": 100,
}
CURRENCIES = {
    "euro": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "us-dollar": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "$": "USD",
    "us$": "USD",
    "dollaro": "USD",
    "dollari": "USD",
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "pfund": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "£": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "¥": "JPY",
    "kronen": "SEK",
    "sek": "SEK",
    "franken": "CHF",
    "chf": "CHF",
    "won": "KRW",
    "krw": "KRW",
}
PERCENT_WORDS = ("%", "prozent", "procent", "percent", "per cent", "per cento", "pct", "pct.")

# Sales.
SALES_METRIC_CUES = {
    "units_sold": {
        "de": (
            r"verkauft\w*|verkaufte|verkauf\w*|verkäufen?|absatz\w*|abgesetzt|verkaufszahl\w*|meistverkauft\w*"
            r"|setzte\w*(?=(?:\s+\S+){0,10}?\s+ab\b)"
        ),
        "nl": r"verkocht\w*|verkoop\w*|verkopen|afzet",
        "en": r"sold|sales|sells|sell|selling|dispatches|dispatched|wholesales",
        "it": r"vendut[eiao]|vendite|vende|venduto|venduti",
    },
    "deliveries": {
        "de": (
            r"ausgeliefert\w*|auslieferung\w*|ausliefern|auslieferte\w*"
            r"|liefer\w*(?=(?:\s+\S+){0,10}?\s+aus\b)"
            r"|an (?:ihre |seine |die )?kunden (?:\w+ )?übergeben|kundenauslieferung\w*"
        ),
        "nl": r"geleverd|leveringen|afgeleverd|leverde|aan klanten overgedragen",
        "en": (
            r"deliveries|delivery|delivered|delivers|delivering|handed over to customers|shipments"
            r"|shipped|shipping"
        ),
        "it": r"consegne|consegnat[eiao]|consegna",
    },
    "registrations": {
        "de": r"neuzulassung\w*|zulassung\w*|zugelassen|neu zugelassen",
        "nl": r"registraties|inschrijvingen|ingeschreven|geregistreerd|registreerde\w*|kentekens?",
        "en": r"registrations|registered|new registrations",
        "it": r"immatricolazion[ei]|immatricolat[eiao]|targat[eiao]",
    },
    "production": {
        "de": r"produziert\w*|produktion|hergestellt|gefertigt|vom band|gebaut\w*|baute\w*",
        "nl": r"geproduceerd|productie|gebouwd|produceerde\w*|produceert|bouwde\w*",
        "en": r"produced|production|manufactured|built",
        "it": r"prodott[eiao]|produzione|fabbricat[eiao]",
    },
    "exports": {
        "de": r"export\w*|ausfuhr\w*|exportiert\w*",
        "nl": r"export\w*|uitvoer|geëxporteerd",
        "en": r"exports?|exported",
        "it": r"esportazion[ei]|esportat[eiao]|export",
    },
    "market_share": {
        "de": r"marktanteil\w*|anteil (?:\w+ ){0,5}am (?:\w+ )?[\w-]*markt",
        "nl": r"marktaandeel|aandeel (?:\w+ ){0,5}in de (?:\w+ )?markt",
        "en": r"market share|share of the (?:\w+ )?market",
        "it": r"quota di mercato|quota (?:\w+ ){0,6}del mercato|quote di mercato",
    },
    "revenue": {
        "de": r"umsatz\w*|umsätze\w*",
        "nl": r"omzet",
        "en": r"revenues?|turnover",
        "it": r"fatturato|ricavi",
    },
}
# The first metric listed whose cue stands nearest the figure decides; ties go to this order.
SALES_METRIC_PRIORITY = (
    "market_share",
    "revenue",
    "registrations",
    "deliveries",
    "exports",
    "production",
    "units_sold",
)
# Figures of these kinds are not sales.
SALES_REJECT_CUES = {
    "de": (
        r"kapazität\w*|produktionskapazität\w*|preis\w*|kostet|kosten|mitarbeiter\w*"
        r"|beschäftigte\w*|angestellte\w*|arbeitsplätze|nutzer\w*|benutzer\w*|investition\w*"
        r"|investiert\w*|auslastung|ziel\w*|prognose\w*|erwartet|plant|soll|sollen|will|wollen"
        r"|anstreb\w*|kurs|aktie\w*|gewinn\w*|verlust\w*|schulden|subvention\w*|förder\w*"
        r"|einwohner|menschen|kilometer|km|kwh|gwh|reichweite"
        r"|vermögen|einlagen|kredit\w*|darlehen|bilanzsumme|hypothek\w*"
        # Forecasts: `rechnet damit, ... zu verkaufen`.
        r"|rechnet|rechnen|hofft|hoffen|peilt|anpeil\w*|zu verkaufen|zu liefern|auszuliefern"
        r"|abzusetzen|zu produzieren|(?:geht|ging|gehen|gingen)(?=(?:\s+\S+){0,8}?\s+aus\b)"
        r"|bestellung\w*|auftr[aä]\w*|auftragseingang|nötig|benötigt|erforderlich|rückstand"
        r"|schätzung\w*|geschätzt|pferdestärken|newton|stationen|standort\w*|händler\w*"
        r"|patent\w*|vorgenommen|jahresziel\w*|absatzziel\w*|prognostiziert\w*|user\w*"
        r"|rückruf\w*|zurückgerufen|zurückrufen|ruft\w*"
    ),
    "nl": (
        r"capaciteit|prijs|prijzen|kost|kosten|werknemers|medewerkers|banen|gebruikers"
        r"|investering\w*|investeert|geïnvesteerd|doel\w*|verwacht\w*|wil|wilen|plant|winst"
        r"|verlies|aandeel koers|inwoners|kilometer|km|kwh|gwh|actieradius|mikt|mikken|streeft"
        r"|vermogen|deposito's|spaargeld|leningen|kredieten|hypotheken|balanstotaal"
        r"|rekent|rekenen|hoopt|hopen|te verkopen|te leveren|te produceren"
        r"|bestelling\w*|orders?|nodig|achterstand|te kort|schatting\w*|geschat|pk|kw"
        r"|vestiging\w*|dealers?|patent\w*|doelstelling|zal|zullen|voorspel\w*"
        r"|terugroep\w*|teruggeroepen|roept terug"
    ),
    "en": (
        r"capacity|price[sd]?|costs?|employees|workers|staff|jobs|users|investments?|invests?"
        r"|invested|targets?|goals?|aims?|expects?|expected|forecast\w*|plans?|guidance"
        r"|profits?|loss|shares|stock|people|residents|miles|km|kwh|gwh|range"
        r"|assets|deposits|loans|lending|mortgages"
        r"|hopes?|anticipates?|to sell|to deliver|to produce"
        r"|orders?|backlog|needs?|needed|required|shortfall|short of|estimates?|estimated"
        r"|horsepower|hp|lb-ft|torque|stations|outlets|dealers|dealerships|patents?|seats"
        r"|expectations?|will|would|prediction\w*|projected|projection\w*|recall\w*"
    ),
    "it": (
        r"capacità|prezz[oi]|costa|costi|dipendenti|lavoratori|utenti|investiment\w*"
        r"|investe|obiettiv\w*|target|prevede|previst\w*|utile|perdita|azioni|abitanti|km|kwh"
        r"|attivi|depositi|prestiti|mutui"
        r"|punta|spera|conta di|vendere|consegnare|produrre"
        r"|ordini|ordinativi|necessari\w*|stim[ae]\w*|cv|cavalli|stazioni|concessionari\w*"
        r"|brevetti|punti vendita|premio|proiettat\w*|sarà|saranno|raggiungerà|previsione\w*"
        r"|richiam\w*"
    ),
}
# Hypothetical figures ("would have sold") are never sales, whatever else the sentence says.
SALES_HYPOTHETICAL_CUES = {
    "de": r"würde\w*|hätte\w*|wäre\w*|könnte\w*",
    "nl": r"zou|zouden|zou hebben|kunnen",
    "en": r"would|could|might",
    "it": r"sarebbe\w*|avrebbe\w*|potrebbe\w*",
}
# A sentence that only gives the same figure for another period ("In 2023 waren het er nog
# 3.024.417"): the company, metric, market and segment are the previous sentence's.
SALES_CONTINUATION_CUES = {
    "de": r"(?:waren|war|sind|wurden) es",
    "nl": r"(?:waren|was) (?:het|dat)(?: er)?",
    "en": r"there were|(?:the|that) (?:figure|number|total) (?:was|stood at)",
    "it": r"erano|(?:il dato|la cifra) era",
}
# A sentence that gives a part of the previous figure ("Davon waren 48.100 vollelektrisch"):
# the same company, metric and period for the segment or market it names.
SALES_PART_CUES = {
    "de": r"davon|darunter|hinzu kam\w*|hinzu komm\w*|dazu kam\w*",
    "nl": r"daarvan|waarvan|daaronder|daar kwamen|daarbij kwamen",
    "en": r"of which|of these|of them|in addition (?:there were|came)",
    "it": r"di cui|di queste|tra cui|a (?:queste|questi) si aggiung\w*",
}
# The previous sentence's company as the owner of a metric noun ("In China sank der Absatz
# auf 2,93 Millionen Fahrzeuge"); never when the noun has an owner of its own (`der Absatz
# von Elektroautos`) or the sentence speaks of a whole market.
SALES_OWNED_METRIC_CUES = {
    "de": (
        r"(?:der|sein|ihr) absatz|(?:die|seine|ihre) (?:auslieferungen|verkäufe|zulassungen"
        r"|neuzulassungen)"
    ),
    "nl": r"(?:zijn|haar|hun) (?:verkoop|verkopen|leveringen|afzet|registraties)",
    "en": r"(?:its|their) (?:sales|deliveries|registrations)",
    "it": r"(?:le sue|la sua) (?:vendite|consegne|immatricolazioni)",
}
SALES_OWNED_METRIC_OWNER = r"\s+(?:von|vom|der|des|van|of|by|di|dei|delle)\b"
SALES_WHOLE_MARKET_CUES = (
    r"insgesamt|gesamt\w*|branche\w*|alle hersteller|in totaal|totale?|overall|industry"
    r"|complessiv\w*|whole market|entire market"
)
# Cues that a figure was achieved, which outweigh a reject cue such as "Ziel".
SALES_ACHIEVED_CUES = {
    "de": r"erreicht\w*|verkaufte|lieferte|hat \w* ?verkauft|wurden \w* ?verkauft|übertroffen",
    "nl": r"bereikt|verkocht|geleverd",
    "en": r"achieved|reached|sold|delivered|exceeded",
    "it": r"raggiunt[oa]|vendut[eiao]|consegnat[eiao]",
}
# Vehicle units after a figure.
SALES_UNIT_WORDS = {
    "de": (
        r"einheiten|fahrzeuge\w*|autos?|pkw|e-autos|elektroautos|elektrofahrzeuge|wagen|stück"
        r"|exemplare\w*|neuwagen|neufahrzeuge|lkw|nutzfahrzeuge|e-nutzfahrzeuge|stromer"
    ),
    "nl": (
        r"eenheden|auto's|auto’s|autos|voertuigen|wagens|stuks|exemplaren|ev's|ev’s"
        r"|personenwagens|personenauto's|personenauto’s|bestelwagens|vrachtwagens|trucks"
    ),
    "en": r"units|vehicles|cars|evs|trucks|suvs|nevs|deliveries|registrations",
    "it": r"unità|auto|veicoli|vetture|esemplari|immatricolazioni|consegne",
}
# Growth and decline: a percentage after these (`stieg um 12 Prozent`, `up 5%`, `in calo del
# 4%`) is a change, not a level; `auf`, `to`, `a` before it name the level reached.
SALES_CHANGE_WORDS = {
    "de": (
        r"stieg\w*|steig\w*|gestiegen|wuchs|wächst|gewachsen|wachstum|zuwachs\w*|zugelegt"
        r"|legt\w*|plus|minus|anstieg|rückgang|rückläufig|sank|sinkt|gesunken|fiel|fällt"
        r"|gefallen|einbruch|einbuße\w*|verlor\w*|verloren|zurückgegangen|gingen|ging"
        r"|steigerung|erhöhung|verbesserung|veränderung|schrumpft\w*|büßt\w*|eingebüßt"
        r"|abgenommen|zugenommen|verringert\w*|gesteigert"
    ),
    "nl": (
        r"steeg|stijg\w*|gestegen|groei\w*|gegroeid|daal\w*|gedaald|toename|afname|stijging"
        r"|daling|plus|min|achteruitgang|verlies|verloor|gezakt|zakte"
    ),
    "en": (
        r"up|down|rose|rise[sn]?|rising|grew|grow\w*|gain\w*|increase[sd]?|increasing"
        r"|decrease[sd]?|decline[sd]?|declining|drop\w*|fell|fall\w*|jump\w*|surge[sd]?"
        r"|slip\w*|slid\w*|skid\w*|tumble[sd]?|plunge[sd]?|climb\w*|soar\w*|change[sd]?"
        r"|loss|leap|boost\w*|improvement|slump\w*|shrank|shrink\w*"
    ),
    "it": (
        r"crescita|cresciut\w*|cresce\w*|calo|calat\w*|cala|aumento|aumentat\w*|diminuzione"
        r"|diminuit\w*|rialzo|ribasso|flessione|salit\w*|sale|scese|sces\w*|perdita|balzo"
        r"|incremento|variazione|contrazione|progresso|guadagn\w*|perso"
    ),
}
# Prepositions that join a change word to the size of the change (`Anstieg um`, `growth of`).
SALES_CHANGE_BY = {
    "de": r"um|von|mit",
    "nl": r"met|van",
    "en": r"by|of",
    "it": r"del|dell['’]|della|dello|di|pari al",
}
# A bare share word: the figure after it is a market share when the text speaks of a market
# or of sales and not of a holding (`Anteil von 5,9 Prozent`, `una quota dell'1,3%`).
SALES_SHARE_WORDS = {
    "de": r"anteil\w*|marktanteil\w*",
    "nl": r"aandeel|marktaandeel|goed voor",
    "en": r"share",
    "it": r"quota|quote|vale|valeva|valgono|valevano",
}
# A share of a holding: the percentage is a stake, never a market share.
SALES_STAKE_CUES = {
    "de": (
        r"beteilig\w*|aktie\w*|anteile|aktienpaket|hält|halten|gehalten|erwirbt|erwarb"
        r"|erworben|übernimmt|übernahm|kauft|kaufte|gekauft|stimmrecht\w*"
    ),
    "nl": r"belang|aandelen|deelneming|neemt|nam|verwerft|verwierf|koopt|kocht|gekocht",
    "en": r"stake|shares|holding|holds|held|owns|owned|acquire[sd]?|bought|buys|equity",
    "it": (r"partecipazione|azioni|detiene|possiede|acquist\w*|acquisi\w*|rilev\w*|capitale"),
}
# A percentage of a stated whole that is not the market (`22 Prozent aller verkauften
# Fahrzeuge`, `18% of total deliveries`, `l'80% del totale`): a mix, not a market share.
SALES_PARTITIVE_CUES = {
    "de": r"aller|der|des|ihrer|seiner|vom gesamt\w*|am gesamt\w*(?!markt)",
    "nl": r"van (?:de|het|alle|zijn|haar|hun|alle)",
    "en": r"of (?:all|total|the total|its|their|the company's|overall|group)",
    "it": r"del totale|delle|degli|dei|del suo|della sua|sul totale",
}
# Words of a market, for a bare share word.
SALES_MARKET_WORDS = {
    "de": r"[\w-]*markt\w*|neuzulassung\w*|zulassung\w*|absatz\w*|verkäuf\w*|importeur\w*",
    "nl": r"[\w-]*markt\w*|registraties|verkoop\w*|verkocht\w*",
    "en": r"market\w*|sales|sold|registrations|deliveries",
    "it": r"mercato|immatricolazion\w*|vendite|venduto|vendut\w*",
}
# A number right after a threshold word, or right before it, is a mark, not a figure
# (`die Marke von 60.000`, `the 20,000 mark`, `la soglia dei 10.000`).
SALES_THRESHOLD_WORDS = {
    "de": r"marke|schwelle|grenze|meilenstein\w*|hürde",
    "nl": r"grens|drempel|mijlpaal|kaap",
    "en": r"mark|threshold|milestone|barrier|level|starting point",
    "it": r"soglia|barriera|traguardo|quota simbolica",
}
# Rates and running totals are not the figures of a period.
SALES_RATE_CUES = {
    "de": r"pro (?:tag|woche|monat|quartal|jahr)|im schnitt|durchschnittlich|je (?:tag|monat)",
    "nl": r"per (?:dag|week|maand|kwartaal|jaar)|gemiddeld",
    "en": r"per (?:day|week|month|quarter|year)|a (?:day|week|month)|on average|average",
    "it": r"al (?:giorno|mese)|a settimana|all['’]anno|in media|di media",
}
SALES_CUMULATIVE_CUES = {
    "de": r"kumuliert\w*|insgesamt seit|seit (?:seiner |ihrer |der )?markteinführung|seit start",
    "nl": r"cumulatie\w*|sinds de (?:start|lancering|introductie)",
    "en": r"cumulative\w*|since (?:its |the )?(?:launch|start|debut|inception)|historical",
    "it": r"cumulat\w*|dal lancio|dall['’]inizio della produzione|in totale dal",
}
# Names after these are parts of, or owners of, the company the clause is about, not the
# one a figure belongs to (`Hyundai (including Genesis) sold`, `Voyah, owned by Dongfeng,`).
SALES_ASIDE_CUES = {
    "de": (
        r"einschließlich|inklusive|inkl\.|samt|zu (?:dem|der|denen) (?:unter anderem )?"
        r"|der neben|die neben|mit den marken|tochter von|im besitz von|unter dem dach von"
        r"|gehört zu|im (?:sortiment|portfolio) von"
    ),
    "nl": (
        r"inclusief|inclusief de|waaronder|dochter van|eigendom van|onderdeel van"
        r"|in het (?:gamma|portfolio) van"
    ),
    "en": (
        r"including|which includes|that includes|which owns|owned by|backed by|a unit of"
        r"|a subsidiary of|part of|such as|in the (?:line-?up|range|portfolio) of"
    ),
    "it": (
        r"compres[oaie]|inclus[oaie]|incluso|tra cui|controllat[oa] da|sostenut[oa] da"
        r"|di proprietà di|nella gamma|nel gruppo|nel portafoglio"
    ),
}
# A subject that refers back to the company the text is about (`it delivered`, `man`).
SALES_PRONOUN_SUBJECTS = {
    "de": r"man|das unternehmen|der konzern|der hersteller|der autobauer|die marke|die gruppe",
    "nl": r"het bedrijf|het merk|de fabrikant|het concern|de autobouwer|de groep",
    "en": r"it|the company|the group|the automaker|the carmaker|the brand|the firm|the maker",
    "it": r"l['’]azienda|il gruppo|la casa|il marchio|la società|il costruttore",
}
# A plural subject after several companies: the figure is their total (`their sales of`).
SALES_PLURAL_SUBJECTS = {
    "de": r"beide|zusammen|gemeinsam",
    "nl": r"hun|beide|samen|gezamenlijk",
    "en": r"their|they|both|combined|together",
    "it": r"loro|entramb[ie]|insieme",
}
SALES_EACH_CUES = (
    r"jeweils|each|respectively|beziehungsweise|bzw\.|respectievelijk|rispettivamente|ciascun\w*"
)
MARKET_CUES = (
    ("global", r"weltweit|global\w*|worldwide|wereldwijd|nel mondo|a livello globale|mondiale"),
    (
        "Europe",
        r"europa|europe|in europa|europäischen [\w-]*markt\w*|europese markt|mercato europeo",
    ),
    ("EU", r"\beu\b|europäischen union|european union|europese unie|unione europea"),
    (
        "CN",
        r"china|chinesischen [\w-]*markt\w*|chinese (?:\w+ )?market|chinese [\w-]*markt|cina"
        r"|mercato cinese|chinas",
    ),
    ("DE", r"deutschland|germany|duitsland|germania|deutschen [\w-]*markt\w*|hierzulande"),
    (
        "US",
        r"\busa\b|\bus\b|u\.s\.|vereinigten staaten|united states|verenigde staten"
        r"|stati uniti|amerika|america",
    ),
    ("NL", r"niederlanden?|netherlands|nederland|paesi bassi"),
    ("IT", r"italien|italy|italië|italia"),
    ("FR", r"frankreich|france|frankrijk|francia"),
    ("UK", r"großbritannien|united kingdom|\buk\b|britain|groot-brittannië|regno unito"),
    ("NO", r"norwegen|norway|noorwegen|norvegia"),
    ("JP", r"japan|giappone"),
)
SEGMENT_CUES = (
    ("PHEV", r"plug-in-hybrid\w*|plug-in hybrid\w*|plug-inhybrid\w*|phev\w*|ibride plug-in"),
    (
        "BEV",
        r"elektroauto\w*|e-auto\w*|e-nutzfahrzeug\w*|e-transporter\w*|e-bus\w*"
        r"|elektrofahrzeug\w*|\bbevs?\b|reine[nr]? elektro\w*"
        r"|batterieelektrisch\w*|electric vehicles?|electric cars?|elektrische auto\w*"
        r"|elektrische voertuigen|ev's|ev’s|auto elettrich\w*|veicoli elettrici|\bevs?\b"
        r"|vollelektrisch\w*|rein elektrisch\w*|fully electric|all-electric|battery-electric"
        r"|volledig elektrisch\w*|elettrich\w*",
    ),
    (
        "NEV",
        r"new energy vehicles?|\bnevs?\b|fahrzeuge mit neuer energie|neue energie\w*"
        r"|alternativen antrieb\w*|new energy vehicle|nuova energia|nieuwe energie"
        r"|nieuwe aandrijving",
    ),
    ("HEV", r"hybrid\w*|ibrid\w*"),
)
# Reporting bodies are a table of the vocabulary (`vocab/reporting_bodies.csv`).
REPORTING_BODIES = reporting_bodies()
REPORTING_BODY_CANONICAL = reporting_body_canonical()
QUARTER_WORDS = {
    "de": {
        "ersten": 1,
        "zweiten": 2,
        "dritten": 3,
        "vierten": 4,
        "1.": 1,
        "2.": 2,
        "3.": 3,
        "4.": 4,
    },
    "nl": {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4},
    "en": {"first": 1, "second": 2, "third": 3, "fourth": 4},
    "it": {"primo": 1, "secondo": 2, "terzo": 3, "quarto": 4},
}
# Period words, per kind and language (`flows/extract/periods.py` says how each kind resolves).
PERIOD_CUES = {
    # `bis Ende Mai`, `January to May`: from January to the month named after the cue.
    "ytd_through": {
        "de": r"bis ende|bis einschließlich|von januar bis|januar bis|jänner bis|januar-|jänner-",
        "nl": r"tot en met|t/m|januari tot en met|januari-|januari tot",
        "en": r"through|until the end of|january to|january through|january-|jan-",
        "it": r"fino a fine|da gennaio a|gennaio-",
    },
    "ytd": {
        "de": (
            r"seit jahresbeginn|seit jahresanfang|seit anfang des jahres"
            r"|in den ersten \w+ monaten(?: des jahres)?"
        ),
        "nl": r"sinds begin dit jaar|sinds het begin van het jaar|in de eerste \w+ maanden",
        "en": (
            r"year[- ]to[- ]date|ytd|so far this year|so far in|since the start of the year"
            r"|in the first \w+ months(?: of the year)?"
        ),
        "it": r"da inizio anno|dall['’]inizio dell['’]anno|nei primi \w+ mesi(?: dell['’]anno)?",
    },
    # `March last year`, `maart vorig jaar`: the month of the year before the article's.
    "month_last_year": {
        "de": r"des vorjahres|letzten jahres|vergangenen jahres",
        "nl": r"vorig jaar|vorige jaar|van vorig jaar|van het vorige jaar",
        "en": r"last year|of last year|of the previous year",
        "it": r"dell['’]anno scorso|dello scorso anno|scorso",
    },
    # `in diesem Juli`, `this July`: the month of the article's year.
    "this_month_word": {"de": r"diesem|diesen", "nl": r"deze", "en": r"this", "it": r"questo"},
    "month_this_year": {
        "de": r"dieses jahres|des laufenden jahres",
        "nl": r"van dit jaar|dit jaar",
        "en": r"of this year|this year",
        "it": r"di quest['’]anno|dell['’]anno in corso|di questo anno",
    },
    "last_year": {
        "de": (
            r"im vergangenen jahr|vergangenen jahr|vergangenes jahr|im letzten jahr|letztes jahr"
            r"|im vorigen jahr|im abgelaufenen jahr|abgelaufenen jahr"
        ),
        "nl": r"vorig jaar|vorige jaar|afgelopen jaar|verleden jaar",
        "en": r"last year",
        "it": r"l['’]anno scorso|lo scorso anno|anno scorso|l['’]anno passato|lo scorso esercizio",
    },
    "this_year": {
        "de": r"in diesem jahr|dieses jahr|im laufenden jahr",
        "nl": r"dit jaar",
        "en": r"this year",
        "it": r"quest['’]anno|nell['’]anno in corso",
    },
    "last_month": {
        "de": r"im vergangenen monat|vergangenen monat|im letzten monat|letzten monat",
        "nl": r"vorige maand|afgelopen maand",
        "en": r"last month",
        "it": r"il mese scorso|lo scorso mese|mese scorso",
    },
    # Relative to the period the text is about: the year before it, the month before it.
    "year_before": {
        "de": (
            r"vorjahreszeitraum\w*|vorjahresmonat\w*|vorjahresquartal\w*|vor einem jahr"
            r"|(?:im )?(?:gleichen|selben) (?:zeitraum|monat|quartal) des vorjahres"
        ),
        "nl": (
            r"een jaar eerder|een jaar geleden|dezelfde (?:periode|maand) (?:vorig jaar"
            r"|een jaar eerder|van vorig jaar)"
        ),
        "en": (
            r"(?:the )?same (?:period|month|quarter|time) (?:of |in )?(?:last|the previous|previous"
            r"|a|the prior|prior) year"
            r"|a year (?:earlier|ago|before)|year-ago period"
        ),
        "it": (
            r"(?:dello )?stesso (?:periodo|mese|trimestre) dell['’]anno (?:scorso|precedente)"
            r"|un anno (?:prima|fa)"
        ),
    },
    "previous_month": {
        "de": r"vormonat\w*",
        "nl": r"voorgaande maand|de maand ervoor|vorige maand",
        "en": r"previous month|prior month|preceding month",
        "it": r"mese precedente",
    },
    "previous_year": {
        "de": r"im vorjahr|vorjahr\w*",
        "nl": r"het jaar ervoor|voorgaande jaar",
        "en": r"previous year|prior year",
        "it": r"anno precedente|l['’]anno prima",
    },
    "reporting_month": {
        "de": r"berichtsmonat\w*",
        "nl": r"verslagmaand",
        "en": r"reporting month|month under review",
        "it": r"mese di riferimento",
    },
    # A period right after these is the base of a comparison, not the figure's own.
    "base": {
        "de": (
            r"als|gegenüber|im vergleich zu[mr]?|vergleich zu[mr]?|verglichen mit|statt"
            r"|vs\.?|von|(?:im )?(?:gleichen|selben) (?:zeitraum|monat|quartal)"
        ),
        "nl": (
            r"dan|tegenover|ten opzichte van|vergeleken met|in vergelijking met|t\.o\.v\.|van"
            r"|dezelfde (?:periode|maand) (?:van|in)"
        ),
        "en": (
            r"than|compared (?:with|to)|versus|vs\.?|against|up from|down from|from"
            r"|(?:the )?same (?:period|month|quarter|time) (?:of|in)"
        ),
        "it": (
            r"rispetto a(?:l|llo|lla|i|gli|lle|ll['’])?|contro|sul|sull['’]|sullo|sugli"
            r"|in confronto a\w*|vs\.?|stesso (?:periodo|mese) (?:del|dell['’])"
        ),
    },
    # A period right after these bounds something (`seit 2019`, `by 2030`): nobody's period.
    "bound": {
        "de": (
            r"seit|bis(?: zum jahr| ende| zum)?|ab|spätestens|für(?: das jahr)?"
            r"|fiskaljahr(?:es)?"
        ),
        "nl": r"sinds|tot|tegen|vanaf|uiterlijk|voor|boekjaar",
        "en": r"since|until|till|by(?: the end of)?|before|after|starting|fiscal(?: year)?",
        "it": (
            r"dal|dalla|fino al|fino a|entro(?: il)?|a partire dal|dopo il|prima del|per il"
            r"|anno fiscale|esercizio fiscale"
        ),
    },
    # `its 2021 record`: the year names the record, not the figure's period.
    "record": {
        "de": r"rekord\w*",
        "nl": r"record\w*",
        "en": r"record\w*|best",
        "it": r"record|primato",
    },
}
PERIOD_COUNT_WORDS = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twee": 2,
    "drie": 3,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "negen": 9,
    "tien": 10,
    "due": 2,
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
    "dieci": 10,
    "undici": 11,
}
# A sentence about the future: the dates it names are no lower bound of the article's date.
FUTURE_CUES = {
    "de": (
        r"wird|werden|soll|sollen|will|wollen|plant|planen|geplant|erwartet|rechnet|peilt"
        r"|künftig"
    ),
    "nl": r"zal|zullen|wil|willen|plant|gepland|verwacht|verwachten|moet|moeten",
    "en": r"will|plans?|planned|expects?|expected|aims?|targets?|forecasts?|goal|set to",
    "it": r"sarà|saranno|prevede|previst[oaie]|punta|obiettivo|intende|dovrà|dovrebbe",
}
SALES_MAX_SENTENCE_CHARS = 500
YEAR_MIN = 1990

# Definite descriptions that refer back to the company named just before (for sales figures).
ANAPHOR_PATTERNS = {
    "de": (
        r"\b(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em)\s+(?:[\w-]+\s+)?(?:\w+-)?(?:Hersteller|Konzern"
        r"|Autobauer|Autokonzern|Autohersteller|Unternehmen|Münchner|Stuttgarter|Wolfsburger"
        r"|Ingolstädter|Marke|Gruppe)\b"
    ),
    "en": (
        r"\b(?:[Tt]he)\s+(?:[\w-]+\s+)?(?:\w+-)?(?:company|carmaker|automaker|group|firm|manufacturer"
        r"|brand|maker)\b"
    ),
    "nl": (
        r"\b(?:[Hh]et|[Dd]e)\s+(?:[\w-]+\s+)?(?:bedrijf|autofabrikant|fabrikant|concern|autoconcern|merk"
        r"|autobouwer|groep|autoproducent)\b"
    ),
    "it": (
        r"\b(?:[Ii]l|[Ll]a|[Ll]['’]|[Dd]el|[Dd]ella|[Dd]ell['’]|[Aa]l|[Aa]lla|[Aa]ll['’]|[Dd]al"
        r"|[Dd]alla|[Nn]el|[Nn]ella)\s*(?:[\w-]+\s+)?(?:gruppo|casa|costruttore|azienda"
        r"|marchio|brand|società)\b"
    ),
}
# Two figures of one fact that differ by less than this share are one figure, rounded.
ROUNDING_TOLERANCE = Decimal("0.005")
