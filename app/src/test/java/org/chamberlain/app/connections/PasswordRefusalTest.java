package org.chamberlain.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.ConnectionState;
import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.testkit.TestServers;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.parts.Localpart;

/**
 * The shared test server accepts any password ("insecure" authentication). This test starts one with real
 * password checking and in-band registration, registers an account, and checks that a wrong password is
 * refused with {@link Condition#AUTHENTICATION_FAILED} while the right one logs in.
 */
class PasswordRefusalTest {
    @TempDir
    static Path dir;
    private static LocalProsody server;

    @BeforeAll
    static void startServerThatChecksPasswords() throws Exception {
        String config = Files.readString(TestServers.configFile(), StandardCharsets.UTF_8)
                .replace("authentication = \"insecure\"", "authentication = \"internal_hashed\"")
                .replace("allow_registration = false", "allow_registration = true");
        assertThat(config).contains("internal_hashed").contains("allow_registration = true");
        Path configFile = dir.resolve("prosody-passwords.cfg.lua");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        server = TestServers.start(configFile);

        XMPPTCPConnection registrar = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain()).setHost(server.host()).setPort(server.port())
                .setSecurityMode(SecurityMode.disabled).build());
        try {
            registrar.connect();
            AccountManager accounts = AccountManager.getInstance(registrar);
            accounts.sensitiveOperationOverInsecureConnection(true);
            accounts.createAccount(Localpart.from("registered"), "right password", new HashMap<>());
        } finally {
            registrar.disconnect();
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Account account() {
        return new Account("registered@" + server.domain(), Optional.of(server.host()), server.port(),
                TlsPolicy.PLAINTEXT_ALLOWED, PasswordStorage.MEMORY, Set.of());
    }

    @Test
    void wrongPasswordIsRefusedAndTheRightOneLogsIn() throws Exception {
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection wrong = manager.open(account(), "hunter2-wrong".toCharArray());
            assertThatThrownBy(wrong::connect).isInstanceOfSatisfying(ModerationException.class, e -> {
                assertThat(e.condition()).isEqualTo(Condition.AUTHENTICATION_FAILED);
                assertThat(e.getMessage()).isEqualTo("The server " + server.domain()
                        + " refused the login: wrong password or unknown account.");
                assertThat(e.getMessage()).doesNotContain("hunter2");
            });
            assertThat(wrong.state()).isEqualTo(ConnectionState.FAILED);
            manager.close(wrong.accountJid());

            AccountConnection right = manager.open(account(), "right password".toCharArray());
            right.connect();
            assertThat(right.isConnected()).isTrue();
        }
    }
}
