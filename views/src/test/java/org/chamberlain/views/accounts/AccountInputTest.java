package org.chamberlain.views.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.junit.jupiter.api.Test;

class AccountInputTest {

    @Test
    void aCompleteNewAccountHasNoProblems() {
        AccountInput input = new AccountInput("Owner@Example.org", "secret", "", "", false, true);
        assertThat(input.problems(true)).isEmpty();
        Account account = input.toAccount(Optional.empty());
        assertThat(account.jid()).isEqualTo("owner@example.org");
        assertThat(account.tlsPolicy()).isEqualTo(TlsPolicy.REQUIRED);
        assertThat(account.passwordStorage()).isEqualTo(PasswordStorage.KEYRING);
        assertThat(account.host()).isEmpty();
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThat(new AccountInput("", "", "", "", false, false).problems(true))
                .containsExactly("Type the account's address, like name@example.org.", "Type the password.");
        assertThat(new AccountInput("example.org", "pw", "", "", false, false).problems(true))
                .containsExactly("'example.org' is not an account address; it looks like name@example.org.");
        assertThat(new AccountInput("a@b.c", "pw", "", "70000", false, false).problems(true))
                .containsExactly("The port is a number from 1 to 65535.", "A port needs a host too.");
        assertThat(new AccountInput("a@b.c", "", "h", "x", false, false).problems(false))
                .containsExactly("The port is a number from 1 to 65535.");
    }

    @Test
    void editingKeepsTrustedCertificatesAndSetsTheServer() {
        Account previous = Account.of("a@b.c").trusting("AA:BB");
        Account edited = new AccountInput("a@b.c", "", "127.0.0.1", "5299", true, false)
                .toAccount(Optional.of(previous));
        assertThat(edited.trustedCertificates()).containsExactly("AA:BB");
        assertThat(edited.host()).contains("127.0.0.1");
        assertThat(edited.port()).isEqualTo(5299);
        assertThat(edited.tlsPolicy()).isEqualTo(TlsPolicy.PLAINTEXT_ALLOWED);
        assertThat(edited.passwordStorage()).isEqualTo(PasswordStorage.MEMORY);
    }
}
