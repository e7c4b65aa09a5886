package org.chamberlain.views.console.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.testkit.FreshProsody;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.console.replay.ReplayEvent;
import org.chamberlain.views.console.replay.ReplayEvent.Exited;
import org.chamberlain.views.console.replay.ReplayProcess;
import org.chamberlain.views.xmlconsole.TrafficSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A moderation session done by hand (raw XML from two app accounts, as from the XML console) is recorded on
 * one server and the recorded script replays green, in a child JVM, against a fresh server.
 */
@WithProsody
class RecordedSessionReplayTest {
    private static TestServer recordingServer;

    @BeforeAll
    static void classServer(TestServer server) {
        recordingServer = server;
    }

    private static AccountConnection open(ConnectionManager manager, TestServer server, String user)
            throws Exception {
        AccountConnection connection = manager.open(new Account(server.jid(user), Optional.of(server.host()),
                server.port(), TlsPolicy.PLAINTEXT_ALLOWED, PasswordStorage.MEMORY, Set.of()),
                "password".toCharArray());
        connection.connect();
        return connection;
    }

    private static void await(List<String> seen, String fragment) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (seen.stream().noneMatch(x -> x.contains(fragment))) {
            assertThat(System.currentTimeMillis()).as("waiting for " + fragment).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    @FreshProsody
    void aRecordedModerationSessionReplaysGreenOnAFreshServer(TestServer fresh, @TempDir Path dir) throws Exception {
        String script;
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection owner = open(manager, recordingServer, "recowner");
            AccountConnection guest = open(manager, recordingServer, "recguest");
            List<String> ownerIn = new CopyOnWriteArrayList<>();
            List<String> guestIn = new CopyOnWriteArrayList<>();
            owner.onTraffic(r -> {
                if (!r.outgoing()) {
                    ownerIn.add(r.xml());
                }
            }, Runnable::run);
            guest.onTraffic(r -> {
                if (!r.outgoing()) {
                    guestIn.add(r.xml());
                }
            }, Runnable::run);
            LiveRecorder recorder = new LiveRecorder(List.of(
                    new LiveRecorder.Target("Owner", owner.accountJid(), owner.boundJid().orElseThrow(),
                            TrafficSource.of(owner)),
                    new LiveRecorder.Target("Guest", guest.accountJid(), guest.boundJid().orElseThrow(),
                            TrafficSource.of(guest))));
            String room = "recorded@" + recordingServer.mucService();

            owner.sendRaw("<presence to='" + room + "/boss'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
            await(ownerIn, "code='201'");
            owner.sendRaw("<iq type='set' to='" + room + "' id='cfg1'><query xmlns='http://jabber.org/protocol/"
                    + "muc#owner'><x xmlns='jabber:x:data' type='submit'/></query></iq>");
            await(ownerIn, "id='cfg1'");
            guest.sendRaw("<presence to='" + room + "/visitor'><x xmlns='http://jabber.org/protocol/muc'/>"
                    + "</presence>");
            await(guestIn, "code='110'");
            await(ownerIn, room + "/visitor");
            owner.sendRaw("<message to='" + room + "' type='groupchat' id='g1'><body>Welcome!</body></message>");
            await(guestIn, "Welcome!");
            await(ownerIn, "Welcome!");
            owner.sendRaw("<iq type='set' to='" + room + "' id='mem1'><query xmlns='http://jabber.org/protocol/"
                    + "muc#admin'><item affiliation='member' jid='" + guest.accountJid() + "'/></query></iq>");
            await(ownerIn, "id='mem1'");
            await(guestIn, "affiliation='member'");
            owner.sendRaw("<iq type='set' to='" + room + "' id='kill1'><query xmlns='http://jabber.org/protocol/"
                    + "muc#owner'><destroy><reason>Done</reason></destroy></query></iq>");
            await(ownerIn, "id='kill1'");
            await(guestIn, "<destroy");
            script = recorder.stop("Recorded moderation session");
        }
        Path file = dir.resolve("recorded.scs");
        Files.writeString(file, script, StandardCharsets.UTF_8);

        BlockingQueue<Exited> exit = new ArrayBlockingQueue<>(1);
        List<ReplayEvent> events = new CopyOnWriteArrayList<>();
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try (ReplayProcess replay = ReplayProcess.start(ReplayProcess.commandForThisJvm(ReplayProcess.MAIN_CLASS,
                List.of("replay", "--events", "--host", fresh.host(), "--port", Integer.toString(fresh.port()),
                        file.toString())), null, ui, batch -> {
                            events.addAll(batch);
                            batch.stream().filter(Exited.class::isInstance).map(Exited.class::cast)
                                    .forEach(exit::add);
                        })) {
            Exited exited = exit.poll(60, TimeUnit.SECONDS);
            assertThat(exited).isNotNull();
            assertThat(exited.exitCode()).as(script + "\n" + events).isZero();
        } finally {
            ui.shutdown();
            assertThat(ui.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(events).filteredOn(ReplayEvent.ActionFinished.class::isInstance).hasSizeGreaterThan(10)
                .allMatch(e -> ((ReplayEvent.ActionFinished) e).verdict() == ReplayEvent.Verdict.PASSED);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.writeString(Path.of("target", "recorded-session.scs"), script, StandardCharsets.UTF_8);
    }
}
