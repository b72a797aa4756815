package org.carepost.publishing;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxPostRepository extends JpaRepository<SandboxPost, Long> {

    Optional<SandboxPost> findByIdempotencyKey(String idempotencyKey);
}
