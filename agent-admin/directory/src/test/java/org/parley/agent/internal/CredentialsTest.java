package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewAgent;
import org.parley.platform.database.TestDatabase;

/** Sign-in checks with the production password hashing. */
class CredentialsTest {

    @OnEachDatabase
    void acceptsTheUsernameOrTheEmailInAnyCase(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.withStandardPasswords(kind)) {
            Agent jane = directory.agents.create(
                    new NewAgent("Jane", "Jane.Doe", "pass word", "Jane@Shop.example", AccessLevel.LIMITED));
            assertEquals(jane, directory.agents.verifyCredentials("Jane.Doe", "pass word").orElseThrow());
            assertEquals(jane, directory.agents.verifyCredentials(" jane.doe ", "pass word").orElseThrow());
            assertEquals(jane, directory.agents.verifyCredentials("jane@shop.EXAMPLE", "pass word").orElseThrow());
            assertEquals(jane, directory.agents.findByLogin("JANE@shop.example").orElseThrow());
            assertEquals(jane, directory.agents.findByLogin("JANE.DOE").orElseThrow());
        }
    }

    @OnEachDatabase
    void refusesAWrongPasswordAnUnknownLoginAndMissingInput(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.withStandardPasswords(kind)) {
            directory.agents.create(
                    new NewAgent("Jane", "jane", "pass word", "jane@shop.example", AccessLevel.LIMITED));
            assertTrue(directory.agents.verifyCredentials("jane", "pass-word").isEmpty());
            assertTrue(directory.agents.verifyCredentials("jane", "Pass word").isEmpty(), "passwords keep their case");
            assertTrue(directory.agents.verifyCredentials("jane", " pass word").isEmpty(), "and their blanks");
            assertTrue(directory.agents.verifyCredentials("jane", "").isEmpty());
            assertTrue(directory.agents.verifyCredentials("jane", null).isEmpty());
            assertTrue(directory.agents.verifyCredentials("joan", "pass word").isEmpty());
            assertTrue(directory.agents.verifyCredentials("joan@shop.example", "pass word").isEmpty());
            assertTrue(directory.agents.verifyCredentials("", "pass word").isEmpty());
            assertTrue(directory.agents.verifyCredentials(null, "pass word").isEmpty());
            assertTrue(directory.agents.findByLogin(null).isEmpty());
        }
    }

    @OnEachDatabase
    void aDisabledAgentCannotSignInButAnInactiveOneCan(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.withStandardPasswords(kind)) {
            Agent jane = directory.agents.create(new NewAgent("Jane", "jane", "pass word", null, AccessLevel.LIMITED));
            directory.agents.setEnabled(List.of(jane.id()), false);
            assertTrue(directory.agents.verifyCredentials("jane", "pass word").isEmpty());
            directory.agents.setEnabled(List.of(jane.id()), true);
            directory.agents.setActive(List.of(jane.id()), false);
            Agent signedIn = directory.agents.verifyCredentials("jane", "pass word").orElseThrow();
            assertFalse(signedIn.active());
        }
    }

    @OnEachDatabase
    void storesOnlyAnArgon2idHash(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.withStandardPasswords(kind)) {
            directory.agents.create(new NewAgent("Jane", "jane", "pass word", null, AccessLevel.LIMITED));
            String stored = directory.contents();
            assertFalse(stored.contains("pass word"));
            assertTrue(stored.contains("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        }
    }

    /** Prints, rather than asserts, how long a refusal takes for a known and an unknown login: they should match. */
    @OnEachDatabase
    void unknownLoginsTakeAsLongAsWrongPasswords(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.withStandardPasswords(kind)) {
            directory.agents.create(new NewAgent("Jane", "jane", "pass word", null, AccessLevel.LIMITED));
            directory.agents.verifyCredentials("jane", "warm-up");
            long known = 0;
            long unknown = 0;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                directory.agents.verifyCredentials("jane", "wrong");
                known += System.nanoTime() - start;
                start = System.nanoTime();
                directory.agents.verifyCredentials("nobody", "wrong");
                unknown += System.nanoTime() - start;
            }
            System.out.printf("%s sign-in refusal: wrong password %d ms, unknown login %d ms (mean of 5)%n", kind,
                    known / 5_000_000, unknown / 5_000_000);
        }
    }
}
