package org.carepost.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.UUID;
import org.carepost.consent.ConsentService;
import org.junit.jupiter.api.Test;

class ConsentExpiryJobTest {

    @Test
    void everyDueAuthorizationIsEndedAndOneFailureDoesNotHoldBackTheOthers() {
        UUID failing = UUID.randomUUID();
        UUID fine = UUID.randomUUID();
        ConsentService consents = mock(ConsentService.class);
        ConsentRevocationWorkflow workflow = mock(ConsentRevocationWorkflow.class);
        when(consents.dueForExpiry()).thenReturn(List.of(failing, fine));
        when(workflow.expire(failing)).thenThrow(new IllegalStateException("optimistic lock"));

        int ended = new ConsentExpiryJob(consents, workflow).expireDue();

        assertThat(ended).isEqualTo(1);
        verify(workflow).expire(fine);
    }
}
