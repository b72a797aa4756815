package org.carepost.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/**
 * Where a multipart upload is accepted, how large it may be, and who may send it (deny by default: a multipart
 * request to any other path is refused). {@link UploadGateFilter} applies it before a byte of the body is read.
 * To let a group upload somewhere, add it to that rule's groups (e.g. "compliance" for deployments).
 */
final class UploadRules {

    /** Camunda's REST API, under /engine-rest and in the webapps (/camunda/api/engine/engine/{engine}). */
    private static final String ENGINE = "(/engine-rest|/camunda/api/engine/engine/[^/]+)";

    record Rule(String what, Pattern path, long maxBytes, Set<String> groups) {
    }

    static final List<Rule> RULES = List.of(
            // A post's image (the media service allows 10 MB; the rest is the multipart envelope).
            new Rule("a post's image", Pattern.compile("/api/content/[^/]+/media"), mb(11), Set.of("authors")),
            // A signed patient authorization (carepost.consent.max-document-bytes, 10 MB by default).
            new Rule("a signed authorization", Pattern.compile("/api/consents/[^/]+/document"), mb(11), Set.of("privacy")),
            // ... and recorded with its scan on the authorization page of a post (AuthorizationPageController).
            new Rule("a signed authorization", Pattern.compile("/app/authorizations/for-post/[^/]+"), mb(11),
                    Set.of("privacy")),
            // Compliance proposes model changes from Camunda Modeler (a proposal until a second person approves it,
            // process.modelchange); CarePost's own models are deployed at start-up (ProcessDeployer).
            new Rule("a deployment", Pattern.compile(ENGINE + "/deployment/create"), mb(10), Set.of("compliance")),
            // Attachments and binary variables: no role needs them (see ReservedOperations).
            new Rule("a task attachment", Pattern.compile(ENGINE + "/task/[^/]+/attachment/create"), mb(10),
                    Set.of("camunda-admin")),
            new Rule("a binary variable", Pattern.compile(ENGINE
                    + "/(process-instance|execution|task|case-instance|case-execution)/[^/]+/(variables|localVariables)/[^/]+/data"),
                    mb(10), Set.of("camunda-admin")));

    private UploadRules() {
    }

    static Optional<Rule> rule(String path) {
        return RULES.stream().filter(r -> r.path().matcher(path).matches()).findFirst();
    }

    private static long mb(long megabytes) {
        return DataSize.ofMegabytes(megabytes).toBytes();
    }
}
