package org.chamberlain.scripting.run;

import java.io.IOException;

/**
 * Cuts the characters of an XMPP client stream, chunk by chunk as they are read, into complete top-level
 * elements (the children of {@code <stream:stream>}), exactly as they arrived. Knows just enough XML for that:
 * tags with quoted attribute values, comments, CDATA sections, processing instructions. Well-formedness of an
 * element is checked later by the parser of the stanza, not here. A stream header (the first one and every
 * restart after STARTTLS or SASL) is reported and not part of any element; whitespace between elements
 * (keep-alives) is dropped.
 *
 * <p>Used by the runner thread only (it reads every connection, docs/decisions/0003).
 */
final class StreamSplitter {
    /** Elements larger than this end the connection; Prosody's own stanza size limit is far smaller. */
    static final int MAX_ELEMENT_CHARS = 16 * 1024 * 1024;

    /** Receives what the splitter found, on the thread that feeds it. */
    interface Handler {
        /** A stream header arrived (the server's answer to ours, also after a restart). */
        void streamOpened();

        /** A complete top-level element, exactly as it arrived. */
        void element(String xml);

        /** The server's closing {@code </stream:stream>} tag arrived. */
        void streamClosed();
    }

    private enum State { TEXT, MARKUP, ELEMENT_TAG, QUOTED, COMMENT, CDATA, INSTRUCTION, DECLARATION }

    private static final String COMMENT_START = "<!--";
    private static final String CDATA_START = "<![CDATA[";

    private final Handler handler;
    /** The markup token being read, from its {@code <}. */
    private final StringBuilder token = new StringBuilder(256);
    /** The top-level element being read (depth 2 and deeper), its start tag first. */
    private final StringBuilder element = new StringBuilder(1024);
    private State state = State.TEXT;
    private char quote;
    /** 0 = before the stream header or after the stream closed, 1 = inside the stream, 2+ = inside an element. */
    private int depth;

    StreamSplitter(Handler handler) {
        this.handler = handler;
    }

    /**
     * Feeds the next characters of the stream.
     *
     * @throws IOException if the characters cannot be part of a client stream (an element before the stream
     *     header, a closing tag without opening, an element larger than {@link #MAX_ELEMENT_CHARS})
     */
    void feed(char[] chars, int offset, int length) throws IOException {
        // Runs of ordinary characters are found by a tight scan and appended at once: a stanza is mostly such
        // runs, and appending character by character was the larger part of reading in a replay's cold JVM.
        int end = offset + length;
        int i = offset;
        while (i < end) {
            switch (state) {
                case TEXT -> {
                    int next = indexOf(chars, i, end, '<');
                    if (depth >= 2) {
                        element.append(chars, i, next - i);
                    }
                    i = next;
                    if (next < end) {
                        token.setLength(0);
                        token.append('<');
                        state = State.MARKUP;
                        i++;
                    }
                }
                case MARKUP -> markup(chars[i++]);
                case ELEMENT_TAG -> {
                    int next = i;
                    char c = 0;
                    while (next < end) {
                        c = chars[next];
                        if (c == '"' || c == '\'' || c == '>') {
                            break;
                        }
                        next++;
                    }
                    i = takeThrough(chars, i, next, end);
                    if (next < end) {
                        if (c == '>') {
                            tagEnded();
                        } else {
                            quote = c;
                            state = State.QUOTED;
                        }
                    }
                }
                case QUOTED -> {
                    int next = indexOf(chars, i, end, quote);
                    i = takeThrough(chars, i, next, end);
                    if (next < end) {
                        state = State.ELEMENT_TAG;
                    }
                }
                case COMMENT, CDATA, INSTRUCTION, DECLARATION -> {
                    int next = indexOf(chars, i, end, '>');
                    i = takeThrough(chars, i, next, end);
                    if (next < end) {
                        if (markupComplete()) {
                            markupEnded();
                        }
                    }
                }
                default -> throw new IllegalStateException("state " + state);
            }
            if (token.length() > MAX_ELEMENT_CHARS || element.length() > MAX_ELEMENT_CHARS) {
                throw new IOException("an element larger than " + MAX_ELEMENT_CHARS + " characters arrived");
            }
        }
    }

