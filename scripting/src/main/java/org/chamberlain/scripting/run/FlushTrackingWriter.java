package org.chamberlain.scripting.run;

import java.io.IOException;
import java.io.Writer;

/**
 * Wraps the connection's writer to know when characters have been flushed to the socket: Smack writes on its
 * own writer thread, and a send only counts as done (and the pause after it only starts) once its bytes are
 * in the kernel.
 *
 * <p>Written by Smack's writer thread; {@link #awaitFlushed} is called by the runner thread.
 */
final class FlushTrackingWriter extends Writer {
    private final Writer delegate;
    private volatile long written;
    private long flushed;
    private boolean closed;

    FlushTrackingWriter(Writer delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        delegate.write(chars, offset, length);
        written += length;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        delegate.write(text, offset, length);
        written += length;
    }

    @Override
    public void write(int c) throws IOException {
        delegate.write(c);
        written++;
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
        synchronized (this) {
            flushed = written;
            notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            delegate.close();
        } finally {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        }
    }

    /** Characters handed to this writer so far. */
    long written() {
        return written;
    }

    /**
     * Waits until at least {@code target} characters have been flushed.
     *
     * @return false if the writer closed or the time ran out first
     */
    synchronized boolean awaitFlushed(long target, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (flushed < target) {
            if (closed) {
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
