package org.carepost.consent;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carepost.publishing.GateCheck;
import org.springframework.stereotype.Component;

/**
 * Pre-publication gate: right before anything goes out, the authorization is still valid (not revoked, not expired)
 * and still covers the platforms and covered findings. So a revocation between approval and the scheduled time
 * publishes nothing, even if its message never reached the process.
 */
@Component
public class ConsentGateCheck implements GateCheck {

    private final ConsentCoverage coverage;

    public ConsentGateCheck(ConsentCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public Optional<String> refusal(UUID contentId) {
        List<String> gaps = coverage.gapsOfLinked(contentId);
        return gaps.isEmpty() ? Optional.empty() : Optional.of("authorization: " + String.join("; ", gaps));
    }
}
