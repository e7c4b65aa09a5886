package org.chamberlain.views.xmlconsole;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.TrafficRecord;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.events.Registration;

/** What the XML console needs of an account's connection. Implemented by {@link #of(AccountConnection)}. */
public interface TrafficSource {
    String accountJid();

    /** The account's domain, for templates. */
    String domain();

    /** Traffic copies arrive on {@code executor}; see {@link AccountConnection#onTraffic}. Any thread. */
    Registration onTraffic(Consumer<? super TrafficRecord> listener, Executor executor);

    /** Blocks on the network: background thread only. */
    void sendRaw(String xml) throws ModerationException;

    static TrafficSource of(AccountConnection connection) {
        return new TrafficSource() {
            @Override
            public String accountJid() {
                return connection.accountJid();
            }

            @Override
            public String domain() {
                return connection.account().domain();
            }

            @Override
            public Registration onTraffic(Consumer<? super TrafficRecord> listener, Executor executor) {
                return connection.onTraffic(listener, executor);
            }

            @Override
            public void sendRaw(String xml) throws ModerationException {
                connection.sendRaw(xml);
            }
        };
    }
}
