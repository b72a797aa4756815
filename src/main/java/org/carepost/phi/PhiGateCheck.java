package org.carepost.phi;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carepost.publishing.GateCheck;
import org.springframework.stereotype.Component;

/** Pre-publication gate: scans the current version again and refuses while any PHI finding is open. */
@Component
public class PhiGateCheck implements GateCheck {

    private final PhiScanService scans;

    public PhiGateCheck(PhiScanService scans) {
        this.scans = scans;
    }

    @Override
    public Optional<String> refusal(UUID contentId) {
        if (scans.scan(contentId) == 0) {
            return Optional.empty();
        }
        String ids = scans.openFindings(contentId).stream().map(f -> String.valueOf(f.getId()))
                .collect(Collectors.joining(", "));
        return Optional.of("unresolved PHI findings " + ids);
    }
}
