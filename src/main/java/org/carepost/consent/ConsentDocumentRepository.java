package org.carepost.consent;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentDocumentRepository extends JpaRepository<ConsentDocument, Long> {

    List<ConsentDocument> findByConsentIdOrderById(UUID consentId);

    boolean existsByConsentId(UUID consentId);
}
