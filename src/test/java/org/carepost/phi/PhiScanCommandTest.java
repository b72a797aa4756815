package org.carepost.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhiScanCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input) {
        return PhiScanCommand.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8), TestDetector.get());
    }

    @Test
    void writesOneLinePerInputWithSpans() throws Exception {
        String in = "{\"id\":\"a\",\"kind\":\"post\",\"text\":\"Dear Mrs. Nguyen, MRN 00482913.\"}\n"
                + "{\"id\":\"b\",\"text\":\"Nothing to see here.\"}\n";
        assertEquals(0, run(in));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(lines[0]);
        assertEquals("a", a.get("id").asText());
        assertEquals(2, a.get("spans").size());
        assertEquals(10, a.get("spans").get(0).get("start").asInt());
        assertEquals(16, a.get("spans").get(0).get("end").asInt());
        assertEquals("NAME", a.get("spans").get(0).get("type").asText());
        assertEquals("MRN", a.get("spans").get(1).get("type").asText());
        assertEquals("{\"id\":\"b\",\"spans\":[]}", lines[1]);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badJsonFailsNamingTheLineButNotTheText() {
        String secret = "Gunnar Petrov SSN 945-47-2749";
        String in = "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"" + secret + "\"\n";
        assertEquals(PhiScanCommand.EXIT_MALFORMED, run(in));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("line 2"), msg);
        assertTrue(msg.endsWith("\n"), "the message ends with a newline");
        assertFalse(msg.contains("Gunnar") || msg.contains("945-47"), msg);
    }

    /** What {@code java -jar carepost.jar phi-scan} runs: the process's stdin to its stdout. */
    @Test
    void packagedCommandReadsStdinAndWritesStdout() {
        java.io.InputStream stdin = System.in;
        PrintStream stdout = System.out;
        try {
            System.setIn(new ByteArrayInputStream("{\"id\":7,\"text\":\"Call me at 503-555-0147.\"}\n"
                    .getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, PhiScanCommand.run(System.in, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        assertEquals("{\"id\":7,\"spans\":[{\"start\":11,\"end\":23,\"type\":\"PHONE\"}]}\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingTextOrIdFailsWithTheLineNumber() {
        assertEquals(PhiScanCommand.EXIT_MALFORMED, run("{\"id\":\"a\"}\n"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 1"));
        err.reset();
        assertEquals(PhiScanCommand.EXIT_MALFORMED, run("{\"id\":\"a\",\"text\":\"x\"}\n{\"text\":\"Maria Lopez\"}\n"));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("line 2") && msg.contains("id"), msg);
        assertFalse(msg.contains("Maria"), msg);
    }

    @Test
    void readsTheOrganisationDirectoryFromAFileAndRefusesOtherArguments() throws Exception {
        java.nio.file.Path yml = java.nio.file.Files.createTempFile("org", ".yml");
        try {
            java.nio.file.Files.writeString(yml, "carepost:\n  phi:\n    organization:\n      phones: ['(503) 555-0120']\n");
            String in = "{\"id\":\"a\",\"text\":\"Call us at (503) 555-0120 or her at (503) 555-0121.\"}\n";
            int status = PhiScanCommand.run(new String[] {"--organization=" + yml}, new ByteArrayInputStream(
                    in.getBytes(StandardCharsets.UTF_8)), out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, status);
            JsonNode a = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
            assertEquals(1, a.get("spans").size());
            assertEquals(36, a.get("spans").get(0).get("start").asInt());
        } finally {
            java.nio.file.Files.delete(yml);
        }
        assertEquals(PhiScanCommand.EXIT_MALFORMED, PhiScanCommand.run(new String[] {"--verbose"},
                new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown argument"));
    }
}
