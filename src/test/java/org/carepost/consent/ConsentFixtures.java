package org.carepost.consent;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Synthetic authorizations for tests (no real patient). */
public final class ConsentFixtures {

    private ConsentFixtures() {
    }

    public static NewAuthorization complete(List<String> platforms, boolean fullName) {
        return new NewAuthorization("Jordan Example", "My story of my heart surgery as written in the post, my first name, my photo",
                "Example General Hospital, communications office", "The public, on the platforms listed",
                "Marketing: patient testimonial on social media", "2099-12-31", null, "Jordan Example", "2026-01-15",
                false, null, "You may revoke this authorization at any time by writing to the privacy office.",
                "Your treatment, payment, enrollment or eligibility do not depend on signing.",
                "Information disclosed may be redisclosed by the recipient and no longer be protected.",
                platforms, new NewAuthorization.Scope(true, fullName, true, false, false));
    }

    public static String completeJson(List<String> platforms) {
        return """
                {"patientName":"Jordan Example","informationDescription":"My heart story as in the post, my first name",
                 "discloser":"Example General Hospital","recipients":"The public on the platforms listed",
                 "purposes":"Patient testimonial on social media","expiresOn":"2099-12-31","signedBy":"Jordan Example",
                 "signedOn":"2026-01-15","personalRepresentative":false,
                 "revocationRight":"You may revoke in writing to the privacy office.",
                 "treatmentConditioning":"Treatment does not depend on signing.",
                 "redisclosureStatement":"Redisclosed information may no longer be protected.",
                 "platforms":%s,
                 "scope":{"firstName":true,"fullName":false,"photo":false,"condition":true,"dates":false}}
                """.formatted(platforms.stream().map(p -> "\"" + p + "\"").toList());
    }

    public static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** Inserts a tEXt chunk right after IHDR (signature 8 bytes + IHDR 25 bytes). */
    public static byte[] insertTextChunk(byte[] png, String key, String value) {
        byte[] data = (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length);
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        chunk.put(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        out.writeBytes(chunk.array());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }
}
