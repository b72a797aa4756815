package org.carepost.process.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History level full writes an {@code ACT_HI_DETAIL} row for every value a variable takes, besides its
 * {@code ACT_HI_VARINST} row. For the variables in {@link #NAMES} only the {@code ACT_HI_VARINST} row is written: each
 * is the engine's copy of something our tables already keep with its time and actor (the routing in
 * {@code review_routing} and the audit trail's route event, the PHI findings in {@code phi_finding}, the version hash
 * and sign-off department on each {@code approval}, the health claims in {@code health_claim}, holds in the pause
 * records) or the engine's own multi-instance counters. Nobody reads their details: auditors read the audit trail, and
 * Cockpit (community edition) shows running instances' variables, not details. They were about 30 of the ~45 detail
 * rows of a post (ProcessThroughputBenchmark, #18).
 *
 * <p>Details of everything else stay: the reviewers' decisions ({@code decision}, {@code privacyReviewDecision}, ...,
 * {@code departmentSignoffDecision}), {@code publishAt}, {@code contentId}, {@code author}, {@code department}, and every
 * other process's variables. {@link PrivateVariables} still keeps its names out of history altogether (it wraps this
 * handler).
 *
 * <p>Installed as the engine's database history handler (the default one is turned off, this one takes its place
 * first in the list), so the Spring Boot starter's event publisher behind it sees every event as before.
 */
@Component
public class BookkeepingVariableDetails extends AbstractProcessEnginePlugin {

    /** Variables whose every value is kept elsewhere: no {@code ACT_HI_DETAIL} rows. */
    public static final Set<String> NAMES = Set.of(
            // content-approval's routing outcome (RoutingOutcomeListener; review_routing + audit event "route")
            "privacyReviewRequired", "legalReviewRequired", "medicalReviewRequired", "brandReviewRequired",
            "communicationsReviewRequired", "reviewSla", "signoffDepartments", "publishImmediately",
            // PHI scan result (phi_finding), the pause check's answer (pause records)
            "openPhiFindings", "publishingPaused",
            // review tasks' bindings (DecisionTaskListener; approval.version_hash, approval.department, health_claim)
            "versionHash", "claimCount", "signoffDepartment", "signoffDepartmentLabel",
            // multi-instance bookkeeping of the engine
            "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new Handler());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** The engine's database handler, without the detail rows of {@link #NAMES}. */
    static final class Handler extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && !NAMES.contains(event.getVariableName());
        }
    }
}
