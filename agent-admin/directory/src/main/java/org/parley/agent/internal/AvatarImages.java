package org.parley.agent.internal;

import static org.parley.agent.internal.FieldRules.invalid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.parley.agent.api.AgentAvatars;

/**
 * What an avatar must be: one of the accepted formats, at most {@link AgentAvatars#MAX_BYTES}, and bytes that really
 * are of the stated format, judged by the signature every file of the format starts with. That keeps anything else
 * (HTML, SVG with scripts) from being served under an image type.
 */
final class AvatarImages {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);
    /** Hex digits of the SHA-256 kept as the version: 64 bits tell images apart well enough. */
    private static final int VERSION_LENGTH = 16;

    private AvatarImages() {}

    /** The media type in its stored form, once the image checks out; INVALID ({@code "avatar"}) otherwise. */
    static String require(String mediaType, byte[] image) {
        String type = mediaType == null ? "" : mediaType.strip().toLowerCase(Locale.ROOT);
        if (!AgentAvatars.MEDIA_TYPES.contains(type)) {
            throw invalid("avatar", "An avatar must be a PNG, JPEG or WebP image");
        }
        if (image == null || image.length == 0) {
            throw invalid("avatar", "The avatar image is empty");
        }
        if (image.length > AgentAvatars.MAX_BYTES) {
            throw invalid("avatar", "An avatar must be at most " + AgentAvatars.MAX_BYTES / 1024 + " KiB");
        }
        boolean matches = switch (type) {
            case "image/png" -> startsWith(image, 0, PNG);
            case "image/jpeg" -> startsWith(image, 0, JPEG);
            default -> startsWith(image, 0, RIFF) && startsWith(image, 8, WEBP);
        };
        if (!matches) {
            throw invalid("avatar", "The file is not a " + type.substring("image/".length()).toUpperCase(Locale.ROOT)
                    + " image");
        }
        return type;
    }

    /** The image's version: the start of its SHA-256, in hex. */
    static String version(byte[] image) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(image);
            return HexFormat.of().formatHex(hash).substring(0, VERSION_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static boolean startsWith(byte[] image, int offset, byte[] signature) {
        return image.length >= offset + signature.length
                && Arrays.equals(image, offset, offset + signature.length, signature, 0, signature.length);
    }
}
