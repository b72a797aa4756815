package org.carepost.process;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** The in-memory engine of every engine-only process test, with flow-node and sequence-flow coverage. */
public final class ProcessTestEngine {

    public static final double MINIMUM_COVERAGE = 0.9;

    private ProcessTestEngine() {
    }

    /** A coverage extension that fails the test class below 90% coverage; reports land in target/process-test-coverage. */
    public static ProcessEngineCoverageExtension withCoverage() {
        return ProcessEngineCoverageExtension.builder().configurationResource("camunda-process-test.cfg.xml")
                .assertClassCoverageAtLeast(MINIMUM_COVERAGE).build();
    }
}
