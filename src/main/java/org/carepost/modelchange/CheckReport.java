package org.carepost.modelchange;

import java.util.List;

/** The findings of every automatic check on a proposal; it passes only if every finding passed. */
public record CheckReport(List<CheckFinding> findings) {

    public CheckReport {
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return findings.stream().allMatch(CheckFinding::passed);
    }
}
