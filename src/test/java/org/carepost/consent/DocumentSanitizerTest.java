package org.carepost.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;

class DocumentSanitizerTest {

    @Test
    void typeIsDecidedByMagicBytes() {
        assertThat(DocumentSanitizer.detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(DocumentSanitizer.detect("<html>%PDF-".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThatThrownBy(() -> DocumentSanitizer.sanitize("MZ this is an exe".getBytes(StandardCharsets.US_ASCII), 1000))
                .isInstanceOf(InvalidAuthorizationException.class).hasMessageContaining("file");
    }

    @Test
    void sizeIsLimitedAndEmptyRefused() {
        byte[] pdf = ("%PDF-1.4\n" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> DocumentSanitizer.sanitize(pdf, 100)).isInstanceOf(InvalidAuthorizationException.class);
        assertThatThrownBy(() -> DocumentSanitizer.sanitize(new byte[0], 100)).isInstanceOf(InvalidAuthorizationException.class);
        DocumentSanitizer.Sanitized kept = DocumentSanitizer.sanitize(pdf, 1000);
        assertThat(kept.metadataStripped()).isFalse(); // PDFs are stored as signed
        assertThat(kept.sha256()).isEqualTo(DocumentSanitizer.sha256(pdf)).hasSize(64);
    }

    @Test
    void jpegExifIsRemoved() throws Exception {
        byte[] plain = jpeg();
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_IMAGE_DESCRIPTION, "Jordan Example, room 12");
        exif.setGpsInDegrees(-71.06, 42.36);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain, withExif, exif);
        byte[] tagged = withExif.toByteArray();
        assertThat(Imaging.getMetadata(tagged)).isInstanceOf(JpegImageMetadata.class);

        DocumentSanitizer.Sanitized clean = DocumentSanitizer.sanitize(tagged, 1_000_000);
        assertThat(clean.mediaType()).isEqualTo("image/jpeg");
        assertThat(clean.metadataStripped()).isTrue();
        JpegImageMetadata after = (JpegImageMetadata) Imaging.getMetadata(clean.bytes());
        assertThat(after == null || after.getExif() == null).isTrue();
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Jordan");
        assertThat(clean.originalSha256()).isEqualTo(DocumentSanitizer.sha256(tagged)).isNotEqualTo(clean.sha256());
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(clean.bytes()))).isNotNull(); // still an image
    }

    @Test
    void pngTextChunksAreRemoved() throws Exception {
        byte[] png = ConsentFixtures.png();
        byte[] tagged = ConsentFixtures.insertTextChunk(png, "Author", "Jordan Example");
        assertThat(new String(tagged, StandardCharsets.ISO_8859_1)).contains("Jordan");
        DocumentSanitizer.Sanitized clean = DocumentSanitizer.sanitize(tagged, 1_000_000);
        assertThat(clean.mediaType()).isEqualTo("image/png");
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Jordan");
        assertThat(clean.bytes()).isEqualTo(png);
    }

    static byte[] jpeg() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }
}
