package org.carepost.review;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The freeze requires exactly the routed approvals on the current hash, never the author's, by two people. */
class FullApprovalTest {

    private final UUID contentId = UUID.randomUUID();
    private final ContentVersion version = new ContentVersion(contentId, 1, "Road closed; use the south entrance.", "alice", Instant.now());
    private final List<Approval> approvals = new ArrayList<>();
    private ReviewService reviews;
    private RoutingRecordRepository routings;

    @BeforeEach
    void setUp() {
        ContentService contents = mock(ContentService.class);
        ContentItem item = mock(ContentItem.class);
        when(item.getAuthor()).thenReturn("alice");
        when(item.getDepartment()).thenReturn("cardiology");
        when(contents.get(contentId)).thenReturn(item);
        when(contents.currentVersion(contentId)).thenReturn(version);
        ApprovalRepository repository = mock(ApprovalRepository.class);
        when(repository.findByContentIdAndVersionNoOrderById(contentId, 1)).thenAnswer(inv -> approvals);
        routings = mock(RoutingRecordRepository.class);
        reviews = new ReviewService(contents, repository, mock(AuditTrail.class), Clock.systemUTC(), routings);
    }

    private void routed(String kind, List<String> coDepartments) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (kind.equals("crisis-update")) {
            rows.add(Map.of("review", "privacy", "signoff", "none", "sla", "PT1H", "publication", "immediately"));
            rows.add(Map.of("review", "communications", "sla", "PT1H"));
        } else {
            rows.add(Map.of("review", "privacy", "signoff", coDepartments.isEmpty() ? "author's department" : "each department"));
            rows.add(Map.of("review", "legal"));
        }
        RoutingOutcome outcome = RoutingOutcome.combine(rows, "cardiology", coDepartments);
        when(routings.findFirstByContentIdAndVersionNoOrderByIdDesc(contentId, 1)).thenReturn(Optional.of(
                new RoutingRecord(contentId, 1, version.getSha256(), outcome, Instant.now())));
    }

    private void approve(ReviewKind kind, String who, String hash, String department) {
        approvals.add(new Approval(contentId, 1, hash, kind, who, Decision.APPROVE, null, "t", Instant.now(), department));
    }

    @Test
    void crisisNeedsPrivacyAndCommunicationsByTwoPeople() {
        routed("crisis-update", List.of());
        approve(ReviewKind.PRIVACY, "pat", version.getSha256(), null);
        assertThatThrownBy(() -> reviews.assertFullyApproved(contentId)).hasMessageContaining("communications");
        approve(ReviewKind.COMMUNICATIONS, "pat", version.getSha256(), null);
        assertThatThrownBy(() -> reviews.assertFullyApproved(contentId)).hasMessageContaining("two different people");
        approve(ReviewKind.COMMUNICATIONS, "cole", version.getSha256(), null);
        assertThatCode(() -> reviews.assertFullyApproved(contentId)).doesNotThrowAnyException();
    }

    @Test
    void approvalOfAnotherTextOrByTheAuthorDoesNotCount() {
        routed("crisis-update", List.of());
        approve(ReviewKind.PRIVACY, "pat", version.getSha256(), null);
        approve(ReviewKind.COMMUNICATIONS, "cole", "0".repeat(64), null);
        assertThatThrownBy(() -> reviews.assertFullyApproved(contentId)).hasMessageContaining("communications");
        approve(ReviewKind.COMMUNICATIONS, "alice", version.getSha256(), null);
        assertThatThrownBy(() -> reviews.assertFullyApproved(contentId)).hasMessageContaining("communications");
    }

    @Test
    void crossDepartmentNeedsEveryRoutedDepartment() {
        routed("education", List.of("oncology"));
        approve(ReviewKind.PRIVACY, "pat", version.getSha256(), null);
        approve(ReviewKind.LEGAL, "lee", version.getSha256(), null);
        approve(ReviewKind.SIGNOFF, "carl", version.getSha256(), "cardiology");
        assertThatThrownBy(() -> reviews.assertFullyApproved(contentId)).hasMessageContaining("department oncology");
        approve(ReviewKind.SIGNOFF, "olga", version.getSha256(), "oncology");
        assertThatCode(() -> reviews.assertFullyApproved(contentId)).doesNotThrowAnyException();
    }
}
