package org.carepost.phi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.springframework.stereotype.Component;

/**
 * Strips the metadata of uploaded images (GPS position, device, dates, names) and proves it is gone by reading the
 * result again with Apache Commons Imaging. JPEG: EXIF, XMP and IPTC removed by the library's rewriters. PNG:
 * the text, time and EXIF chunks are dropped (tEXt, zTXt, iTXt, eXIf, tIME). Only JPEG and PNG are accepted,
 * recognised by their magic bytes (never by the file name or declared type).
 */
@Component
public class MediaSanitizer {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> PNG_METADATA_CHUNKS = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

    public record Sanitized(String mediaType, byte[] bytes) {
    }

    /** The upload is not an image we accept (answered 400); the message never quotes the upload. */
    public static class RejectedMediaException extends RuntimeException {
        public RejectedMediaException(String message) {
            super(message);
        }
    }

    public Sanitized sanitize(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new RejectedMediaException("The file is empty.");
        }
        if (upload.length > MAX_BYTES) {
            throw new RejectedMediaException("The file is larger than 10 MB.");
        }
        try {
            if (isJpeg(upload)) {
                byte[] clean = stripJpeg(upload);
                verifyClean(clean, "JPEG");
                return new Sanitized("image/jpeg", clean);
            }
            if (isPng(upload)) {
                byte[] clean = stripPng(upload);
                verifyClean(clean, "PNG");
                return new Sanitized("image/png", clean);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedMediaException rejected) {
                throw rejected;
            }
            throw new RejectedMediaException("The image could not be read (" + e.getClass().getSimpleName() + ").");
        }
        throw new RejectedMediaException("Only JPEG and PNG images are accepted.");
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    static boolean isPng(byte[] b) {
        if (b.length < PNG_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < PNG_MAGIC.length; i++) {
            if (b[i] != PNG_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] stripJpeg(byte[] in) throws ImagingException, IOException {
        ByteArrayOutputStream noExif = new ByteArrayOutputStream(in.length);
        new ExifRewriter().removeExifMetadata(in, noExif);
        ByteArrayOutputStream noXmp = new ByteArrayOutputStream(in.length);
        new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
        ByteArrayOutputStream noIptc = new ByteArrayOutputStream(in.length);
        new JpegIptcRewriter().removeIptc(noXmp.toByteArray(), noIptc, true);
        return noIptc.toByteArray();
    }

    /** Copies the PNG chunk by chunk, leaving out the metadata chunks. */
    private static byte[] stripPng(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, PNG_MAGIC.length);
        ByteBuffer buf = ByteBuffer.wrap(in);
        int pos = PNG_MAGIC.length;
        boolean end = false;
        while (!end) {
            if (pos + 12 > in.length) {
                throw new RejectedMediaException("The PNG image is truncated.");
            }
            long length = buf.getInt(pos) & 0xFFFFFFFFL;
            if (length > in.length - pos - 12) {
                throw new RejectedMediaException("The PNG image is truncated.");
            }
            String type = new String(in, pos + 4, 4, StandardCharsets.US_ASCII);
            int total = (int) length + 12;
            if (!PNG_METADATA_CHUNKS.contains(type)) {
                out.write(in, pos, total);
            }
            end = type.equals("IEND");
            pos += total;
        }
        return out.toByteArray();
    }

    /** Reads the stored bytes again with the library: no EXIF, IPTC, XMP or text metadata may remain. */
    private static void verifyClean(byte[] clean, String format) throws ImagingException, IOException {
        ImageMetadata metadata = Imaging.getMetadata(clean);
        List<? extends ImageMetadata.ImageMetadataItem> items = metadata == null ? List.of() : metadata.getItems();
        String xmp = Imaging.getXmpXml(clean);
        if (!items.isEmpty() || (xmp != null && !xmp.isBlank())) {
            throw new RejectedMediaException("Metadata remained in the " + format + " image after stripping; not stored.");
        }
        Imaging.getImageInfo(clean); // still a readable image
    }
}
