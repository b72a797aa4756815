package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.imaging.Imaging;
import org.carepost.content.ContentService;
import org.carepost.content.NewContent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.carepost.PostgresApplicationTest;

/** POST /api/content/{id}/media on PostgreSQL: the author's JPEG is stored without its metadata. */
@PostgresApplicationTest
class MediaUploadPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    ContentService contents;

    @Autowired
    MediaRepository media;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void authorUploadsAJpegThatIsStoredWithoutMetadata() throws Exception {
        UUID id = contents.create(new NewContent("Photo", "behind-the-scenes", "cardiology", "Our new lobby.",
                List.of("instagram"), Instant.now().plusSeconds(3600).toString()), "alice",
                Set.of("authors", "dept-cardiology")).getId();
        byte[] jpeg = MediaSanitizerTest.jpegWithGpsAndXmp();

        HttpResponse<String> stored = upload(id, "alice", jpeg, "image/jpeg");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).contains("\"mediaType\":\"image/jpeg\"");
        MediaItem item = media.findByContentIdOrderById(id).get(0);
        assertThat(Imaging.getMetadata(item.getBytes())).isNull();
        assertThat(Imaging.getXmpXml(item.getBytes())).isNull();
        assertThat(item.getSha256()).isEqualTo(MediaService.sha256(item.getBytes()));

        assertThat(upload(id, "omar", jpeg, "image/jpeg").statusCode()).isEqualTo(403); // not the author
        assertThat(upload(id, "pat", jpeg, "image/jpeg").statusCode()).isEqualTo(403);
        // declared as an image, but it is not one by its bytes
        HttpResponse<String> fake = upload(id, "alice", "Emma Okonkwo, MRN 48213377".getBytes(StandardCharsets.UTF_8),
                "image/jpeg");
        assertThat(fake.statusCode()).isEqualTo(400);
        assertThat(fake.body()).doesNotContain("Emma", "48213377");
        assertThat(upload(UUID.randomUUID(), "alice", jpeg, "image/jpeg").statusCode()).isEqualTo(404);
        assertThat(media.findByContentIdOrderById(id)).hasSize(1);
    }

    private HttpResponse<String> upload(UUID id, String user, byte[] bytes, String type) throws Exception {
        String boundary = "----carepost" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/content/" + id + "/media"))
                .header("Authorization", "Basic " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
