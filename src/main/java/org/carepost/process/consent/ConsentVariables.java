package org.carepost.process.consent;

/** The variables of consent capture, revocation and takedown: ids, flags and counts only, never PHI. */
public final class ConsentVariables {

    public static final String CAPTURE_PROCESS_KEY = "consent-capture";
    public static final String TAKEDOWN_PROCESS_KEY = "takedown";
    public static final String REVOKED_MESSAGE = "ConsentRevoked";
    /** The authorization the privacy officer enters in "Record signed authorization", and the one a message names. */
    public static final String CONSENT_ID = "consentId";
    public static final String AUTHORIZATION_VALID = "authorizationValid";
    /** What is missing or wrong, as reasons naming ids, platforms and finding types. */
    public static final String AUTHORIZATION_PROBLEMS = "authorizationProblems";
    /** revoked | expired */
    public static final String STOP_REASON = "stopReason";
    public static final String STOP_NOTICE = "stopNotice";
    public static final String TAKEDOWN_IDS = "takedownIds";
    public static final String TAKEDOWN_ID = "takedownId";
    public static final String CONSENT_TIMEOUT_ERROR = "CONSENT_TIMEOUT";

    private ConsentVariables() {
    }
}
