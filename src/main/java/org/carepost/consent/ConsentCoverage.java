package org.carepost.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentKind;
import org.carepost.content.ContentService;
import org.carepost.content.Platform;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Does an authorization cover a content item? It must be valid (document on file, neither revoked nor expired),
 * every target platform must be in its scope, and every PHI finding marked "covered by authorization" must be
 * allowed by the scope: a full name needs full-name permission, a photo photo permission, and so on. Reasons name
 * ids, platforms and finding types, never the content or the patient.
 */
@Service
public class ConsentCoverage {

    private final ConsentService consents;
    private final ContentService contents;
    private final CoveredFindings coveredFindings;

    public ConsentCoverage(ConsentService consents, ContentService contents, CoveredFindings coveredFindings) {
        this.consents = consents;
        this.contents = contents;
        this.coveredFindings = coveredFindings;
    }

    /** Testimonials, and any content with a finding marked covered by authorization, need an authorization. */
    @Transactional(readOnly = true)
    public boolean needed(UUID contentId) {
        ContentItem item = contents.get(contentId);
        return item.getKind() == ContentKind.TESTIMONIAL || !coveredFindings.coveredTypes(contentId).isEmpty();
    }

    /** Why {@code consentId} does not cover the content, or empty. */
    @Transactional(readOnly = true)
    public List<String> gaps(UUID contentId, UUID consentId) {
        List<String> gaps = new ArrayList<>(consents.invalidity(consentId));
        Optional<Authorization> found = consents.find(consentId);
        if (found.isEmpty()) {
            return gaps;
        }
        Authorization consent = found.get();
        ContentItem item = contents.get(contentId);
        for (Platform platform : item.getPlatforms()) {
            if (!consent.getPlatforms().contains(platform.code())) {
                gaps.add("platform " + platform.code() + " is not in the scope of authorization " + consentId);
            }
        }
        for (String type : new TreeSet<>(coveredFindings.coveredTypes(contentId))) {
            if (!permits(consent, type)) {
                gaps.add("finding type " + type + " is not permitted by the scope of authorization " + consentId
                        + " (" + permissionFor(type) + ")");
            }
        }
        return gaps;
    }

    /** The content's linked authorization covers it (if one is needed): empty, else why not. */
    @Transactional(readOnly = true)
    public List<String> gapsOfLinked(UUID contentId) {
        ContentItem item = contents.get(contentId);
        if (item.getConsentId() == null) {
            return needed(contentId) ? List.of("content " + contentId + " needs a patient authorization and has none")
                    : List.of();
        }
        return gaps(contentId, item.getConsentId());
    }

    static boolean permits(Authorization consent, String findingType) {
        return switch (findingType) {
            case "FIRST_NAME" -> consent.allowsFirstName();
            case "NAME", "FULL_NAME" -> consent.allowsFullName();
            case "PHOTO", "FACE", "IMAGE", "BIOMETRIC" -> consent.allowsPhoto();
            case "CONDITION", "DIAGNOSIS" -> consent.allowsCondition();
            case "DATE", "AGE_OVER_89" -> consent.allowsDates();
            default -> false; // addresses, numbers, ids ...: no scope of ours may cover them
        };
    }

    private static String permissionFor(String findingType) {
        return switch (findingType) {
            case "FIRST_NAME" -> "needs first-name permission";
            case "NAME", "FULL_NAME" -> "needs full-name permission";
            case "PHOTO", "FACE", "IMAGE", "BIOMETRIC" -> "needs photo permission";
            case "CONDITION", "DIAGNOSIS" -> "needs condition permission";
            case "DATE", "AGE_OVER_89" -> "needs dates permission";
            default -> "cannot be covered by an authorization for social media; redact it";
        };
    }

    /**
     * Whether some authorization scope can cover a finding of this type; for the others (addresses, phone numbers,
     * ids ...) only redaction or "not PHI" remain. The Resolve PHI form offers "covered" only for these.
     */
    public static boolean coverable(String findingType) {
        return coverableTypes().contains(findingType);
    }

    /** Finding types an authorization's scope can permit at all; every other type must be redacted. */
    public static Set<String> coverableTypes() {
        return Set.of("FIRST_NAME", "NAME", "FULL_NAME", "PHOTO", "FACE", "IMAGE", "BIOMETRIC", "CONDITION",
                "DIAGNOSIS", "DATE", "AGE_OVER_89");
    }
}
