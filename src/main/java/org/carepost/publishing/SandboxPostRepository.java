package org.carepost.publishing;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxPostRepository extends JpaRepository<SandboxPost, Long> {

    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, and translates a derived query's criteria
    // anew on every call (#18, ProcessThroughputBenchmark).
    @org.springframework.data.jpa.repository.Query("select s from SandboxPost s where s.idempotencyKey = :idempotencyKey")
    Optional<SandboxPost> findByIdempotencyKey(String idempotencyKey);
}
