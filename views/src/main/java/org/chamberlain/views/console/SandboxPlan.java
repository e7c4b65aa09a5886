package org.chamberlain.views.console;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chamberlain.app.connections.Addresses;

/**
 * How a script runs on the sandbox: every account of the script lives on the sandbox's domain. The script's
 * own domains (those of its {@code [Client]} JIDs, e.g. {@code localhost}) are replaced by the sandbox's
 * wherever they stand as a domain ({@code juliet@localhost}, {@code conference.localhost},
 * {@code from='localhost'}), so declarations, hard-coded addresses and room JIDs all follow; the accounts the
 * sandbox lacks are registered with the script's passwords; a client that is one of the sandbox's own
 * accounts uses that account's password. Pure logic, any thread.
 *
 * @param script     the script text to replay
 * @param toRegister local part → password, for the accounts the sandbox must create first
 */
public record SandboxPlan(String script, Map<String, String> toRegister) {
    /** A password for declared clients that have none (scansion's scripts always give one). */
    static final String DEFAULT_PASSWORD = "password";

    public static SandboxPlan of(String text, String sandboxDomain, Map<String, String> sandboxAccounts) {
        Set<String> domains = new LinkedHashSet<>();
        for (ScriptAccounts.Declared declared : ScriptAccounts.declared(text)) {
            String jid = declared.jid();
            if (jid != null && jid.contains("@")) {
                domains.add(domainOf(jid));
            }
        }
        String script = text;
        for (String domain : domains) {
            if (!domain.equalsIgnoreCase(sandboxDomain)) {
                script = replaceDomain(script, domain, sandboxDomain);
            }
        }
        Map<String, String> toRegister = new LinkedHashMap<>();
        Map<String, ScriptAccounts.Mapping> passwords = new LinkedHashMap<>();
        for (ScriptAccounts.Declared declared : ScriptAccounts.declared(script)) {
            String jid = declared.jid();
            if (jid == null || !jid.contains("@")) {
                continue;
            }
            String local = Addresses.localpart(jid).toLowerCase(Locale.ROOT);
            String own = sandboxAccounts.get(local + "@" + sandboxDomain);
            String wanted = declared.password() == null ? DEFAULT_PASSWORD : declared.password();
            String password = own != null ? own : toRegister.getOrDefault(local, wanted);
            if (own == null) {
                toRegister.putIfAbsent(local, wanted);
            }
            if (!password.equals(declared.password())) {
                passwords.put(declared.name(), new ScriptAccounts.Mapping(null, password));
            }
        }
        return new SandboxPlan(passwords.isEmpty() ? script : ScriptAccounts.rewrite(script, passwords),
                Map.copyOf(toRegister));
    }

    private static String domainOf(String jid) {
        String rest = jid.substring(jid.indexOf('@') + 1);
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
    }

    /** {@code domain} where it is a whole domain or the end of one (subdomains follow), not inside a word. */
    static String replaceDomain(String text, String domain, String replacement) {
        Pattern pattern = Pattern.compile("(?<![\\w-])" + Pattern.quote(domain) + "(?![\\w-]|\\.[\\w-])",
                Pattern.CASE_INSENSITIVE);
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }
}
