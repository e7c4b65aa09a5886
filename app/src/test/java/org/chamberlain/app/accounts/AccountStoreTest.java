package org.chamberlain.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountStoreTest {

    @Test
    void accountsSurviveASaveAndLoadWithoutAnyPassword(@TempDir Path dir) throws Exception {
        AccountStore store = new AccountStore(dir.resolve("nested").resolve("accounts.properties"));
        assertThat(store.load()).isEmpty();
        Account plain = Account.of("mod@example.org");
        Account local = new Account("tester@localhost", Optional.of("127.0.0.1"), 5333, TlsPolicy.PLAINTEXT_ALLOWED,
                PasswordStorage.FILE, Set.of("AB:CD"));

        store.save(List.of(plain, local));

        assertThat(store.load()).containsExactly(plain, local);
        assertThat(plain.tlsPolicy()).as("TLS is required by default").isEqualTo(TlsPolicy.REQUIRED);
        assertThat(Files.readString(store.file())).doesNotContainIgnoringCase("password=").contains("tester@localhost");
    }

    @Test
    void putReplacesByJidInPlaceAndRemoveForgets(@TempDir Path dir) throws Exception {
        AccountStore store = new AccountStore(dir.resolve("accounts.properties"));
        store.put(Account.of("a@example.org"));
        store.put(Account.of("b@example.org"));
        store.put(Account.of("a@example.org").withServer("xmpp.example.org", 5223));

        assertThat(store.load()).extracting(Account::jid).containsExactly("a@example.org", "b@example.org");
        assertThat(store.load().get(0).host()).contains("xmpp.example.org");
        store.remove("a@example.org");
        assertThat(store.load()).extracting(Account::jid).containsExactly("b@example.org");
    }

    @Test
    void brokenFileIsReportedWithItsNameAndTheBadSetting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("accounts.properties");
        Files.writeString(file, "accounts.count=1\naccount.0.jid=a@b\naccount.0.tls=SOMETIMES\n");
        assertThatThrownBy(() -> new AccountStore(file).load())
                .isInstanceOf(AccountStoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("a@b");
    }

    @Test
    void accountAddressMustBeBare() {
        assertThatThrownBy(() -> Account.of("example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Account.of("a@example.org/phone")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Account.of("a@example.org").trusting("01:02").trustedCertificates()).containsExactly("01:02");
    }

    @Test
    void configDirectoryFollowsEachPlatformsConvention() {
        assertThat(PlatformDirectories.configDir("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/u", null))
                .isEqualTo(Path.of("/xdg/chamberlain"));
        assertThat(PlatformDirectories.configDir("Linux", Map.of("XDG_CONFIG_HOME", "relative"), "/home/u", null))
                .as("a relative XDG path is invalid and ignored").isEqualTo(Path.of("/home/u/.config/chamberlain"));
        assertThat(PlatformDirectories.configDir("Linux", Map.of(), "/home/u", null))
                .isEqualTo(Path.of("/home/u/.config/chamberlain"));
        assertThat(PlatformDirectories.configDir("Mac OS X", Map.of(), "/Users/u", null))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Chamberlain"));
        assertThat(PlatformDirectories.configDir("Windows 11", Map.of("APPDATA", "C:\\AppData"), "C:\\u", null))
                .isEqualTo(Path.of("C:\\AppData", "Chamberlain"));
        assertThat(PlatformDirectories.dataDir("Linux", Map.of(), "/home/u", null))
                .isEqualTo(Path.of("/home/u/.local/share/chamberlain"));
        assertThat(PlatformDirectories.configDir("Linux", Map.of(), "/home/u", "/override"))
                .isEqualTo(Path.of("/override"));
    }

    @Test
    void passwordFileIsOnlyReadableByTheUserAndOnlyUsedOnOptIn(@TempDir Path dir) throws Exception {
        FilePasswordVault file = new FilePasswordVault(dir.resolve("passwords.properties"));
        try (PasswordVaults vaults = PasswordVaults.withoutKeyring(file)) {
            Account keyringAccount = Account.of("a@example.org");
            Account fileAccount = Account.of("b@example.org").withPasswordStorage(PasswordStorage.FILE);

            assertThat(vaults.vaultFor(keyringAccount).storage())
                    .as("no keyring here: memory, never the file").isEqualTo(PasswordStorage.MEMORY);
            assertThat(vaults.keyringProblem()).isPresent();
            vaults.vaultFor(keyringAccount).store(keyringAccount.jid(), "in-memory".toCharArray());
            vaults.vaultFor(fileAccount).store(fileAccount.jid(), "on-disk".toCharArray());

            assertThat(Files.exists(file.file())).isTrue();
            assertThat(Files.readString(file.file())).doesNotContain("in-memory").doesNotContain("on-disk");
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                assertThat(Files.getPosixFilePermissions(file.file()))
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
            assertThat(new FilePasswordVault(file.file()).find(fileAccount.jid())).get()
                    .satisfies(p -> assertThat(new String(p)).isEqualTo("on-disk"));
            assertThat(vaults.vaultFor(keyringAccount).find(keyringAccount.jid())).get()
                    .satisfies(p -> assertThat(new String(p)).isEqualTo("in-memory"));
            vaults.vaultFor(fileAccount).forget(fileAccount.jid());
            assertThat(file.find(fileAccount.jid())).isEmpty();
        }
    }
}
