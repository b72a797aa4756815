package org.carepost.phi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists written for the detector and the vocabulary flag bits: every list frequent rules ask about is one
 * bit, so one hash probe per token answers all of them. Rarely asked lists stay plain sets.
 */
final class PhiWords {

    static final int F_FIRST = 1, F_LAST = 1 << 1, F_ENGLISH = 1 << 2, F_ANY_ENGLISH = 1 << 3,
            F_STAFF = 1 << 4, F_CLOSING = 1 << 5, F_PTITLE = 1 << 6, F_KIN = 1 << 7, F_GREET = 1 << 8,
            F_NOT_NAME = 1 << 9, F_ORG_HEAD = 1 << 10, F_PSUFFIX = 1 << 11, F_PPREFIX = 1 << 12,
            F_PARTICLE = 1 << 13, F_ABBR_DOT = 1 << 14, F_PLACE_CUE = 1 << 15, F_AGE_BEFORE = 1 << 16,
            F_AGE_UNIT = 1 << 17, F_MONTH = 1 << 18, F_WEEKDAY = 1 << 19, F_LABEL = 1 << 20,
            F_LABEL_FILLER = 1 << 21, W_THE = 1 << 22, W_ROOM = 1 << 23, W_IS = 1 << 24, W_NAME = 1 << 25,
            W_HERE = 1 << 26, W_FROM = 1 << 27, W_DO_MD_PA = 1 << 28, F_NUMBER_WORD = 1 << 29;
    /** Token shape bit (not a word flag): the token has a digit. */
    static final int S_DIGIT = 1 << 30;
    static final int F_NAME = F_FIRST | F_LAST;
    // second flag word
    static final int G_HOLIDAY = 1, G_VEHICLE = 1 << 1, G_LIFE_EVENT = 1 << 2, G_STAFF_PLACE = 1 << 3,
            G_ROLE = 1 << 4, G_NTH_NOUN = 1 << 5, G_STREET = 1 << 6, G_INTRO = 1 << 7, G_DEPARTMENT = 1 << 8,
            G_ORG_WORD = 1 << 9, G_AGE_WORD = 1 << 10, G_PRAY = 1 << 11, G_MOVE = 1 << 12, G_FAMILY = 1 << 13,
            G_ROAD = 1 << 14, G_LARGE_PLACE = 1 << 15, G_HOLIDAY_NEXT = 1 << 16, G_PERSONAL = 1 << 17,
            G_ANNOUNCE = 1 << 18, G_ADDRESS_VERB = 1 << 19;
    /** Verbs that address a person: "can someone tell priyanka", "please text marisol". */
    static final Set<String> ADDRESS_VERBS = Set.of("tell", "ask", "text", "call", "message", "visit", "hug",
            "remind", "congratulate", "thank", "miss", "missing", "love", "welcome", "meet", "help", "find", "page");
    /** Second words of holidays: "Mother's Day", "New Year", "St. Patrick's", "Fourth of July". */
    static final Set<String> HOLIDAY_NEXT = Set.of("day", "year", "year's", "patrick", "patrick's", "of", "de",
            "eve");
    /** Someone's life in a sentence: its date is that person's, not an event's. */
    static final Set<String> PERSONAL_WORDS = Set.of("i", "i'm", "im", "i've", "i'd", "me", "my", "mine", "myself",
            "he", "she", "him", "her", "hers", "his", "he's", "she's", "they", "them", "their", "patient");
    /** Announcements of the hospital's events and hours. */
    static final Set<String> ANNOUNCE_WORDS = Set.of("starting", "starts", "start", "beginning", "begins", "begin",
            "through", "thru", "until", "closed", "closes", "close", "open", "opens", "join", "register",
            "registration", "rsvp", "mark", "save", "free", "every", "weekly", "monthly", "held", "hosting", "hosts",
            "host", "offering", "offers", "classes", "class", "event", "events", "fair", "clinics", "screenings",
            "celebrate", "celebrating", "deadline", "effective", "book", "sign", "everyone", "public", "welcome",
            "calendar", "calendars", "tickets", "lecture", "webinar", "tour");
    /** First words of rural roads and PO boxes ("County Road 14", "PO Box 12"). */
    static final Set<String> ROAD_WORDS = Set.of("county", "rural", "cr", "c", "rr", "fm", "po", "p", "post");

