package org.chamberlain.scripting.run;

import java.io.IOException;
import java.io.Reader;

/**
 * Wraps the connection's reader: every chunk Smack reads from the socket is also fed, unchanged, to a splitter
 * that cuts it into top-level elements, so the replayer sees exactly what arrived (Smack's parsed stanzas are
 * normalised). Runs on Smack's reader thread.
 */
final class TappingReader extends Reader {
    /** Receives the characters of each chunk with the time the chunk was read. */
    interface Tap {
        void chunk(char[] chars, int offset, int length, long arrivalNanos);

        /** The socket reached its end or failed: called before Smack learns of it. */
        void ended(String why);
    }

    private final Reader delegate;
    private final Tap tap;

    TappingReader(Reader delegate, Tap tap) {
        this.delegate = delegate;
        this.tap = tap;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        int count;
        try {
            count = delegate.read(chars, offset, length);
        } catch (IOException e) {
            tap.ended(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
        if (count > 0) {
            tap.chunk(chars, offset, count, System.nanoTime());
        } else if (count < 0) {
            tap.ended("the server closed the connection");
        }
        return count;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int count = read(one, 0, 1);
        return count < 0 ? -1 : one[0];
    }

    @Override
    public boolean ready() throws IOException {
        return delegate.ready();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
