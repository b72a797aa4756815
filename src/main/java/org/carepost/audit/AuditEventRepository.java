package org.carepost.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByContentIdOrderById(UUID contentId);

    /** The events of one process instance (an offboarding's, say), in order. */
    List<AuditEvent> findByProcessInstanceIdOrderById(String processInstanceId);
}
