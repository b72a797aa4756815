package org.carepost.publishing;

public record PublishResult(String externalId, String url) {
}
