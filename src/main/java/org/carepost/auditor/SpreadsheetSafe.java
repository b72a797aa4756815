package org.carepost.auditor;

import org.carepost.audit.AuditExportRow;

/**
 * CSV cells a spreadsheet would run as a formula (OWASP "CSV injection": a cell starting with = + - @, a tab or a
 * carriage return) get a leading single quote, which spreadsheets show as text. Nothing is lost: a cell that
 * already starts with a quote gets one more, so removing one leading quote from every cell that starts with one
 * gives back exactly what was recorded (and the JSON export is never changed).
 */
final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + value;
            default -> value;
        };
    }

    static AuditExportRow row(AuditExportRow r) {
        return new AuditExportRow(r.seq(), cell(r.occurredAt()), cell(r.actor()), cell(r.action()), cell(r.contentId()),
                cell(r.versionHash()), cell(r.consentId()), cell(r.decision()), cell(r.comment()),
                cell(r.processInstanceId()), cell(r.taskId()), cell(r.prevHash()), cell(r.hash()));
    }
}
