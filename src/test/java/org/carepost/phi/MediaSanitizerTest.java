package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;

class MediaSanitizerTest {

    private final MediaSanitizer sanitizer = new MediaSanitizer();

    /** A JPEG with EXIF GPS position, camera make and an XMP packet naming a person, written with the library. */
    static byte[] jpegWithGpsAndXmp() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture(), "jpg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(-122.6765, 45.5231);
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "PhoneCo");
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp,
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"Emma Okonkwo\"/>"
                        + "</rdf:RDF></x:xmpmeta>");
        return withXmp.toByteArray();
    }

    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(8, 8, 40, 30);
        g.dispose();
        return image;
    }

    @Test
    void jpegLosesGpsDeviceAndXmpButStaysAnImage() throws Exception {
        byte[] upload = jpegWithGpsAndXmp();
        JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(upload);
        assertThat(before.getExif().getGpsInfo()).isNotNull();
        assertThat(Imaging.getXmpXml(upload)).contains("Emma Okonkwo");

        MediaSanitizer.Sanitized clean = sanitizer.sanitize(upload);
        assertThat(clean.mediaType()).isEqualTo("image/jpeg");
        assertThat(Imaging.getMetadata(clean.bytes())).isNull();
        assertThat(Imaging.getXmpXml(clean.bytes())).isNull();
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Emma", "PhoneCo");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(48);
    }

    @Test
    void pngLosesItsTextChunks() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture(), "png", plain);
        byte[] upload = withTextChunk(plain.toByteArray(), "Author", "Emma Okonkwo");
        assertThat(Imaging.getMetadata(upload).getItems()).isNotEmpty();

        MediaSanitizer.Sanitized clean = sanitizer.sanitize(upload);
        assertThat(clean.mediaType()).isEqualTo("image/png");
        var after = Imaging.getMetadata(clean.bytes());
        assertThat(after == null ? java.util.List.of() : after.getItems()).isEmpty();
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Emma");
        assertThat(ImageIO.read(new ByteArrayInputStream(clean.bytes())).getWidth()).isEqualTo(64);
    }

    @Test
    void onlyJpegAndPngByMagicBytes() throws Exception {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(picture(), "gif", gif);
        assertThatThrownBy(() -> sanitizer.sanitize(gif.toByteArray()))
                .isInstanceOf(MediaSanitizer.RejectedMediaException.class).hasMessageContaining("JPEG and PNG");
        assertThatThrownBy(() -> sanitizer.sanitize("Emma's chart".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MediaSanitizer.RejectedMediaException.class).hasMessageNotContaining("Emma");
        assertThatThrownBy(() -> sanitizer.sanitize(new byte[0])).isInstanceOf(MediaSanitizer.RejectedMediaException.class);
        assertThatThrownBy(() -> sanitizer.sanitize(new byte[MediaSanitizer.MAX_BYTES + 1]))
                .hasMessageContaining("10 MB");
        // a JPEG header over garbage is not an image
        assertThatThrownBy(() -> sanitizer.sanitize(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01, 0x02}))
                .isInstanceOf(MediaSanitizer.RejectedMediaException.class);
    }

    /** Inserts a tEXt chunk right after IHDR. */
    static byte[] withTextChunk(byte[] png, String key, String value) {
        byte[] data = (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 12 + ByteBuffer.wrap(png).getInt(8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.write(chunk.array(), 0, chunk.capacity());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }
}
