package org.carepost.auditor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.carepost.audit.AuditExportRow;
import org.carepost.audit.AuditVerifier;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;
import org.carepost.phi.RedactedVersions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's read-only API. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    static final String AUDITORS = "hasAuthority('GROUP_auditors')";

    private final AuditVerifier verifier;
    private final AuditorService auditor;
    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();
    private final RedactedVersions redactedVersions;

    public AuditController(AuditVerifier verifier, AuditorService auditor, ObjectMapper json,
                           RedactedVersions redactedVersions) {
        this.verifier = verifier;
        this.auditor = auditor;
        this.json = json;
        this.redactedVersions = redactedVersions;
    }

    public record VerifyResult(boolean ok, long count, Long brokenSeq, String problem, String line) {
    }

    @GetMapping("/verify")
    @PreAuthorize("hasAnyAuthority('GROUP_auditors', 'GROUP_camunda-admin')")
    public VerifyResult verify() {
        AuditVerifier.Result r = verifier.verify();
        return new VerifyResult(r.ok(), r.count(), r.brokenSeq(), r.problem(), r.line());
    }

    public record UnredactedVersion(UUID contentId, int versionNo, String sha256, String text) {
    }

    /** The text of a version whose PHI was redacted afterwards: an explicit action, recorded in the audit trail. */
    @PostMapping("/content/{id}/versions/{versionNo}/unredacted")
    @PreAuthorize(AUDITORS)
    public UnredactedVersion unredacted(@PathVariable UUID id, @PathVariable int versionNo, Authentication user) {
        var version = redactedVersions.showUnredacted(id, versionNo, user.getName());
        return new UnredactedVersion(id, version.getVersionNo(), version.getSha256(), version.getBody());
    }

    @GetMapping("/content/{id}")
    @PreAuthorize(AUDITORS)
    public AuditorService.Dossier content(@PathVariable UUID id) {
        return auditor.dossier(id);
    }

    @GetMapping("/export.csv")
    @PreAuthorize(AUDITORS)
    public void exportCsv(@RequestParam String from, @RequestParam String to, HttpServletResponse response) throws IOException {
        Instant start = start(from);
        Instant end = end(to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + from + "-" + to + ".csv\"");
        CsvSchema schema = csv.schemaFor(AuditExportRow.class).withHeader();
        try (SequenceWriter writer = csv.writer(schema).writeValues(response.getOutputStream())) {
            auditor.export(start, end, r -> write(writer, SpreadsheetSafe.row(AuditExportRow.of(r))));
        }
    }

    @GetMapping("/export.json")
    @PreAuthorize(AUDITORS)
    public void exportJson(@RequestParam String from, @RequestParam String to, HttpServletResponse response) throws IOException {
        Instant start = start(from);
        Instant end = end(to);
        response.setContentType("application/json");
        try (SequenceWriter writer = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValuesAsArray(response.getOutputStream())) {
            auditor.export(start, end, r -> write(writer, AuditExportRow.of(r)));
        }
    }

    private static void write(SequenceWriter writer, AuditExportRow row) {
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code yyyy-MM-dd} (start of that day, UTC) or an ISO instant. */
    static Instant start(String value) {
        return parse("from", value, false);
    }

    /** {@code yyyy-MM-dd} (the whole day is included) or an ISO instant (exclusive). */
    static Instant end(String value) {
        return parse("to", value, true);
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidContentException(List.of(new FieldProblem(field, "must be yyyy-MM-dd or an ISO instant")));
        }
    }
}
