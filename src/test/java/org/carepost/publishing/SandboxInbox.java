package org.carepost.publishing;


/**
 * For tests outside publishing: what the sandbox network received, by the post id a publication records as its
 * external id. The repository itself is private to publishing.
 */
public class SandboxInbox {

    private final SandboxPostRepository posts;

    public SandboxInbox(org.springframework.context.ApplicationContext context) {
        this.posts = context.getBean(SandboxPostRepository.class);
    }

    public String body(String externalId) {
        return posts.findById(Long.valueOf(externalId))
                .orElseThrow(() -> new AssertionError("no sandbox post " + externalId)).getBody();
    }
}
