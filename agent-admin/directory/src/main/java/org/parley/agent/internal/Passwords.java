package org.parley.agent.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.util.Arrays;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), which
 * carries its own parameters so that stronger settings later still verify older hashes.
 */
final class Passwords {
    private static final String PREFIX = "$argon2id$v=19$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    // Bounds for parameters read back from stored hashes, so a damaged row cannot make a sign-in allocate gigabytes.
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_PARALLELISM = 16;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** OWASP's first Argon2id choice (19 MiB, 2 passes, 1 lane); well under 100 ms here. */
    static final Passwords STANDARD = new Passwords(19 * 1024, 2, 1);

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final String decoy;

    Passwords(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.decoy = hash("decoy");
    }

    /** A new hash of the password with a fresh random salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + ENCODER.encodeToString(salt)
                + "$" + ENCODER.encodeToString(hash);
    }

    /** True when the password is the one hashed; false for any other, and for a hash this class cannot read. */
    boolean matches(String password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        try {
            String[] settings = parts[3].split(",");
            int m = setting(settings, 0, "m=", MAX_MEMORY_KIB);
            int t = setting(settings, 1, "t=", MAX_ITERATIONS);
            int p = setting(settings, 2, "p=", MAX_PARALLELISM);
            byte[] salt = DECODER.decode(parts[4]);
            byte[] expected = DECODER.decode(parts[5]);
            if (settings.length != 3 || expected.length < 16 || salt.length < 8) {
                return false;
            }
            return Arrays.constantTimeAreEqual(expected, argon2(password, salt, m, t, p, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Spends the same time as checking a real password, for sign-ins whose login does not exist: otherwise a quick
     * refusal would tell an attacker which logins do.
     */
    void spendVerificationTime(String password) {
        matches(password, decoy);
    }

    private static int setting(String[] settings, int index, String name, int max) {
        if (index >= settings.length || !settings[index].startsWith(name)) {
            throw new IllegalArgumentException("missing " + name);
        }
        int value = Integer.parseInt(settings[index].substring(name.length()));
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + value + " is out of range");
        }
        return value;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        // NFC: the same password typed on another keyboard or OS may arrive composed differently.
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFC);
        generator.generateBytes(normalized.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
