package org.chamberlain.app.cli;

import java.io.Console;
import java.util.Map;
import java.util.Optional;

/**
 * What the command reads from its surroundings: environment variables and the password prompt. Replaced in
 * tests so that they run in-process without a terminal.
 */
public interface Terminal {
    Optional<String> environment(String name);

    /** Asks for a password without echo; empty when there is no terminal to ask on. */
    Optional<char[]> readPassword(String prompt);

    /** The real process environment and console. */
    static Terminal system() {
        return new Terminal() {
            @Override
            public Optional<String> environment(String name) {
                return Optional.ofNullable(System.getenv(name));
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
            }
        };
    }

    /** A fixed environment and no terminal (tests). */
    static Terminal of(Map<String, String> environment) {
        return new Terminal() {
            @Override
            public Optional<String> environment(String name) {
                return Optional.ofNullable(environment.get(name));
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.empty();
            }
        };
    }
}