    /**
     * Appends the markup characters from {@code i} through {@code next} (the character that ends this run), or to
     * {@code end} when the run goes on in the next chunk; returns where reading continues.
     */
    private int takeThrough(char[] chars, int i, int next, int end) {
        int stop = next < end ? next + 1 : end;
        token.append(chars, i, stop - i);
        return stop;
    }

    private static int indexOf(char[] chars, int from, int end, char wanted) {
        int i = from;
        while (i < end && chars[i] != wanted) {
            i++;
        }
        return i;
    }

    /** The first characters after {@code <} decide what kind of markup this is. */
    private void markup(char c) throws IOException {
        token.append(c);
        int length = token.length();
        if (length == 2 && c == '?') {
            state = State.INSTRUCTION;
        } else if (length == 2 && c != '!') {
            state = State.ELEMENT_TAG;
            if (c == '>') {
                throw new IOException("an empty tag '<>' arrived");
            }
        } else if (length > 2 && token.charAt(1) == '!') {
            if (startsWith(COMMENT_START)) {
                state = length == COMMENT_START.length() ? State.COMMENT : state;
            } else if (startsWith(CDATA_START)) {
                state = length == CDATA_START.length() ? State.CDATA : state;
            } else {
                state = State.DECLARATION;
                if (c == '>') {
                    markupEnded();
                }
            }
        }
    }

    /** A {@code >} was just appended to a comment, CDATA section, instruction or declaration: does it end it? */
    private boolean markupComplete() {
        return switch (state) {
            case COMMENT -> endsWith("-->") && token.length() >= COMMENT_START.length() + 3;
            case CDATA -> endsWith("]]>");
            case INSTRUCTION -> token.length() >= 4 && token.charAt(token.length() - 2) == '?';
            default -> true;
        };
    }

    private boolean startsWith(String prefix) {
        int length = Math.min(prefix.length(), token.length());
        for (int i = 0; i < length; i++) {
            if (token.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean endsWith(String suffix) {
        int start = token.length() - suffix.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (token.charAt(start + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A comment, CDATA section, processing instruction or declaration ended: content only inside elements. */
    private void markupEnded() {
        state = State.TEXT;
        if (depth >= 2) {
            element.append(token);
        }
    }

    private void tagEnded() throws IOException {
        state = State.TEXT;
        boolean closing = token.charAt(1) == '/';
        boolean empty = !closing && token.charAt(token.length() - 2) == '/';
        if (closing) {
            if (depth >= 2) {
                element.append(token);
                depth--;
                if (depth == 1) {
                    emit();
                }
            } else if (depth == 1) {
                depth = 0;
                handler.streamClosed();
            } else {
                throw new IOException("a closing tag arrived outside the stream");
            }
            return;
        }
        if (depth <= 1 && isStreamHeader()) {
            // The first header, or a restart (after STARTTLS or SASL success): a new stream, nothing to emit.
            depth = 1;
            element.setLength(0);
            handler.streamOpened();
            return;
        }
        if (depth == 0) {
            throw new IOException("an element arrived before the stream header");
        }
        element.append(token);
        if (empty) {
            if (depth == 1) {
                emit();
            }
        } else {
            depth++;
        }
    }

    /** A start tag whose local name is {@code stream} ({@code <stream:stream ...>} or an unusual prefix). */
    private boolean isStreamHeader() {
        int nameEnd = 1;
        while (nameEnd < token.length()) {
            char c = token.charAt(nameEnd);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/') {
                break;
            }
            nameEnd++;
        }
        String name = token.substring(1, nameEnd);
        return name.equals("stream") || name.endsWith(":stream");
    }

    private void emit() {
        String xml = element.toString();
        element.setLength(0);
        if (element.capacity() > 64 * 1024) {
            element.trimToSize();
        }
        handler.element(xml);
    }
}
