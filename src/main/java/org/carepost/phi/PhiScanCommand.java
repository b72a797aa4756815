package org.carepost.phi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code carepost phi-scan [--organization=FILE.yml]}: JSON lines {@code {"id","text"}} in, one line
 * {@code {"id":..,"spans":[{"start","end","type"}]}} per input line out (UTF-8). The optional file holds the
 * organisation directory ({@code carepost.phi.organization}, as in application.yml). Errors name the line number only:
 * the text may itself be PHI.
 */
public final class PhiScanCommand {

    /** Exit status for malformed input. */
    public static final int EXIT_MALFORMED = 2;
    /** Exit status when input/output fails. */
    public static final int EXIT_IO = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PhiScanCommand() {
    }

    public static int run(InputStream in, OutputStream out, PrintStream err) {
        return run(in, out, err, Holder.DETECTOR);
    }

    /** With the command's arguments (after "phi-scan"): {@code --organization=FILE.yml}. */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        PhiDetector detector = Holder.DETECTOR;
        for (String arg : args) {
            if (arg.startsWith("--organization=")) {
                try (InputStream yml = java.nio.file.Files.newInputStream(java.nio.file.Path.of(arg.substring(15)))) {
                    detector = detector.withDirectory(new OrganizationDirectory(OrganizationSettings.fromYaml(yml),
                            List.of()));
                } catch (IOException | RuntimeException e) {
                    fail(err, "phi-scan: cannot read the organisation directory: " + e.getClass().getSimpleName());
                    return EXIT_MALFORMED;
                }
            } else {
                fail(err, "phi-scan: unknown argument (only --organization=FILE.yml)");
                return EXIT_MALFORMED;
            }
        }
        return run(in, out, err, detector);
    }

    static int run(InputStream in, OutputStream out, PrintStream err, PhiDetector detector) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int lineNo = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    // Jackson's message quotes the offending input; it may be PHI, so it is not shown.
                    fail(err, "phi-scan: line " + lineNo + ": invalid JSON");
                    writer.flush();
                    return EXIT_MALFORMED;
                }
                if (node == null || !node.isObject()) {
                    fail(err, "phi-scan: line " + lineNo + ": not a JSON object");
                    writer.flush();
                    return EXIT_MALFORMED;
                }
                JsonNode id = node.get("id");
                JsonNode text = node.get("text");
                if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
                    fail(err, "phi-scan: line " + lineNo + ": missing or non-string \"id\"");
                    writer.flush();
                    return EXIT_MALFORMED;
                }
                if (text == null || !text.isTextual()) {
                    fail(err, "phi-scan: line " + lineNo + ": missing or non-string \"text\"");
                    writer.flush();
                    return EXIT_MALFORMED;
                }
                writer.write(toJsonLine(id, detector.scan(text.textValue())));
                writer.write('\n');
            }
            writer.flush();
            return 0;
        } catch (IOException e) {
            fail(err, "phi-scan: I/O error after line " + lineNo + ": " + e.getClass().getSimpleName());
            return EXIT_IO;
        }
    }

    /** One message line, always ending with a newline, flushed at once (the process exits right after). */
    private static void fail(PrintStream err, String message) {
        err.print(message + "\n");
        err.flush();
    }

    private static String toJsonLine(JsonNode id, List<PhiSpan> spans) throws IOException {
        StringWriter sw = new StringWriter(64 + spans.size() * 48);
        try (JsonGenerator g = JSON.getFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeFieldName("id");
            if (id.isTextual()) {
                g.writeString(id.textValue());
            } else {
                g.writeNumber(id.bigIntegerValue());
            }
            g.writeArrayFieldStart("spans");
            for (PhiSpan s : spans) {
                g.writeStartObject();
                g.writeNumberField("start", s.start());
                g.writeNumberField("end", s.end());
                g.writeStringField("type", s.type().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return sw.toString();
    }

    /** Lazily built so that loading the class does not load the dictionaries. */
    private static final class Holder {
        static final PhiDetector DETECTOR = new PhiDetector();
    }
}
