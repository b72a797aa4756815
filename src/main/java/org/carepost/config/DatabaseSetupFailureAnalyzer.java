package org.carepost.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by {@link DatabaseSetupException}: Spring Boot prints its sentence instead of a stack trace. */
class DatabaseSetupFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseSetupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseSetupException cause) {
        return new FailureAnalysis(cause.getMessage(), "See docs/configuration.md for the database settings.", cause);
    }
}
