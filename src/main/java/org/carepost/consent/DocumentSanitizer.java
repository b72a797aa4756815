package org.carepost.consent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.carepost.content.FieldProblem;

/**
 * Checks a signed authorization document and strips what it carries beyond the page: the type is decided by the
 * magic bytes (never the file name or the client's content type), the size is limited, and image metadata (EXIF
 * with GPS and device serials, IPTC, XMP; PNG text and time chunks) is removed. PDFs are stored as uploaded:
 * Commons Imaging cannot rewrite them ({@code metadataStripped=false}).
 */
public final class DocumentSanitizer {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Ancillary PNG chunks that carry text, dates or EXIF; everything else (pixels, colour) is kept. */
    private static final Set<String> PNG_METADATA_CHUNKS = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

    public record Sanitized(String mediaType, byte[] bytes, String sha256, String originalSha256, boolean metadataStripped) {
    }

    private DocumentSanitizer() {
    }

    public static Optional<String> detect(byte[] bytes) {
        if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-') {
            return Optional.of(PDF);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (bytes.length >= 8 && Arrays.equals(Arrays.copyOf(bytes, 8), PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        return Optional.empty();
    }

    public static Sanitized sanitize(byte[] bytes, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidAuthorizationException(List.of(new FieldProblem("file", "is required: the signed authorization")));
        }
        if (bytes.length > maxBytes) {
            throw new InvalidAuthorizationException(List.of(new FieldProblem("file", "must be at most " + maxBytes + " bytes")));
        }
        String type = detect(bytes).orElseThrow(() -> new InvalidAuthorizationException(
                List.of(new FieldProblem("file", "must be a PDF, JPEG or PNG document"))));
        byte[] cleaned;
        boolean stripped;
        try {
            switch (type) {
                case JPEG -> {
                    cleaned = stripJpeg(bytes);
                    stripped = true;
                }
                case PNG -> {
                    cleaned = stripPng(bytes);
                    stripped = true;
                }
                default -> {
                    cleaned = bytes;
                    stripped = false;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidAuthorizationException(List.of(new FieldProblem("file", "is not a readable " + type + " document")));
        }
        return new Sanitized(type, cleaned, sha256(cleaned), sha256(bytes), stripped);
    }

    static byte[] stripJpeg(byte[] bytes) throws ImagingException, IOException {
        ByteArrayOutputStream noExif = new ByteArrayOutputStream(bytes.length);
        new ExifRewriter().removeExifMetadata(bytes, noExif);
        ByteArrayOutputStream noIptc = new ByteArrayOutputStream(bytes.length);
        new JpegIptcRewriter().removeIptc(noExif.toByteArray(), noIptc);
        ByteArrayOutputStream noXmp = new ByteArrayOutputStream(bytes.length);
        new JpegXmpRewriter().removeXmpXml(noIptc.toByteArray(), noXmp);
        return noXmp.toByteArray();
    }

    /** Copies the PNG chunk by chunk, leaving out the metadata chunks. */
    static byte[] stripPng(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, 8);
        int pos = 8;
        while (pos + 12 <= bytes.length) {
            int length = ByteBuffer.wrap(bytes, pos, 4).getInt();
            if (length < 0 || pos + 12L + length > bytes.length) {
                throw new IllegalArgumentException("truncated PNG chunk");
            }
            String chunkType = new String(bytes, pos + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (!PNG_METADATA_CHUNKS.contains(chunkType)) {
                out.write(bytes, pos, 12 + length);
            }
            pos += 12 + length;
            if (chunkType.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
