package org.carepost.consent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuthorizationRepository extends JpaRepository<Authorization, UUID> {

    /** Authorizations whose date has passed and that were not yet ended (revoked or expired). */
    @Query("select a.id from Authorization a where a.expiresOn < :today"
            + " and not exists (select r from Revocation r where r.consentId = a.id)")
    List<UUID> expiredAndNotEnded(LocalDate today);

    /** The most recent authorizations whose patient name contains the given part (any case). */
    List<Authorization> findTop50ByPatientNameContainingIgnoreCaseOrderByRecordedAtDesc(String patientNamePart);
}