    /** Words that start a holiday's name ("Christmas Eve", "New Year's Day", "Valentine's Day"). */
    static final Set<String> HOLIDAY_WORDS = Set.of("christmas", "xmas", "valentine", "valentine's", "valentines",
            "thanksgiving", "halloween", "easter", "year's", "years", "mother's", "father's", "mothers", "fathers",
            "independence", "memorial", "labor", "veterans", "patrick's", "juneteenth", "mother", "father", "hanukkah", "diwali", "eid",
            "kwanzaa", "boxing", "cinco", "ramadan", "passover", "new", "fourth", "st");
    /** Vehicles: a plate-shaped value right after one is a plate ("silver camry (KD 4471)"). */
    static final Set<String> VEHICLE_WORDS = Set.of("honda", "toyota", "ford", "chevy", "chevrolet", "nissan",
            "subaru", "kia", "hyundai", "dodge", "ram", "gmc", "tesla", "bmw", "audi", "vw", "volkswagen", "mazda",
            "lexus", "buick", "cadillac", "chrysler", "camry", "corolla", "civic", "accord", "prius", "rav4", "cr-v",
            "f-150", "f150", "silverado", "tacoma", "tundra", "outback", "forester", "wrangler", "altima", "sentra",
            "malibu", "impala", "minivan", "hatchback", "volvo", "mercedes", "jetta", "odyssey", "sienna", "explorer",
            "escape", "equinox", "tahoe", "suburban", "highlander", "pilot", "crv", "mustang", "charger", "corvette",
            "scooter", "moped", "motorbike", "harley", "rv", "camper", "trailer");
    /** Events of a person's life: a date or holiday near one is that person's date. */
    static final Set<String> LIFE_EVENTS = Set.of("born", "birth", "birthday", "delivered", "delivery", "arrived",
            "admitted", "admission", "discharged", "discharge", "passed", "died", "death", "surgery", "surgeries",
            "transplant", "diagnosed", "diagnosis", "accident", "fell", "fall", "stroke", "attack", "operation",
            "procedure", "released", "dob", "wedding",
            "married", "proposed", "baptized", "funeral", "crash", "injury", "injured", "bypass", "stent", "chemo",
            "radiation", "biopsy", "c-section", "labor", "visited", "hospitalized", "intubated", "sedated");
    /** After a staff member's name: where they work ("Renee in billing", "Tomasz in transport"). */
    static final Set<String> STAFF_PLACES = Set.of("billing", "transport", "radiology", "registration", "pharmacy",
            "security", "housekeeping", "dietary", "nutrition", "admissions", "scheduling", "triage", "rehab",
            "pt", "ot", "lab", "labs", "imaging", "reception", "records", "finance", "ed", "er", "icu", "nicu",
            "picu", "oncology", "cardiology", "surgery", "maternity", "peds", "pediatrics", "diabetes", "dialysis",
            "physical", "occupational", "respiratory", "environmental", "facilities", "valet", "parking", "desk",
            "front", "patient", "relations", "experience", "chaplaincy", "spiritual", "social", "case",
            "management", "infusion", "endoscopy", "pre-op", "pacu", "recovery", "admitting", "medicine");
    /** A role after a name and a comma: a staff signature ("Priya Raman, Patient Experience Manager"). */
    static final Set<String> ROLES = Set.of("rn", "md", "do", "np", "pa", "pa-c", "msw", "lcsw", "lpn", "cna",
            "phd", "pharmd", "dnp", "bsn", "msn", "aprn", "crna", "dpt", "otr", "rrt", "manager", "director",
            "coordinator", "chaplain", "president", "ceo", "cfo", "cmo", "cno", "officer", "supervisor", "specialist",
            "representative", "advocate", "navigator", "liaison", "nurse", "physician", "therapist", "educator",
            "administrator", "chief", "vice", "vp", "head", "lead", "team", "department", "services", "relations",
            "experience", "office", "communications", "marketing", "volunteer", "volunteers", "counselor",
            "dietitian", "pharmacist", "technologist", "technician", "scheduler", "assistant", "associate",
            "senior", "staff", "facility", "hospital", "clinic", "center", "health", "unit");
    /** Nouns after an ordinal that make it no date: "the 3rd floor", "the 5th time". */
    static final Set<String> NTH_NOUNS = Set.of("floor", "floors", "time", "times", "grade", "grader", "century",
            "round", "place", "day", "days", "week", "weeks", "month", "months", "year", "years", "birthday",
            "anniversary", "percentile", "street", "st", "ave", "avenue", "ward", "row", "try", "attempt",
            "trimester", "inning", "hole", "mile", "lap", "person", "patient", "baby", "child", "kid", "one",
            "annual", "straight", "consecutive", "cycle", "dose", "session", "surgery", "stage", "level", "edition",
            "generation", "amendment", "anniversaries", "birthdays", "visit", "bed", "room", "one's", "in");
    /** Street types: "4417 Juniper Hollow Rd". */
    static final Set<String> STREET_WORDS = Set.of("road", "rd", "street", "st", "avenue", "ave", "av", "lane", "ln",
            "way", "drive", "dr", "boulevard", "blvd", "court", "ct", "place", "pl", "terrace", "ter", "circle", "cir",
            "trail", "trl", "parkway", "pkwy", "highway", "hwy", "pike", "loop", "square", "sq", "row", "crossing",
            "xing", "alley", "cove", "crescent", "close", "plaza", "route", "rte", "turnpike", "expressway", "fwy",
            "freeway", "path", "walk", "run", "heights", "hts", "point", "pt", "bend", "ridge", "green", "hill", "park");
    /** Self-introductions: "i'm dmitri volkov btw", "this is Marguerite's daughter". */
    static final Set<String> INTRO_WORDS = Set.of("i'm", "im", "i’m", "am", "this", "it's", "its", "called", "named",
            "call", "known", "aka", "signed", "love");
    /** Units and departments that look like names to a shape rule ("Cath Lab", "Mother-Baby Unit"). */
    static final Set<String> DEPARTMENT_WORDS = Set.of("cardiology", "oncology", "radiology", "neurology",
            "orthopedics", "pediatrics", "peds", "urology", "nephrology", "dermatology", "gastroenterology",
            "endocrinology", "pulmonology", "rheumatology", "psychiatry", "obstetrics", "gynecology", "ob", "obgyn",
            "ob-gyn", "hematology", "geriatrics", "rehab", "rehabilitation", "dialysis", "icu", "nicu", "picu", "cicu",
            "micu", "sicu", "er", "ed", "emergency", "trauma", "surgery", "maternity", "labor", "delivery",
            "mother-baby", "postpartum", "lactation", "imaging", "mri", "ct", "lab", "laboratory", "pharmacy",
            "hospice", "palliative", "wellness", "nutrition", "cath", "cardiac", "vascular", "heart", "cancer",
            "infusion", "birth", "burn", "sleep", "memory", "diabetes", "education", "billing", "urgent",
            "primary", "family", "internal", "medicine", "transplant", "device", "stroke", "spine", "wound",
            "breast", "women's", "children's", "behavioral", "pavilion", "institute", "west", "east", "north",
            "south", "unit", "wing", "floor", "tower", "care", "services", "clinic", "center", "program");
    /** Words of prayer and support before a name: "praying for lakshmi", "prayers for Li Wei". */
    static final Set<String> PRAY_WORDS = Set.of("pray", "praying", "prayers", "prayer", "thoughts", "support",
            "supporting", "rooting", "cheering", "sending", "love", "hugs", "healing", "strength");
    /** Moving words before a place: "headed home to Esterbrook", "drove 3 hours from Ten Sleep". */
    static final Set<String> MOVE_WORDS = Set.of("drove", "drive", "driving", "flew", "came", "coming", "moved",
            "moving", "headed", "heading", "back", "home", "lives", "live", "living", "lived", "returns", "returned",
            "returning", "traveled", "travelled", "travel", "way", "out", "grew", "raised", "born", "relocated",
            "commute", "commutes", "transferred", "airlifted", "flown", "hometown");
    /** Family: "the Whitehorse family", "the Begay family here". */
    static final Set<String> FAMILY_WORDS = Set.of("family", "families", "household", "clan", "kids", "twins",
            "crew", "gang");

