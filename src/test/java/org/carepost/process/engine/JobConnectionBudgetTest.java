package org.carepost.process.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * A publish or takedown job uses two database connections at once: the engine's, and one for PublishingService's
 * own transactions. If the job threads could take every connection of the pool, each would wait for its second
 * one forever (until the pool's timeout fails them all). The shipped configuration keeps room for two per job.
 */
class JobConnectionBudgetTest {

    @Test
    void theConnectionPoolHoldsTwoConnectionsForEveryJobThread() {
        for (String file : new String[] {"application.yml", "application-postgres.yml", "application-cluster.yml"}) {
            Properties merged = load("application.yml");
            merged.putAll(load(file));
            int pool = Integer.parseInt(merged.getProperty("spring.datasource.hikari.maximum-pool-size", "10"));
            int jobThreads = Integer.parseInt(merged.getProperty("camunda.bpm.job-execution.max-pool-size", "10"));
            assertThat(pool).as(file + ": connections for " + jobThreads + " job threads").isGreaterThanOrEqualTo(2 * jobThreads);
        }
    }

    private static Properties load(String file) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(file));
        return yaml.getObject();
    }
}
