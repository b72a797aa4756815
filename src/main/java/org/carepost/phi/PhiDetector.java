package org.carepost.phi;

import java.util.List;
import java.util.function.Supplier;

/**
 * Finds PHI spans in free text (posts, testimonials, review replies, titles).
 *
 * <p>One tokenizer pass ({@link TextScan}) feeds the rules of three identifier families, in this order: contact and
 * network ids ({@link ContactIdRules}), street addresses and ZIP codes ({@link NamePlaceRules#addresses}), numbers
 * and dates ({@link NumberDateRules}), then names and places ({@link NamePlaceRules#names}). A structured identifier
 * takes its tokens, so later rules do not read them again. The organisation directory removes the hospital's own
 * numbers, domains, addresses, names and staff; no context rule drops a structured identifier.
 *
 * <p>Policy: recall first (a leak costs a patient's privacy, a false alarm costs a click).
 *
 * <p>Immutable after construction and safe to share between threads; build it once, it loads the dictionaries.
 */
public final class PhiDetector {

    private final PhiLexicon lexicon;
    private final PhiVocabulary vocab;
    private final Supplier<OrganizationDirectory> directory;
    /** Working buffers reused by the calls of one thread (the detector itself is shared). */
    private final ThreadLocal<TextScan> scans;

    /** Loads the dictionaries, without an organisation directory; construct once and share. */
    public PhiDetector() {
        this(() -> OrganizationDirectory.EMPTY);
    }

    /** With the hospital's directory, read at every scan (it may change while the detector lives). */
    public PhiDetector(Supplier<OrganizationDirectory> directory) {
        this(PhiLexicon.load(), directory);
    }

    PhiDetector(PhiLexicon lexicon, Supplier<OrganizationDirectory> directory) {
        this.lexicon = lexicon;
        this.vocab = PhiWords.vocabulary(lexicon);
        this.directory = directory;
        this.scans = ThreadLocal.withInitial(() -> new TextScan(vocab));
    }

    /** The same dictionaries with another directory (cheap: the dictionaries are shared). */
    public PhiDetector withDirectory(OrganizationDirectory other) {
        return new PhiDetector(lexicon, () -> other);
    }

    /** Spans sorted by start, non-overlapping (overlaps are merged). Never null. */
    public List<PhiSpan> scan(String text) {
        return scan(text, false);
    }

    /**
     * A title: where most words are capitalised ("Welcome Home, Emma Okonkwo"), a capital is no evidence of a name,
     * so only cues, dictionary names and the structured rules count.
     */
    public List<PhiSpan> scanTitle(String title) {
        return scan(title, isTitleCase(title));
    }

    private List<PhiSpan> scan(String text, boolean titleCase) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        TextScan s = scans.get();
        s.directory = directory.get();
        s.titleCase = titleCase;
        s.reset(text);
        ContactIdRules.scan(s);
        NamePlaceRules.addresses(s);
        NumberDateRules.scan(s);
        NamePlaceRules.names(s, lexicon);
        return s.merged();
    }

    /** Most words of four letters or more start with a capital. */
    static boolean isTitleCase(String title) {
        int words = 0;
        int caps = 0;
        for (String w : title.split("[^\\p{L}'-]+")) {
            if (w.length() >= 4) {
                words++;
                if (Character.isUpperCase(w.charAt(0))) {
                    caps++;
                }
            }
        }
        return words >= 2 && caps * 3 >= words * 2;
    }

    /** One family's rules alone, for its unit tests. */
    List<PhiSpan> scanFamily(String text, java.util.function.Consumer<TextScan> family) {
        TextScan s = new TextScan(vocab);
        s.directory = directory.get();
        s.reset(text);
        family.accept(s);
        return s.merged();
    }

    PhiLexicon lexicon() {
        return lexicon;
    }
}
