package org.chamberlain.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class AppLauncherTest {

    @Test
    void smacksClosedConnectionWarningsStayOffTheTerminalAndItsOtherRecordsDoNot() {
        AppLauncher.quietClosedConnectionWarnings();
        Logger smack = Logger.getLogger("org.jivesoftware.smack.AbstractXMPPConnection");
        // The message Smack 4.5 logs in AbstractXMPPConnection.callConnectionClosedOnErrorListener.
        LogRecord closed = new LogRecord(Level.WARNING,
                "Connection XMPPTCPConnection[owner@sandbox.localhost/chamberlain-1] (0) closed with error");
        LogRecord other = new LogRecord(Level.WARNING, "Exception in packet listener");
        assertThat(smack.getFilter()).isNotNull();
        assertThat(smack.getFilter().isLoggable(closed)).isFalse();
        assertThat(smack.getFilter().isLoggable(other)).isTrue();
    }
}
