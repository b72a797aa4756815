package org.carepost.phi;

/**
 * The free-text field of a content version a finding is in. The title is shown outside privacy (calendar, task
 * lists, the .ics feed), so it is scanned and resolved like the text.
 */
public enum PhiField {
    TEXT("text"),
    TITLE("title");

    private final String label;

    PhiField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
