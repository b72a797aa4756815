package org.carepost.consent;

import java.util.List;

/**
 * An authorization as recorded by the privacy office from the patient's signed form: raw values, checked by
 * {@link AuthorizationValidator}. Dates are ISO-8601 dates (yyyy-MM-dd).
 *
 * @param personalRepresentative true when a personal representative signed; then {@code representativeAuthority}
 *                               (their authority to act for the patient) is required
 * @param platforms              who may receive it: the public on exactly these platforms
 * @param scope                  what may appear: each permission must be given explicitly (true or false)
 */
public record NewAuthorization(String patientName, String informationDescription, String discloser, String recipients,
                               String purposes, String expiresOn, String expirationEvent, String signedBy,
                               String signedOn, Boolean personalRepresentative, String representativeAuthority,
                               String revocationRight, String treatmentConditioning, String redisclosureStatement,
                               List<String> platforms, Scope scope) {

    public record Scope(Boolean firstName, Boolean fullName, Boolean photo, Boolean condition, Boolean dates) {
    }
}
