package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = Passwords.STANDARD;

    @Test
    void storesParametersAndSaltInThePhcString() {
        String hash = passwords.hash("correct horse");
        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertNotEquals(hash, passwords.hash("correct horse"), "a fresh salt each time");
    }

    @Test
    void matchesOnlyTheHashedPassword() {
        String hash = passwords.hash("correct horse");
        assertTrue(passwords.matches("correct horse", hash));
        assertFalse(passwords.matches("correct horsE", hash));
        assertFalse(passwords.matches("", hash));
    }

    @Test
    void verifiesHashesMadeWithOtherParameters() {
        String weaker = new Passwords(1024, 1, 1).hash("pässword");
        assertTrue(passwords.matches("pässword", weaker));
    }

    @Test
    void treatsTheSamePasswordComposedDifferentlyAsEqual() {
        String composed = "p\u00e4ssword";
        String decomposed = "pa\u0308ssword";
        assertTrue(passwords.matches(decomposed, passwords.hash(composed)));
    }

    @Test
    void refusesDamagedOrForeignHashes() {
        assertFalse(passwords.matches("secret", null));
        assertFalse(passwords.matches("secret", "plain-text"));
        assertFalse(passwords.matches("secret", "$2a$10$abcdefghijklmnopqrstuuKxuC9I2k0a1R4HhfvnUJNdl3FIK1oHW"));
        String saltAndHash = "$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
        assertFalse(passwords.matches("secret", "$argon2id$v=19$m=99999999,t=2,p=1" + saltAndHash), "too much memory");
        assertFalse(passwords.matches("secret", "$argon2id$v=19$m=19456,t=x,p=1" + saltAndHash));
        assertFalse(passwords.matches("secret", "$argon2id$v=19$m=19456,t=2,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaA"));
    }

    /** Prints, rather than asserts, how long hashing takes: the budget is about 100 ms on a shared 2-core machine. */
    @Test
    void measuresHashingTime() {
        String hash = passwords.hash("warm-up");
        for (int i = 0; i < 3; i++) {
            passwords.matches("warm-up", hash);
        }
        int rounds = 10;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            passwords.hash("measure me");
        }
        long hashing = (System.nanoTime() - start) / rounds / 1_000_000;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            passwords.matches("measure me", hash);
        }
        long verifying = (System.nanoTime() - start) / rounds / 1_000_000;
        System.out.printf("Argon2id m=19456 KiB, t=2, p=1: hash %d ms, verify %d ms (mean of %d)%n", hashing,
                verifying, rounds);
    }
}
