package org.chamberlain.app.cli;

/** Wrong input on the command line (or in a file it names): reported in plain words, exit code 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
