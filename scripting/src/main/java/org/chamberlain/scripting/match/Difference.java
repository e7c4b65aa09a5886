package org.chamberlain.scripting.match;

/**
 * The first place where a received element differs from the expected one.
 *
 * @param path where in the expected tree, e.g. {@code /presence/x/item[2]/@role}
 * @param expected what the script expects there (an attribute value, a text, an element name), or null
 * @param received what arrived there, or null when it is missing
 * @param sentence the difference in words, e.g. "attribute role is 'none', expected 'participant'"
 */
public record Difference(String path, String expected, String received, String sentence) {
    @Override
    public String toString() {
        return path + ": " + sentence;
    }
}
