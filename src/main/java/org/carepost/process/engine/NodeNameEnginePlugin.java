package org.carepost.process.engine;

import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * In a cluster, names the node in the lock owner of every job it locks ({@code act_ru_job.lock_owner_}): after a
 * node dies, an operator sees which jobs wait for its locks to expire. The random part stays, because the lock
 * owner must differ between JVMs (and between restarts of one node): a node unlocks its own jobs on shutdown.
 */
@Component
public class NodeNameEnginePlugin extends AbstractProcessEnginePlugin {

    private final String nodeName;

    public NodeNameEnginePlugin(@Value("${carepost.node-name:}") String nodeName) {
        this.nodeName = nodeName == null ? "" : nodeName.strip();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!nodeName.isEmpty() && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(lockOwner(nodeName));
        }
    }

    static String lockOwner(String nodeName) {
        return nodeName + ":" + UUID.randomUUID();
    }
}
