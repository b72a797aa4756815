package org.carepost.phi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Word lists the detector needs, loaded once: person names from Datafaker's locale YAML files
 * (Apache-2.0, read as plain resources), English words from Datafaker's en/words.yml plus our own
 * phi/common-words.txt. All entries are lower case; accented names are also stored ASCII-folded.
 */
final class PhiLexicon {

    /** Latin-script locales whose name lists cover the mix of names a US hospital sees. */
    private static final List<String> NAME_LOCALES = List.of(
            "en/name.yml", "en-US.yml", "en-GB.yml", "en-AU.yml", "en-CA.yml", "en-IN.yml", "en-NG.yml",
            "en-ZA.yml", "en-PH.yml", "en-PK.yml", "en-PAK.yml", "en-UG.yml", "en-NZ.yml", "en-SG.yml",
            "en-MS.yml", "en-NEP.yml", "es.yml", "es-MX.yml", "es-AR.yml", "pt.yml", "pt-BR.yml", "fr.yml",
            "de.yml", "it.yml", "nl.yml", "pl.yml", "sv.yml", "tr.yml", "fi-FI.yml", "nb-NO.yml",
            "da-DK.yml", "id.yml", "cs.yml", "hu.yml", "hr.yml", "vi.yml", "ca.yml", "sk.yml", "et.yml",
            "lv.yml", "sq.yml", "ro-MD.yml");

    private static final Set<String> FIRST_KEYS = Set.of(
            "first_name", "male_first_name", "female_first_name", "neutral_first_name",
            "first_name_men", "first_name_women", "male_first_names", "female_first_names");
    private static final Set<String> LAST_KEYS = Set.of(
            "last_name", "male_last_name", "female_last_name", "last_names");

    final Set<String> firstNames = new HashSet<>(16384);
    final Set<String> lastNames = new HashSet<>(16384);
    /** Dictionary words (word lists, verbs, medical terms, our own list): these veto a name. */
    final Set<String> englishWords = new HashSet<>(16384);
    /** Words seen in lower case in English prose (quotes, jokes): they veto only non-dictionary names. */
    final Set<String> proseWords = new HashSet<>(32768);

    private Set<String> englishInflected = Set.of();
    private Set<String> proseInflected = Set.of();

    private static Set<String> expand(Set<String> stems) {
        Set<String> out = new HashSet<>(stems.size() * 12);
        for (String w : stems) {
            out.add(w);
            out.add(w + "s");
            out.add(w + "es");
            out.add(w + "ed");
            out.add(w + "d");
            out.add(w + "ing");
            out.add(w + "ly");
            out.add(w + "er");
            if (w.endsWith("e")) {
                out.add(w.substring(0, w.length() - 1) + "ing");
            }
            if (w.endsWith("y")) {
                out.add(w.substring(0, w.length() - 1) + "ies");
            }
        }
        return out;
    }

    /** Datafaker en/ files that are word lists. */
    private static final List<String> CORE_WORD_FILES = List.of("en/words.yml", "en/verbs.yml",
            "en/emotion.yml", "en/adjective.yml", "en/animal.yml",
            "en/food.yml", "en/color.yml", "en/science.yml", "en/job.yml", "en/hobby.yml");
    /** Datafaker en/ files with English sentences; lower-case tokens there are ordinary words. */
    private static final List<String> PROSE_FILES = List.of("en/medical.yml", "en/disease.yml", "en/quote.yml", "en/jack_handey.todo.yml",
            "en/chuck_norris.yml", "en/most_interesting_man_in_the_world.todo.yml", "en/babylon5.yml",
            "en/v_for_vendetta.yml", "en/star_wars.yml", "en/dune.yml", "en/oscar_movie.yml",
            "en/back_to_the_future.yml", "en/the_it_crowd.yml", "en/ghostbusters.yml",
            "en/fresh_prince_of_bel_air.yml", "en/dumb_and_dumber.yml", "en/the_office.yml", "en/buffy.yml",
            "en/hitchhikers_guide_to_the_galaxy.yml", "en/silicon_valley.yml", "en/matz.yml",
            "en/restaurant.yml", "en/company.yml", "en/vehicle.yml", "en/famous_last_words.yml",
            "en/shakespeare.yml", "en/yoda.yml", "en/joke.yml", "en/hipster.yml", "en/marketing.yml",
            "en/book.yml", "en/educator.yml", "en/house.yml", "en/marketing.yml", "en/movie.yml",
            "en/how_i_met_your_mother.yml", "en/friends.yml", "en/big_bang_theory.yml");

