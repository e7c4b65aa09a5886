package org.chamberlain.app.cli;

/** The exit codes of {@code chamberlain rooms}. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The server refused, the connection failed, or only part of the changes were applied. */
    public static final int REFUSED = 1;
    /** The command line or its input (a CSV file, a value) was wrong; nothing was sent. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
