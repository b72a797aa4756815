package org.carepost.phi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hospital's own identifiers, which are not PHI: its names, public phone and fax numbers, e-mail domains, websites
 * and street addresses, and its staff (names of people who work there). Built from {@link OrganizationSettings} and
 * the Camunda users; immutable. Matches are not reported by the detector.
 */
public final class OrganizationDirectory {

    public static final OrganizationDirectory EMPTY = new OrganizationDirectory(OrganizationSettings.NONE, List.of());

    private final Set<String> phones = new HashSet<>();
    private final Set<String> emailDomains = new HashSet<>();
    private final Set<String> websites = new HashSet<>();
    private final Set<String> addresses = new HashSet<>();
    /** Names (organisations, staff) as lower-cased, accent-folded word sequences, by the hash of their first word. */
    private final Map<Integer, List<String[]>> orgNames = new HashMap<>();
    private final Map<Integer, List<String[]>> staffNames = new HashMap<>();
    /** First names and surnames of staff: a lone one counts as staff only with a staff context. */
    private final Set<String> staffParts = new HashSet<>();
    private final Set<String> squashedOrgNames = new HashSet<>();
    /** Bit filters over word hashes (first words of names, staff name parts): one probe per token, no boxing. */
    private final long[] orgFirst = new long[FILTER_WORDS];
    private final long[] staffFirst = new long[FILTER_WORDS];
    private final long[] staffPartBits = new long[FILTER_WORDS];
    private static final int FILTER_WORDS = 128;
    private final Set<String> shortNames = new HashSet<>();

    public OrganizationDirectory(OrganizationSettings settings, Collection<String> moreStaff) {
        for (String p : settings.phones()) {
            String d = p.replaceAll("\\D", "");
            if (d.length() >= 7) {
                phones.add(national(d));
            }
        }
        for (String d : settings.emailDomains()) {
            emailDomains.add(d.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", ""));
        }
        for (String w : settings.websites()) {
            websites.add(host(w));
        }
        for (String a : settings.addresses()) {
            addresses.add(normalizeAddress(a));
        }
        for (String n : settings.names()) {
            add(orgNames, n);
            String[] w = words(n);
            squashedOrgNames.add(String.join("", w));
            if (w.length > 1 && w[0].length() >= 4) {
                shortNames.add(w[0]);
            }
        }
        List<String> staff = new ArrayList<>(settings.staff());
        staff.addAll(moreStaff);
        for (String n : staff) {
            String[] w = words(n);
            if (w.length >= 2) {
                add(staffNames, n);
            }
            for (String part : w) {
                if (part.length() >= 2) {
                    staffParts.add(part);
                }
            }
        }
        orgNames.keySet().forEach(h -> set(orgFirst, h));
        staffNames.keySet().forEach(h -> set(staffFirst, h));
        staffParts.forEach(p -> set(staffPartBits, p.hashCode()));
    }

    private static void set(long[] bits, int hash) {
        int b = (hash ^ (hash >>> 13)) & (FILTER_WORDS * 64 - 1);
        bits[b >>> 6] |= 1L << b;
    }

    private static boolean maybe(long[] bits, int hash) {
        int b = (hash ^ (hash >>> 13)) & (FILTER_WORDS * 64 - 1);
        return (bits[b >>> 6] & (1L << b)) != 0;
    }

    /** False: no name of the organisation starts with this word; true: look it up. */
    boolean mayStartOrgName(int hash) {
        return maybe(orgFirst, hash);
    }

    boolean mayStartStaffName(int hash) {
        return maybe(staffFirst, hash);
    }

    boolean mayBeStaffPart(int hash) {
        return maybe(staffPartBits, hash);
    }

    private static void add(Map<Integer, List<String[]>> into, String name) {
        String[] w = words(name);
        if (w.length > 0) {
            into.computeIfAbsent(w[0].hashCode(), h -> new ArrayList<>()).add(w);
        }
    }

    /** Lower-cased, accent-folded words, split as the detector's tokenizer splits them. */
    static String[] words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[^\\p{L}\\p{N}'\u2019-]+")) {
            String t = w.replaceAll("^['\u2019-]+|['\u2019-]+$", "");
            if (t.endsWith("'s") || t.endsWith("\u2019s")) {
                t = t.substring(0, t.length() - 2);
            }
            if (!t.isEmpty()) {
                out.add(PhiLexicon.fold(t.toLowerCase(Locale.ROOT)));
            }
        }
        return out.toArray(String[]::new);
    }