    static final Set<String> BRANDS = Set.of("facebook", "instagram", "tiktok", "youtube", "twitter", "linkedin",
            "mastodon", "zoom", "google", "mychart", "android", "iphone", "ipad", "apple", "microsoft", "whatsapp",
            "messenger", "snapchat", "reddit", "gofundme", "caringbridge", "venmo", "paypal", "amazon", "walmart",
            "starbucks", "uber", "lyft", "netflix", "spotify", "fitbit", "covid", "tylenol", "advil", "epic",
            "telehealth", "medicare", "medicaid", "bluecross", "aetna", "cigna", "humana", "kaiser", "costco",
            "cvs", "walgreens", "dunkin", "mcdonald's", "chick-fil-a", "doordash", "alexa", "siri", "x", "zumba",
            // peoples and faiths, capitalised adjectives: "American Heart Association", "Mexican food"
            "american", "americans", "mexican", "canadian", "african", "asian", "european", "latino", "latina",
            "latinx", "hispanic", "chinese", "korean", "japanese", "vietnamese", "filipino", "irish", "italian",
            "german", "french", "polish", "russian", "ukrainian", "jewish", "muslim", "christian", "catholic",
            "hindu", "sikh", "buddhist", "english", "spanish", "arabic", "somali", "hmong", "haitian", "cuban",
            "puerto", "rican", "dominican", "nigerian", "ghanaian", "ethiopian", "kenyan", "indigenous", "navajo",
            "lakota", "ojibwe", "cherokee", "hawaiian", "samoan", "tongan", "pacific", "native");

    private PhiLexicon() {
    }

    static PhiLexicon load() {
        PhiLexicon lex = new PhiLexicon();
        ClassLoader cl = PhiLexicon.class.getClassLoader();
        for (String res : NAME_LOCALES) {
            Object root = readYaml(cl, res);
            if (root != null) {
                lex.collectNames(root);
            }
        }
        for (String res : CORE_WORD_FILES) {
            Object words = readYaml(cl, res);
            if (words != null) {
                collectLowerWords(words, lex.englishWords);
            }
        }
        for (String res : PROSE_FILES) {
            Object words = readYaml(cl, res);
            if (words != null) {
                collectLowerWords(words, lex.proseWords);
            }
        }
        lex.loadWordFile(cl, "phi/common-words.txt");
        // brands, platforms, peoples: capitalised, in no word list; those that are also first names ("Alexa",
        // "Christian") stay weak evidence only
        for (String b : BRANDS) {
            (lex.firstNames.contains(b) ? lex.proseWords : lex.englishWords).add(b);
        }
        // pre-expand inflections so that a lookup at scan time is one hash probe, no substring
        lex.englishInflected = expand(lex.englishWords);
        lex.proseInflected = expand(lex.proseWords);
        lex.loadScowl(cl);
        lex.proseInflected.addAll(lex.englishInflected);
        if (lex.firstNames.size() < 1000 || lex.englishWords.size() < 1000) {
            // Without the dictionaries the detector would leak names silently: fail loudly instead.
            throw new IllegalStateException("PHI lexicon resources missing (datafaker jar not on classpath?)");
        }
        return lex;
    }

