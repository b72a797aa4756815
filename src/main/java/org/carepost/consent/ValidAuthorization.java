package org.carepost.consent;

import java.time.LocalDate;
import java.util.Set;

/** An authorization with every element present and well-formed; only {@link AuthorizationValidator} makes one. */
record ValidAuthorization(String patientName, String informationDescription, String discloser, String recipients,
                          String purposes, LocalDate expiresOn, String expirationEvent, String signedBy,
                          LocalDate signedOn, String representativeAuthority, String revocationRight,
                          String treatmentConditioning, String redisclosureStatement, Set<String> platforms,
                          Scope scope) {

    record Scope(boolean firstName, boolean fullName, boolean photo, boolean condition, boolean dates) {
    }
}
