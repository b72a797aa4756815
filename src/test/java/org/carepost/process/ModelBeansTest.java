package org.carepost.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.carepost.process.takedown.DeletePostDelegate;
import org.carepost.process.takedown.PlanTakedownDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelBeansTest {

    @Deployment(resources = {"processes/takedown.bpmn", "forms/offboard-user.form"})
    static class TakedownOnly {
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void theDelegatesAreReadFromTheDeployedModels() {
        assertThat(ModelBeans.delegatesOf(TakedownOnly.class))
                .containsExactly("deletePostDelegate", "planTakedownDelegate", "takedownCompleteDelegate");
    }

    @Test
    void aDelegateTheModelCallsWithoutABeanIsNamed() {
        ModelBeans.register(new PlanTakedownDelegate(null));
        ModelBeans.register(new DeletePostDelegate(null));
        assertThat(Mocks.get("planTakedownDelegate")).isInstanceOf(PlanTakedownDelegate.class);
        assertThatThrownBy(() -> ModelBeans.assertComplete(TakedownOnly.class))
                .hasMessageContaining("[takedownCompleteDelegate]");
    }
}