    private static Object readYaml(ClassLoader cl, String resource) {
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            LoaderOptions opts = new LoaderOptions();
            opts.setCodePointLimit(8 * 1024 * 1024);
            return new Yaml(opts).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon resource " + resource, e);
        }
    }

    private void collectNames(Object node) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (FIRST_KEYS.contains(key)) {
                    addNames(e.getValue(), firstNames);
                } else if (LAST_KEYS.contains(key)) {
                    addNames(e.getValue(), lastNames);
                } else {
                    collectNames(e.getValue());
                }
            }
        }
    }

    private static void addNames(Object value, Set<String> into) {
        if (value instanceof List<?> list) {
            for (Object o : list) {
                addNames(o, into);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object o : map.values()) {
                addNames(o, into);
            }
        } else if (value instanceof String s && !s.contains("#{") && s.length() >= 2) {
            for (String part : s.split("[\\s]+")) {
                if (part.length() >= 2 && isLatinWord(part)) {
                    String lower = part.toLowerCase(Locale.ROOT);
                    into.add(lower);
                    into.add(fold(lower));
                }
            }
        }
    }

    /** Words written in lower case: capitalised entries may be proper nouns, so they are skipped. */
    private static void collectLowerWords(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            for (Object o : map.values()) {
                collectLowerWords(o, into);
            }
        } else if (node instanceof List<?> list) {
            for (Object o : list) {
                collectLowerWords(o, into);
            }
        } else if (node instanceof String s && !s.contains("#{")) {
            for (String w : s.split("[^A-Za-z']+")) {
                if (w.length() >= 2 && Character.isLowerCase(w.charAt(0)) && w.equals(w.toLowerCase(Locale.ROOT))) {
                    into.add(w.endsWith("'s") ? w.substring(0, w.length() - 2) : w);
                }
            }
        }
    }

    private void loadWordFile(ClassLoader cl, String resource) {
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String w : line.trim().split("\\s+")) {
                    if (!w.isEmpty()) {
                        englishWords.add(w.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * SCOWL's English words (already inflected). A word that is also a dictionary name ("bell", "grace", "hunter")
     * counts as prose only, so it does not veto a name; the others are dictionary words.
     */
    private void loadScowl(ClassLoader cl) {
        try (InputStream in = cl.getResourceAsStream("phi/scowl-english.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource phi/scowl-english.txt");
            }
            for (String w : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (w.isEmpty() || w.startsWith("#")) {
                    continue;
                }
                if (firstNames.contains(w)) {
                    proseInflected.add(w); // "Ivy", "Hunter": a capital may well be a person
                } else {
                    englishInflected.add(w); // surnames alone ("Grand", "Summit") come with a first name or title
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read phi/scowl-english.txt", e);
        }
    }

    private static boolean isLatinWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)
                    && c != '\'' && c != '-') {
                return false;
            }
        }
        return true;
    }

    static String fold(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            }
        }
        return s;
    }

    /** Puts every lexicon word into the vocabulary with its flags. */
    void fill(PhiVocabulary vocab, int first, int last, int english, int anyEnglish) {
        vocab.addAll(firstNames, first);
        vocab.addAll(lastNames, last);
        vocab.addAll(englishInflected, english);
        vocab.addAll(proseInflected, anyEnglish);
    }

    int sizeHint() {
        return firstNames.size() + lastNames.size() + proseInflected.size();
    }

    boolean isName(String lower) {
        return firstNames.contains(lower) || lastNames.contains(lower);
    }

    boolean isFirstName(String lower) {
        return firstNames.contains(lower);
    }

    /** A dictionary word (or an inflection of one): vetoes even a dictionary name. */
    boolean isEnglish(String lower) {
        return englishInflected.contains(lower);
    }

    /** Any English word, including ones only seen in prose. */
    boolean isAnyEnglish(String lower) {
        return proseInflected.contains(lower);
    }

    /** Membership allowing the common inflections (plural, past, -ing, -ly, -er) of a listed stem. */
    private static boolean inflected(Set<String> set, String lower) {
        if (set.contains(lower)) {
            return true;
        }
        int n = lower.length();
        if (n > 3 && lower.endsWith("s") && set.contains(lower.substring(0, n - 1))) {
            return true;
        }
        if (n > 4 && lower.endsWith("es") && set.contains(lower.substring(0, n - 2))) {
            return true;
        }
        if (n > 4 && lower.endsWith("ies") && set.contains(lower.substring(0, n - 3) + "y")) {
            return true;
        }
        if (n > 4 && lower.endsWith("ed")
                && (set.contains(lower.substring(0, n - 2)) || set.contains(lower.substring(0, n - 1)))) {
            return true;
        }
        if (n > 5 && lower.endsWith("ing")
                && (set.contains(lower.substring(0, n - 3)) || set.contains(lower.substring(0, n - 3) + "e"))) {
            return true;
        }
        if (n > 4 && lower.endsWith("ly") && set.contains(lower.substring(0, n - 2))) {
            return true;
        }
        return n > 4 && lower.endsWith("er") && set.contains(lower.substring(0, n - 2));
    }
}
