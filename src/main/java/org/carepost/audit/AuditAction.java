package org.carepost.audit;

public enum AuditAction {
    SUBMIT("submit"),
    REVISE("revise"),
    REVIEW("review"),
    SIGNOFF("signoff"),
    APPROVE("approve"),
    REJECT("reject"),
    PUBLISH("publish"),
    GATE_REFUSED("gate-refused"),
    ROUTE("route"),
    ESCALATE("escalate"),
    CONSENT_RECORDED("consent-recorded"),
    CONSENT_DOCUMENT("consent-document"),
    CONSENT_REQUESTED("consent-requested"),
    CONSENT_REMINDER("consent-reminder"),
    CONSENT_CAPTURED("consent-captured"),
    CONSENT_INVALID("consent-invalid"),
    CONSENT_TIMEOUT("consent-timeout"),
    CONSENT_REVOKED("consent-revoked"),
    CONSENT_EXPIRED("consent-expired"),
    DRAFT_STOPPED("draft-stopped"),
    TAKEDOWN("takedown"),
    /** PHI findings replaced by typed placeholders in a new version. */
    REDACT("redact"),
    /** PHI findings marked as covered by the patient's authorization. */
    PHI_COVERED("phi-covered"),
    /** A PHI finding dismissed as not PHI, with the reviewer's reason (never the finding's text). */
    PHI_DISMISSED("phi-dismissed"),
    /** An image attached to a draft after its metadata was stripped. */
    MEDIA_UPLOAD("media-upload"),
    /** An auditor read a version whose PHI was redacted afterwards (an explicit action, never a side view). */
    SHOW_UNREDACTED("show-unredacted"),
    /** Somebody tried to start a draft's process with a business key of their choosing (refused). */
    START_REFUSED("start-refused"),
    /** Every post of a content was deleted on its network after its authorization ended: the content is withdrawn. */
    TAKEN_DOWN("taken-down"),
    /** Operations asked to offboard a leaving staff member (offboard-user). */
    USER_OFFBOARDING_STARTED("user-offboarding-started"),
    /** A leaving staff member's account was locked at their leaving date. */
    USER_LOCKED("user-locked"),
    /** A leaving staff member's open tasks went back to their groups or to a named colleague. */
    TASKS_REASSIGNED("tasks-reassigned"),
    /** A leaving author's unfinished draft went to the department head's list. */
    DRAFTS_HANDED_OVER("drafts-handed-over"),
    /** A leaving staff member's group memberships ended (each recorded first). */
    MEMBERSHIPS_ENDED("memberships-ended"),
    /** The brand team confirmed the rotation of the credentials of the accounts a leaver managed. */
    CREDENTIALS_ROTATED("credentials-rotated"),
    /** Communications or privacy paused publishing (all departments or one), with a reason. */
    PUBLISHING_PAUSED("publishing-paused"),
    /** A second person resumed publishing; the held posts are released in publishAt order. */
    PUBLISHING_RESUMED("publishing-resumed"),
    /** A pause's expected end passed while publishing was still paused (its groups are reminded). */
    PUBLISHING_PAUSE_OVERDUE("publishing-pause-overdue"),
    /** A pause ended because its process instance was cancelled (an administrator in Cockpit). */
    PUBLISHING_PAUSE_CANCELLED("publishing-pause-cancelled"),
    /** Posts held by a pause were released after it ended, in publishAt order. */
    HELD_POSTS_RELEASED("held-posts-released"),
    /** The models and forms deployed at start-up changed: a new engine deployment, with every resource's SHA-256. */
    MODELS_DEPLOYED("models-deployed"),
    /** A compliance lead deployed models from Camunda Modeler: a proposal (inactive), with every resource's SHA-256. */
    MODEL_PROPOSED("model-proposed"),
    /** The automatic checks of a proposal ran (decision "passed" or "failed", the findings in the comment). */
    MODEL_CHECKED("model-checked"),
    /** A second person from compliance or privacy approved a proposal. */
    MODEL_APPROVED("model-approved"),
    /** A proposal was rejected by a reviewer or refused by its checks; its deployment is deleted. */
    MODEL_REJECTED("model-rejected"),
    /** An approved proposal became the models in force: a new engine deployment, with every resource's SHA-256. */
    MODEL_ACTIVATED("model-activated");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
