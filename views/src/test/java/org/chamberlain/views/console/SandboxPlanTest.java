package org.chamberlain.views.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxPlanTest {
    private static final String SCRIPT = String.join("\n", "# Sandbox", "", "[Client] Romeo", "\tjid: user@localhost",
            "\tpassword: password", "", "[Client] Juliet", "\tjid: juliet@localhost", "\tpassword: secret", "",
            "[Client] Juliet's phone", "\tjid: juliet@localhost", "\tpassword: secret", "\tresource: mobile", "",
            "[Client] Boss", "\tjid: owner@localhost", "\tpassword: password", "", "---------", "",
            "Romeo sends:", "\t<message to='juliet@localhost' from='localhost'><x to='room@conference.localhost'/>"
                    + "<y host='localhost.example' word='mylocalhost'/></message>", "");

    @Test
    void theScriptMovesToTheSandboxDomainAndOnlyMissingAccountsAreRegistered() {
        SandboxPlan plan = SandboxPlan.of(SCRIPT, "sandbox.localhost",
                Map.of("owner@sandbox.localhost", "0wner-pw", "alice@sandbox.localhost", "a"));

        assertThat(plan.toRegister()).containsExactlyInAnyOrderEntriesOf(Map.of("user", "password", "juliet",
                "secret"));
        assertThat(plan.script()).contains("\tjid: user@sandbox.localhost\n", "\tjid: juliet@sandbox.localhost\n",
                "to='juliet@sandbox.localhost' from='sandbox.localhost'", "room@conference.sandbox.localhost",
                "host='localhost.example'", "word='mylocalhost'", "\tresource: mobile");
        // The sandbox's own owner keeps its password: the script signs in with it.
        assertThat(plan.script()).contains("\tjid: owner@sandbox.localhost\n\tpassword: 0wner-pw\n");
        assertThat(plan.script().split("\n", -1)).hasSameSizeAs(SCRIPT.split("\n", -1));
    }

    @Test
    void aScriptAlreadyOnTheSandboxDomainIsLeftAsItIs() {
        String onSandbox = SCRIPT.replace("localhost", "sandbox.localhost");
        SandboxPlan plan = SandboxPlan.of(onSandbox, "sandbox.localhost", Map.of("owner@sandbox.localhost",
                "password"));
        assertThat(plan.script()).isEqualTo(onSandbox);
        assertThat(plan.toRegister()).containsOnlyKeys("user", "juliet");
    }
}