    static final Set<String> STAFF_TITLES = Set.of("dr", "doctor", "nurse", "np", "rn", "lpn", "pa", "prof",
            "professor", "therapist", "pharmacist", "chaplain", "midwife", "surgeon", "dietitian", "technician", "tech",
            "paramedic", "coordinator", "counselor", "navigator", "md", "do", "rev", "reverend", "pastor", "chef", "cna",
            "lvn", "crna", "aprn", "pt", "ot", "rt", "msw", "lcsw", "pharmd", "dds", "dmd", "physician", "officer", "ceo", "president", "director", "manager", "volunteer");
    static final Set<String> CLOSINGS = Set.of("regards", "sincerely", "cheers", "respectfully", "warmly", "best");
    static final Set<String> PATIENT_TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "mister", "sgt", "corporal",
            "cpl", "sergeant", "lt", "capt", "captain", "col", "colonel", "pvt", "señor", "senor", "señora",
            "senora", "sra", "doña", "dona", "madame", "mme", "monsieur", "herr", "frau");
    static final Set<String> KIN = Set.of("dad", "mom", "mum", "mother", "father", "son", "daughter", "wife",
            "husband", "granddaughter", "grandson", "grandmother", "grandfather", "grandma", "grandpa", "granny", "nana",
            "papa", "mama", "sister", "brother", "aunt", "auntie", "aunty", "uncle", "niece", "nephew", "cousin",
            "partner", "fiance", "fiancé", "fiancee", "fiancée", "boyfriend", "girlfriend", "stepson", "stepdaughter",
            "stepmom", "stepdad", "baby", "twins", "twin", "grandbaby", "kiddo", "neighbor", "neighbour", "roommate",
            "bestie", "friend", "patient", "named", "spouse", "child", "kid", "toddler", "infant", "abuela", "abuelo",
            "abuelita", "abuelito", "nonna", "nonno", "oma", "opa", "lola", "lolo", "bubbe", "zayde", "babcia",
            "dziadek", "yiayia", "papou", "tata", "hubby", "wifey", "bro", "sis", "mil", "fil", "sil", "bil", "bff",
            "bf", "gf", "lil", "hubs", "bestfriend", "godmother", "godfather", "godson", "goddaughter",
            "grandson's", "great-grandma", "great-grandpa", "great-grandmother", "great-grandfather", "gran",
            "grams", "gramps", "pops", "mother-in-law", "father-in-law", "little", "big", "sweet", "dear",
            "beloved", "late", "tio", "tia", "tío", "tía", "primo", "prima", "amiga", "amigo", "mijo", "mija",
            "bhai", "didi", "amma", "appa", "ammi", "abbu", "nani", "dadi", "baba", "cuz");
    static final Set<String> GREETINGS = Set.of("hi", "hey", "hello", "dear", "again", "soon", "home", "congrats",
            "congratulations", "morning", "afternoon", "evening", "birthday", "bday", "welcome", "thanks", "love",
            "xoxo", "go", "dearest", "yo", "hiya", "howdy", "bless", "miss", "prayers", "praying", "pray", "meet",
            "thx", "ty", "shoutout", "hugs", "greetings", "hola", "aloha", "salaam", "namaste", "bonjour", "ciao");
    static final Set<String> NOT_A_NAME_AFTER_GREETING = Set.of("everyone", "all", "team", "friends", "folks",
            "there", "again", "y'all", "yall", "everybody", "guys", "family", "and", "from", "to", "for", "the", "a",
            "my", "our", "you", "so", "soon", "home", "back", "with", "sir", "madam", "u", "ya", "yourself", "us",
            "me", "him", "her", "them", "this", "that", "in", "on", "at", "is", "was", "it", "up", "out", "everyone's",
            "nurse", "nurses", "doctor", "doctors", "staff", "dr", "mr", "mrs", "ms", "i", "we", "he", "she", "they",
            "baby", "babies", "mom", "dad", "please", "your", "his", "their", "an", "not", "no", "yes", "one",
            "who", "what", "if", "or", "but", "good", "great", "new", "little", "big", "every", "each", "day",
            "week", "month", "year", "today", "tonight", "hospital", "world", "patient", "patients", "all's");
    static final Set<String> ORG_HEADS = Set.of("hospital", "center", "centre", "clinic", "institute", "foundation",
            "hospice", "pharmacy", "university", "college", "healthcare", "health", "associates", "network", "system",
            "medical", "infirmary", "sanitarium", "pavilion", "elementary", "school", "academy", "church",
            "logistics", "inc", "llc", "company", "corporation", "club", "society", "department", "dept", "unit",
            "program", "services", "office", "ministries", "bank", "insurance", "association", "award", "awards",
            "gala", "fund", "campaign", "cart", "lodge", "league", "council", "committee", "coalition", "alliance",
            "partnership", "project", "initiative", "series", "festival", "prize", "trust", "board", "troop",
            "chapter", "agency", "authority", "museum", "library", "ymca", "ywca", "tournament", "marathon",
            "challenge", "collaborative", "consortium");
    static final Set<String> PLACE_SUFFIX = Set.of("creek", "flats", "junction", "mills", "mill", "point", "county",
            "springs", "spring", "falls", "heights", "valley", "ridge", "hills", "hill", "lake", "lakes", "harbor",
            "harbour", "beach", "city", "park", "grove", "village", "crossing", "landing", "bay", "bluff", "bluffs",
            "glen", "hollow", "meadows", "station", "township", "parish", "borough", "corners", "forge", "ford",
            "island", "islands", "shores", "woods", "acres", "gardens", "estates", "center", "pines", "rapids",
            "crest", "summit", "cove", "haven", "port", "view", "vista", "town", "ville", "field", "fields",
            "district", "hamlet", "commons", "plains", "bend", "ferry", "gap", "gulch", "prairie", "rock", "run");
    static final Set<String> PLACE_PREFIX = Set.of("port", "fort", "ft", "mount", "mt", "lake", "new", "north",
            "south", "east", "west", "san", "santa", "saint", "st", "glen", "cape", "upper", "lower", "old", "point",
            "los", "las", "el", "la", "le", "des", "isle");
    static final Set<String> PARTICLES = Set.of("st", "de", "del", "della", "da", "dos", "das", "van", "von", "der",
            "den", "la", "le", "du", "di", "mc", "mac", "bin", "binti", "binte", "bint", "al", "el", "ibn", "ben",
            "ter", "ten", "y", "saint", "dela", "vander", "van't", "zu", "af", "av", "ap", "ould", "abu", "e");
    static final Set<String> ABBREV_WITH_DOT = Set.of("st", "mt", "ft", "jr", "sr", "n", "s", "e", "w");
    static final Set<String> PLACE_CUES = Set.of("from", "in", "near", "of", "to", "outside", "around", "past",
            "toward", "towards");
    static final Set<String> AGE_BEFORE = Set.of("is", "at", "turning", "turned", "turns", "aged", "age", "i'm",
            "im", "am", "was", "she's", "he's", "now", "of", "just", "shes", "hes", "be", "being",
            "reached", "reaches", "celebrated", "celebrates", "celebrating", "whos", "who's", "she", "he", "who", "almost",
            "nearly", "happy");
    static final Set<String> AGE_UNIT_AFTER = Set.of("minutes", "minute", "min", "mins", "mg", "mcg", "ml",
            "percent", "%", "days", "day", "hours", "hour", "hrs", "pounds", "lbs", "lb", "mph", "degrees", "seconds",
            "weeks", "months", "miles", "units", "beds", "patients", "people", "staff", "nurses", "points", "steps",
            "dollars", "kg", "cm", "mm", "ft", "feet", "inches", "times", "am", "pm", "a.m.", "p.m.", "bpm", "years",
            "of", "fever", "f", "c", "degree", "temp", "temperature", "bucks", "k", "kids", "visitors", "babies",
            "hats", "cars", "floors", "rooms", "calls", "texts", "emails", "stitches", "shots", "pills", "doses",
            "wins", "games", "reviews", "stars", "likes", "followers", "copies", "meals", "sec", "secs", "hr",
            "second", "week", "month", "mile", "pound", "inch", "foot", "meters", "meter", "grams", "g", "oz",
            "ounces", "liters", "beats", "breaths", "percentile", "mmhg", "out");
    static final Set<String> MONTH_WORDS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    static final Set<String> WEEKDAY_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");
    /** Spelled-out numbers, for ages ("ninety-four", "a hundred and one"). */
    static final Map<String, Integer> NUMBER_WORDS = new HashMap<>();
    /** Spelled-out ordinals of ages ("ninety-fifth", "hundredth"). */
    static final Map<String, Integer> ORDINAL_WORDS = new HashMap<>();
    static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
            "VA", "WA", "WV", "WI", "WY", "DC", "PR");
    /** States, countries and regions: places larger than Safe Harbor's geographic units, never flagged. */
    static final Set<String> LARGE_PLACES = Set.of("alabama", "alaska", "arizona", "arkansas", "california",
            "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana",
            "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
            "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico",
            "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
            "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia",
            "washington", "west virginia", "wisconsin", "wyoming", "puerto rico", "america", "usa", "us", "canada",
            "mexico", "england", "scotland", "ireland", "wales", "uk", "britain", "france", "germany", "italy", "spain",
            "portugal", "poland", "ukraine", "russia", "china", "japan", "korea", "india", "pakistan", "nigeria",
            "ghana", "kenya", "ethiopia", "somalia", "philippines", "vietnam", "brazil", "argentina", "colombia",
            "peru", "chile", "cuba", "haiti", "jamaica", "africa", "europe", "asia", "australia", "midwest",
            "new england", "iran", "iraq", "syria", "turkey",
            "greece", "egypt", "israel", "lebanon", "nepal", "bangladesh", "thailand", "indonesia", "malaysia",
            "samoa", "tonga", "fiji", "guatemala", "honduras", "el salvador", "venezuela", "dominican republic",
            "sweden", "norway", "denmark", "finland", "iceland", "netherlands", "holland", "belgium", "austria",
            "switzerland", "czechia", "hungary", "romania", "armenia", "kazakhstan", "afghanistan", "sudan",
            "liberia", "senegal", "mali", "cameroon", "congo", "uganda", "tanzania", "rwanda", "zimbabwe",
            "south africa", "morocco", "algeria", "tunisia", "libya", "jordan", "saudi arabia", "yemen", "oman",
            "qatar", "kuwait", "taiwan", "cambodia", "laos", "myanmar", "sri lanka", "mongolia", "new zealand",
            "canada's", "texas's");
    /** The places of {@link #LARGE_PLACES} of two words, by first word ("new" -> "york", "jersey", ...). */
    static final Map<String, Set<String>> LARGE_PLACE_PAIRS = new HashMap<>();

    static {
        for (String place : LARGE_PLACES) {
            String[] w = place.split(" ");
            if (w.length == 2) {
                LARGE_PLACE_PAIRS.computeIfAbsent(w[0], x -> new java.util.HashSet<>()).add(w[1]);
            }
        }
    }

    static final Set<String> ABBREVIATIONS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "st", "dr", "mr", "mrs", "ms", "ave", "blvd", "rd", "ln", "apt", "no", "vs", "mt",
            "ft", "jr", "sr", "a.m", "p.m", "m", "n", "s", "e", "w", "rev", "sgt", "lt", "capt", "col", "ret");

    /** Label word (lower case) -> the identifier type of the value that follows it. */
    static final Map<String, PhiType> LABELS = new HashMap<>();
    static final Set<String> LABEL_FILLER = Set.of("number", "numbers", "no", "num", "id", "is", "was", "on", "file",
            "of", "the", "my", "your", "his", "her", "their", "ending", "in", "under", "card", "plate", "record",
            "said", "our", "a", "an", "#", "nbr", "code", "reads", "read", "s", "check-in", "as", "listed", "shows",
            "showed", "back", "to", "me", "ref", "template", "model", "whatever", "are", "were", "it", "new", "tag",
            "lists", "says", "say", "and", "scan", "print", "enrollment", "for", "medical", "rec", "med");

    static {
        for (String s : List.of("mrn", "mr#", "chart", "record", "wristband", "rec")) {
            LABELS.put(s, PhiType.MRN);
        }
        for (String s : List.of("ssn", "social")) {
            LABELS.put(s, PhiType.SSN);
        }
        for (String s : List.of("member", "insurance", "policy", "subscriber", "medicaid", "medicare",
                "beneficiary", "plan", "insurer", "group", "bcbs")) {
            LABELS.put(s, PhiType.HEALTH_PLAN);
        }
        for (String s : List.of("account", "acct", "invoice", "statement")) {
            LABELS.put(s, PhiType.ACCOUNT);
        }
        for (String s : List.of("license", "licence", "dl", "driver's", "drivers", "permit", "certificate",
                "passport")) {
            LABELS.put(s, PhiType.LICENSE);
        }
        for (String s : List.of("plate", "plates", "vin", "vehicle", "car", "truck", "van", "suv", "tag",
                "motorcycle", "jeep", "sedan", "pickup")) {
            LABELS.put(s, PhiType.VEHICLE);
        }
        for (String s : List.of("serial", "sn", "s/n", "device", "pump", "monitor", "pacemaker", "implant",
                "imei", "udi", "defibrillator", "icd", "cgm", "sensor", "hearing", "transmitter", "meter", "aid",
                "aids", "serials")) {
            LABELS.put(s, PhiType.DEVICE);
        }
        for (String s : List.of("fingerprint", "biometric", "palm", "retina", "iris", "voiceprint",
                "faceprint", "print", "palm-vein", "voice")) {
            LABELS.put(s, PhiType.BIOMETRIC);
        }
        for (String s : List.of("id", "number", "no", "#", "code", "ref", "reference", "case", "ticket",
                "confirmation", "claim")) {
            LABELS.put(s, PhiType.OTHER_ID);
        }
        String[] units = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        for (int i = 0; i < units.length; i++) {
            NUMBER_WORDS.put(units[i], i);
        }
        NUMBER_WORDS.put("ninety", 90);
        for (int i = 1; i < units.length; i++) {
            NUMBER_WORDS.put("ninety-" + units[i], 90 + i);
        }
        NUMBER_WORDS.put("hundred", 100);
        String[] teens = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen", "twenty"};
        for (int i = 0; i < teens.length; i++) {
            NUMBER_WORDS.put(teens[i], 10 + i);
        }
        for (int i = 1; i <= 5; i++) {
            NUMBER_WORDS.put("twenty-" + units[i], 20 + i); // "a hundred and twenty-one"
        }
        String[] unitOrdinals = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"};
        ORDINAL_WORDS.put("ninetieth", 90);
        for (int i = 0; i < unitOrdinals.length; i++) {
            ORDINAL_WORDS.put("ninety-" + unitOrdinals[i], 91 + i);
        }
        ORDINAL_WORDS.put("hundredth", 100);
    }

    private PhiWords() {
    }

    /** The vocabulary: the lexicon's names and English words plus every list above, each with its flag bit. */
    static PhiVocabulary vocabulary(PhiLexicon lexicon) {
        PhiVocabulary v = new PhiVocabulary(lexicon.sizeHint() + 2048);
        lexicon.fill(v, F_FIRST, F_LAST, F_ENGLISH, F_ANY_ENGLISH);
        v.addAll(STAFF_TITLES, F_STAFF);
        v.addAll(CLOSINGS, F_CLOSING);
        v.addAll(PATIENT_TITLES, F_PTITLE);
        v.addAll(KIN, F_KIN);
        v.addAll(GREETINGS, F_GREET);
        v.addAll(NOT_A_NAME_AFTER_GREETING, F_NOT_NAME);
        v.addAll(ORG_HEADS, F_ORG_HEAD);
        v.addAll(PLACE_SUFFIX, F_PSUFFIX);
        v.addAll(PLACE_PREFIX, F_PPREFIX);
        v.addAll(PARTICLES, F_PARTICLE);
        v.addAll(ABBREV_WITH_DOT, F_ABBR_DOT);
        v.addAll(PLACE_CUES, F_PLACE_CUE);
        v.addAll(AGE_BEFORE, F_AGE_BEFORE);
        v.addAll(AGE_UNIT_AFTER, F_AGE_UNIT);
        v.addAll(MONTH_WORDS, F_MONTH);
        v.addAll(WEEKDAY_WORDS, F_WEEKDAY);
        v.addAll(LABELS.keySet(), F_LABEL);
        v.addAll(LABEL_FILLER, F_LABEL_FILLER);
        v.addAll(NUMBER_WORDS.keySet(), F_NUMBER_WORD);
        v.addAll(ORDINAL_WORDS.keySet(), F_NUMBER_WORD);
        v.addAllMore(HOLIDAY_WORDS, G_HOLIDAY);
        v.addAllMore(VEHICLE_WORDS, G_VEHICLE);
        v.addAllMore(LIFE_EVENTS, G_LIFE_EVENT);
        v.addAllMore(STAFF_PLACES, G_STAFF_PLACE);
        v.addAllMore(ROLES, G_ROLE);
        v.addAllMore(NTH_NOUNS, G_NTH_NOUN);
        v.addAllMore(STREET_WORDS, G_STREET);
        v.addAllMore(INTRO_WORDS, G_INTRO);
        v.addAllMore(DEPARTMENT_WORDS, G_DEPARTMENT);
        v.addAllMore(PRAY_WORDS, G_PRAY);
        v.addAllMore(MOVE_WORDS, G_MOVE);
        v.addAllMore(FAMILY_WORDS, G_FAMILY);
        v.addAllMore(ROAD_WORDS, G_ROAD);
        v.addAllMore(HOLIDAY_NEXT, G_HOLIDAY_NEXT);
        v.addAllMore(PERSONAL_WORDS, G_PERSONAL);
        v.addAllMore(ANNOUNCE_WORDS, G_ANNOUNCE);
        v.addAllMore(ADDRESS_VERBS, G_ADDRESS_VERB);
        for (String place : LARGE_PLACES) {
            v.addMore(place.split(" ")[0], G_LARGE_PLACE);
        }
        v.add("the", W_THE);
        v.addAll(List.of("room", "rm", "bed", "bay", "bedspace", "pod", "suite"), W_ROOM);
        v.add("is", W_IS);
        v.add("name", W_NAME);
        v.add("here", W_HERE);
        v.add("from", W_FROM);
        v.addAll(List.of("do", "md", "pa"), W_DO_MD_PA);
        // other short words the rules compare by equality: a probe hit spares an allocation
        v.addAll(List.of("and", "up", "older", "over", "of", "may", "march", "patient", "nurse", "dr", "this", "i'm",
                "im", "my", "btw", "family", "turned", "years", "year", "old", "yo", "yr", "yrs"), 0);
        return v;
    }
}
