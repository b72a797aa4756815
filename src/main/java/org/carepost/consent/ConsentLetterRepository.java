package org.carepost.consent;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentLetterRepository extends JpaRepository<ConsentLetter, Long> {

    List<ConsentLetter> findByContentIdOrderById(UUID contentId);
}
