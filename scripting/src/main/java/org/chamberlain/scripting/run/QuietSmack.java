package org.chamberlain.scripting.run;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Process-wide Smack settings that make a connection send nothing of its own: no extensions (no ping, disco,
 * version or caps answers), no roster, no stream management, no replies to unknown IQs.
 *
 * <p>These switches affect the whole JVM and only work before Smack initialises (the disabled classes are
 * read once). The replayer therefore runs in a JVM of its own (the command line; the GUI starts it as a child
 * process). Calling {@link #configure()} after Smack has initialised is detected by {@link #isQuiet()}.
 */
public final class QuietSmack {
    private static final String[] DISABLED = {"org.jivesoftware.smackx", "org.jivesoftware.smack.roster.Roster",
        "org.jivesoftware.smack.sm", "org.jivesoftware.smack.compression"};
    /** Strong references: java.util.logging forgets loggers nobody holds. */
    private static final Logger[] SILENCED = {Logger.getLogger("org.jivesoftware"), Logger.getLogger("org.jxmpp")};
    private static boolean configured;

    private QuietSmack() {
    }

    /**
     * Applies the settings; idempotent. Smack's own log goes quiet too: the replayer reports every failure
     * itself, with the script line.
     */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        // Must come before anything loads XMPPTCPConnection (whose static init initialises Smack).
        SmackConfiguration.addDisabledSmackClasses(DISABLED);
        SmackConfiguration.setUnknownIqRequestReplyMode(SmackConfiguration.UnknownIqRequestReplyMode.doNotReply);
        XMPPTCPConnection.setUseStreamManagementDefault(false);
        XMPPTCPConnection.setUseStreamManagementResumptionDefault(false);
        for (Logger logger : SILENCED) {
            logger.setLevel(Level.OFF);
        }
        configured = true;
    }

    /**
     * Configures, then initialises Smack and the classes every connection needs, so that a caller can do it
     * on a thread of its own while it parses scripts (Smack's initialisation is the largest fixed cost of a
     * replay process). Safe to call from any thread, more than once.
     */
    public static void warmUp() {
        configure();
        SmackConfiguration.getVersion();
        try {
            org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration.builder().setXmppDomain("example.org").build();
        } catch (java.io.IOException | RuntimeException e) {
            // Only class loading was wanted; a real connect reports any real problem.
            return;
        }
        new CapturingConnection.RawXml("<presence/>").toXML((org.jivesoftware.smack.packet.XmlEnvironment) null);
    }

    /** True when the settings are in force. */
    public static synchronized boolean isQuiet() {
        return configured && SmackConfiguration.isDisabledSmackClass("org.jivesoftware.smackx.ping.PingManager");
    }
}