    private static String national(String digits) {
        return digits.length() == 11 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
    }

    private static String host(String url) {
        String h = url.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        int cut = h.indexOf('/');
        h = cut >= 0 ? h.substring(0, cut) : h;
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /** "1500 Riverside Pkwy." and "1500 riverside parkway" are the same street address. */
    static String normalizeAddress(String a) {
        StringBuilder out = new StringBuilder();
        for (String w : a.toLowerCase(Locale.ROOT).split("[^a-z0-9#]+")) {
            if (w.isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? "" : " ").append(STREET_ABBREVIATIONS.getOrDefault(w, w));
        }
        return out.toString();
    }

    private static final Map<String, String> STREET_ABBREVIATIONS = Map.ofEntries(Map.entry("st", "street"),
            Map.entry("rd", "road"), Map.entry("ave", "avenue"), Map.entry("av", "avenue"), Map.entry("ln", "lane"),
            Map.entry("dr", "drive"), Map.entry("blvd", "boulevard"), Map.entry("ct", "court"),
            Map.entry("pl", "place"), Map.entry("ter", "terrace"), Map.entry("cir", "circle"),
            Map.entry("pkwy", "parkway"), Map.entry("hwy", "highway"), Map.entry("sq", "square"),
            Map.entry("n", "north"), Map.entry("s", "south"), Map.entry("e", "east"), Map.entry("w", "west"),
            Map.entry("ste", "suite"), Map.entry("trl", "trail"));

    boolean isOrgPhone(String digits) {
        return !phones.isEmpty() && phones.contains(national(digits));
    }

    boolean isOrgEmailDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        for (String own : emailDomains) {
            if (d.equals(own) || d.endsWith("." + own)) {
                return true;
            }
        }
        return false;
    }

    boolean isOrgWebsite(String host) {
        String h = host.startsWith("www.") ? host.substring(4) : host;
        for (String own : websites) {
            if (h.equals(own) || h.endsWith("." + own)) {
                return true;
            }
        }
        return false;
    }

    /** The street address, with or without a suite or unit after it ("900 Summit Avenue, Suite 200"). */
    boolean isOrgAddress(String street) {
        if (addresses.isEmpty()) {
            return false;
        }
        String a = normalizeAddress(street);
        for (String own : addresses) {
            if (a.equals(own) || a.startsWith(own + " ")) {
                return true;
            }
        }
        return false;
    }

    /** The first word of one of the organisation's names, if it is distinctive ("Riverbend" of "Riverbend Health"). */
    boolean isOrgShortName(String lowerWord) {
        return shortNames.contains(lowerWord);
    }

    boolean isOrgHandle(String handle) {
        return squashedOrgNames.contains(PhiLexicon.fold(handle.toLowerCase(Locale.ROOT)));
    }

    boolean hasOrgNames() {
        return !orgNames.isEmpty();
    }

    boolean hasStaff() {
        return !staffParts.isEmpty();
    }

    /** Name candidates whose first word hashes like a token (then compared word by word). */
    List<String[]> orgNamesStartingWith(int hash) {
        return orgNames.getOrDefault(hash, List.of());
    }

    List<String[]> staffNamesStartingWith(int hash) {
        return staffNames.getOrDefault(hash, List.of());
    }

    boolean isStaffPart(String lowerWord) {
        return staffParts.contains(lowerWord);
    }

    @Override
    public String toString() {
        return "OrganizationDirectory[" + orgNames.size() + " names, " + phones.size() + " numbers, "
                + staffParts.size() + " staff name parts]";
    }
}
