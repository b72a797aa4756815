package org.carepost.consent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.carepost.content.FieldProblem;
import org.carepost.content.Platform;

/**
 * Every core element and required statement of 45 CFR 164.508(c), plus CarePost's explicit scope. Lists every
 * problem at once (field names and what is missing, never values: they are PHI).
 */
public final class AuthorizationValidator {

    static final int MAX_TEXT = 4000;

    private AuthorizationValidator() {
    }

    public record Result(ValidAuthorization valid, List<FieldProblem> problems) {
    }

    public static Result validate(NewAuthorization a, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (a == null) {
            problems.add(new FieldProblem("authorization", "is required"));
            return new Result(null, problems);
        }
        String patient = text(a.patientName(), "patientName", "the patient the authorization is about", problems);
        String info = text(a.informationDescription(), "informationDescription",
                "a specific, meaningful description of the information (164.508(c)(1)(i))", problems);
        String discloser = text(a.discloser(), "discloser", "who may disclose it (164.508(c)(1)(ii))", problems);
        String recipients = text(a.recipients(), "recipients", "who may receive it (164.508(c)(1)(iii))", problems);
        String purposes = text(a.purposes(), "purposes", "each purpose of the disclosure (164.508(c)(1)(iv))", problems);
        LocalDate expiresOn = date(a.expiresOn(), "expiresOn", problems);
        String event = blank(a.expirationEvent()) ? null : a.expirationEvent().strip();
        if (expiresOn == null && event == null && blank(a.expiresOn())) {
            problems.add(new FieldProblem("expiresOn", "an expiration date or an expiration event is required (164.508(c)(1)(v))"));
        }
        String signedBy = text(a.signedBy(), "signedBy", "the signature (164.508(c)(1)(vi))", problems);
        LocalDate signedOn = null;
        if (blank(a.signedOn())) {
            problems.add(new FieldProblem("signedOn", "the date of the signature is required (164.508(c)(1)(vi))"));
        } else {
            signedOn = date(a.signedOn(), "signedOn", problems);
            if (signedOn != null && signedOn.isAfter(today)) {
                problems.add(new FieldProblem("signedOn", "must not be in the future"));
            }
        }
        if (expiresOn != null && signedOn != null && !expiresOn.isAfter(signedOn)) {
            problems.add(new FieldProblem("expiresOn", "must be after the date of the signature"));
        }
        String authority = null;
        if (a.personalRepresentative() == null) {
            problems.add(new FieldProblem("personalRepresentative",
                    "say whether a personal representative signed (true or false)"));
        } else if (a.personalRepresentative()) {
            authority = text(a.representativeAuthority(), "representativeAuthority",
                    "a personal representative's authority to act for the patient (164.508(c)(1)(vi))", problems);
        }
        String revocation = text(a.revocationRight(), "revocationRight",
                "the statement of the right to revoke in writing and how (164.508(c)(2)(i))", problems);
        String conditioning = text(a.treatmentConditioning(), "treatmentConditioning",
                "the statement whether treatment, payment, enrollment or eligibility is conditioned on signing (164.508(c)(2)(ii))",
                problems);
        String redisclosure = text(a.redisclosureStatement(), "redisclosureStatement",
                "the statement that redisclosed information may no longer be protected (164.508(c)(2)(iii))", problems);
        Set<String> platforms = new TreeSet<>();
        if (a.platforms() == null || a.platforms().isEmpty()) {
            problems.add(new FieldProblem("platforms", "at least one platform the public may see it on is required"));
        } else {
            for (String code : a.platforms()) {
                if (code == null || Platform.fromCode(code).isEmpty()) {
                    problems.add(new FieldProblem("platforms", "unknown platform; one of: " + Platform.codes()));
                    break;
                }
                platforms.add(code);
            }
        }
        ValidAuthorization.Scope scope = null;
        if (a.scope() == null) {
            problems.add(new FieldProblem("scope", "is required: firstName, fullName, photo, condition, dates (each true or false)"));
        } else {
            NewAuthorization.Scope s = a.scope();
            flag(s.firstName(), "scope.firstName", problems);
            flag(s.fullName(), "scope.fullName", problems);
            flag(s.photo(), "scope.photo", problems);
            flag(s.condition(), "scope.condition", problems);
            flag(s.dates(), "scope.dates", problems);
            if (s.firstName() != null && s.fullName() != null && s.photo() != null && s.condition() != null
                    && s.dates() != null) {
                scope = new ValidAuthorization.Scope(s.firstName(), s.fullName(), s.photo(), s.condition(), s.dates());
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new ValidAuthorization(patient, info, discloser, recipients, purposes, expiresOn, event,
                signedBy, signedOn, authority, revocation, conditioning, redisclosure, platforms, scope), List.of());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value, String field, String what, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "is required: " + what));
            return null;
        }
        if (value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return value.strip();
    }

    private static LocalDate date(String value, String field, List<FieldProblem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 date, e.g. 2031-12-31"));
            return null;
        }
    }

    private static void flag(Boolean value, String field, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "must be given explicitly (true or false)"));
        }
    }
}
