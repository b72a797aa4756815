package org.carepost.publishing;

import com.fasterxml.jackson.databind.JsonNode;

/** The Graph API's error body: {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}. */
final class GraphErrors {

    private GraphErrors() {
    }

    static String detail(JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.isObject()) {
            return "";
        }
        String code = HttpPlatformAdapter.text(error, "code");
        String subcode = HttpPlatformAdapter.text(error, "error_subcode");
        return HttpPlatformAdapter.join(HttpPlatformAdapter.text(error, "type"),
                code == null ? null : "code " + code + (subcode == null ? "" : "/" + subcode) + ":",
                HttpPlatformAdapter.text(error, "message"));
    }
}
