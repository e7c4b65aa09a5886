package org.chamberlain.views.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.affiliations.BareJids;

/**
 * What the account dialog collected, before it becomes an {@link Account}: checked as the person types, with
 * one sentence per problem. Pure.
 */
public record AccountInput(String jid, String password, String host, String port, boolean plaintextAllowed,
        boolean rememberPassword) {

    /** Problems in the order of the fields; empty when the account can be saved. */
    public List<String> problems(boolean passwordRequired) {
        List<String> problems = new ArrayList<>();
        String address = jid == null ? "" : jid.strip();
        if (address.isEmpty()) {
            problems.add("Type the account's address, like name@example.org.");
        } else if (!address.contains("@") || BareJids.normalise(address).isEmpty()) {
            problems.add("'" + address + "' is not an account address; it looks like name@example.org.");
        }
        if (passwordRequired && (password == null || password.isEmpty())) {
            problems.add("Type the password.");
        }
        if (port != null && !port.isBlank()) {
            try {
                int value = Integer.parseInt(port.strip());
                if (value < 1 || value > 65535) {
                    problems.add("The port is a number from 1 to 65535.");
                }
            } catch (NumberFormatException e) {
                problems.add("The port is a number from 1 to 65535.");
            }
        }
        if ((port != null && !port.isBlank()) && (host == null || host.isBlank())) {
            problems.add("A port needs a host too.");
        }
        return problems;
    }

    /** The account these inputs describe, keeping what the old one had that the dialog does not show. */
    public Account toAccount(Optional<Account> previous) {
        Account account = previous.filter(p -> p.jid().equals(normalisedJid())).orElse(Account.of(normalisedJid()));
        int portNumber = port == null || port.isBlank() ? 0 : Integer.parseInt(port.strip());
        account = host == null || host.isBlank() ? account.withServer(null, 0)
                : account.withServer(host.strip(), portNumber);
        return account.withTlsPolicy(plaintextAllowed ? TlsPolicy.PLAINTEXT_ALLOWED : TlsPolicy.REQUIRED)
                .withPasswordStorage(rememberPassword ? PasswordStorage.KEYRING : PasswordStorage.MEMORY);
    }

    public String normalisedJid() {
        return BareJids.normalise(jid.strip()).orElse(jid.strip());
    }
}
