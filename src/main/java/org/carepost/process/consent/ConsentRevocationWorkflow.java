package org.carepost.process.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.carepost.consent.ConsentService;
import org.carepost.consent.Revocation;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.carepost.process.engine.AsCarePost;
import org.carepost.process.engine.ProcessVariables;

/**
 * Enforces the end of an authorization (revocation or expiry) in the same transaction as recording it, so it is
 * never lost: every in-flight content process under the authorization gets the {@code ConsentRevoked} message
 * (correlated by business key = content id) and stops; every published item gets a {@code takedown} process.
 * If any of this fails, nothing is recorded and the caller sees the error.
 */
@NamedInterface("workflow")
@Service
public class ConsentRevocationWorkflow {

    private final ConsentService consents;
    private final ContentService contents;
    private final RuntimeService runtime;
    private final IdentityService identity;

    public ConsentRevocationWorkflow(ConsentService consents, ContentService contents, RuntimeService runtime,
                                     IdentityService identity) {
        this.consents = consents;
        this.contents = contents;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** What an ended authorization set in motion. */
    @NamedInterface("workflow")
    public record Enforcement(UUID consentId, String kind, List<UUID> stopped, List<UUID> takenDown,
                              List<String> takedownProcessInstanceIds) {
    }

    @Transactional
    public Enforcement revoke(UUID consentId, Revocation.Channel via, LocalDate receivedOn, String note, String actor) {
        consents.revoke(consentId, via, receivedOn, note, actor);
        return enforce(consentId, "revoked");
    }

    @Transactional
    public Enforcement expire(UUID consentId) {
        consents.expire(consentId, ProcessVariables.SYSTEM_ACTOR);
        return enforce(consentId, "expired");
    }

    /**
     * Stopping drafts and starting takedowns is CarePost's own duty once the revocation is recorded (the caller's
     * right to record it was checked, and our audit names them): it runs without the caller's engine
     * authorizations, so a privacy officer needs no rights on other people's process instances.
     */
    private Enforcement enforce(UUID consentId, String reason) {
        return AsCarePost.run(identity, () -> enforceAsSystem(consentId, reason));
    }

    private Enforcement enforceAsSystem(UUID consentId, String reason) {
        List<UUID> stopped = new ArrayList<>();
        List<UUID> takenDown = new ArrayList<>();
        List<String> takedownProcesses = new ArrayList<>();
        for (ContentItem item : contents.underConsent(consentId)) {
            String key = item.getId().toString();
            Map<String, Object> variables = Map.of(ConsentVariables.CONSENT_ID, consentId.toString(),
                    ConsentVariables.STOP_REASON, reason);
            if (item.getStatus() == ContentStatus.PUBLISHED) {
                takedownProcesses.add(runtime.createProcessInstanceByKey(ConsentVariables.TAKEDOWN_PROCESS_KEY)
                        .processDefinitionWithoutTenantId().businessKey(key).setVariables(variables).execute().getId());
                takenDown.add(item.getId());
                continue;
            }
            var correlated = runtime.createMessageCorrelation(ConsentVariables.REVOKED_MESSAGE)
                    .processInstanceBusinessKey(key).withoutTenantId().setVariables(variables).correlateAllWithResult();
            if (!correlated.isEmpty()) {
                stopped.add(item.getId());
            }
        }
        return new Enforcement(consentId, reason, stopped, takenDown, takedownProcesses);
    }
}
