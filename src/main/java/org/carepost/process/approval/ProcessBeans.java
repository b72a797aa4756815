package org.carepost.process.approval;

import org.camunda.bpm.engine.IdentityService;
import org.carepost.review.DepartmentHeads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ProcessBeans {

    /** Referenced by the BPMN as the sign-off task's candidate users: {@code ${departmentHeads.of(department)}}. */
    @Bean
    public DepartmentHeads departmentHeads(IdentityService identityService) {
        return new DepartmentHeads(identityService);
    }
}
