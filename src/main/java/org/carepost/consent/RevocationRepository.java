package org.carepost.consent;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RevocationRepository extends JpaRepository<Revocation, UUID> {
}
