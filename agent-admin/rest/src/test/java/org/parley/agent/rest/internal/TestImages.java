package org.parley.agent.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Files that start as PNG, JPEG and WebP files do, which is all the avatar check looks at. */
final class TestImages {
    static final byte[] PNG = image(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 100);
    static final byte[] JPEG = image(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 100);
    static final byte[] WEBP = image("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 100);

    private TestImages() {}

    /** The signature followed by filler bytes up to {@code length}. */
    static byte[] image(byte[] signature, int length) {
        byte[] image = Arrays.copyOf(signature, length);
        for (int i = signature.length; i < length; i++) {
            image[i] = (byte) (i * 31);
        }
        return image;
    }

    static InputStream body(byte[] image) {
        return new ByteArrayInputStream(image);
    }
}
