package org.chamberlain.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code chamberlain rooms} is reachable from the product's entry point. */
class MainRoomsCommandTest {

    @Test
    void roomsIsRegisteredWithEverySubcommandOfTheIssue() {
        CommandLine main = Main.commandLine();
        assertThat(main.getSubcommands()).containsKey("rooms");
        assertThat(main.getSubcommands().get("rooms").getSubcommands().keySet()).contains("list", "create",
                "config", "members", "invite", "kick", "voice", "moderator", "ban", "destroy");
    }

    @Test
    void aUsageMistakeExitsWithTwoAndSaysWhy() {
        CommandLine main = Main.commandLine();
        StringWriter err = new StringWriter();
        main.setErr(new PrintWriter(err, true));
        main.setOut(new PrintWriter(new StringWriter(), true));

        int exit = main.execute("rooms", "members", "room@conference.example.org");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--account=JID'");
    }
}
