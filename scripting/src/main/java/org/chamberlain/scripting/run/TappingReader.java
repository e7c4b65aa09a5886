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
    }

    private final Reader delegate;
    private final Tap tap;

    TappingReader(Reader delegate, Tap tap) {
        this.delegate = delegate;
        this.tap = tap;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        int count = delegate.read(chars, offset, length);
        if (count > 0) {
            tap.chunk(chars, offset, count, System.nanoTime());
        }
        return count;
    }

    @Override
    public int read() throws IOException {
        int c = delegate.read();
        if (c >= 0) {
            char[] one = {(char) c};
            tap.chunk(one, 0, 1, System.nanoTime());
        }
        return c;
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
