/**
 * Accounts the person moderates with: their settings ({@link org.chamberlain.app.accounts.Account},
 * persisted by {@link org.chamberlain.app.accounts.AccountStore} under the platform's config directory) and
 * their passwords ({@link org.chamberlain.app.accounts.PasswordVault}: the OS keyring when there is one,
 * otherwise memory, a file only when the person opts in). Passwords are never part of an account's settings,
 * never in {@code toString()}, never logged.
 */
package org.chamberlain.app.accounts;
