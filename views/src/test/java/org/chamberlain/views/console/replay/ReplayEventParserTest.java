package org.chamberlain.views.console.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.chamberlain.views.console.replay.ReplayEvent.ActionFinished;
import org.chamberlain.views.console.replay.ReplayEvent.Disposition;
import org.chamberlain.views.console.replay.ReplayEvent.Problem;
import org.chamberlain.views.console.replay.ReplayEvent.RunFinished;
import org.chamberlain.views.console.replay.ReplayEvent.RunStarted;
import org.chamberlain.views.console.replay.ReplayEvent.Stanza;
import org.chamberlain.views.console.replay.ReplayEvent.Unrecognised;
import org.chamberlain.views.console.replay.ReplayEvent.Verdict;
import org.junit.jupiter.api.Test;

/** The examples of docs/replay-events.md, parsed. */
class ReplayEventParserTest {
    private final ReplayEventParser parser = new ReplayEventParser();

    @Test
    void readsAFailedReceivesWithItsDifference() {
        ReplayEvent event = parser.parse("{\"event\":\"action-finished\",\"t\":9.0,\"file\":\"a.scs\",\"line\":20,"
                + "\"index\":5,\"actor\":\"Romeo\",\"verb\":\"receives\",\"verdict\":\"failed\",\"ms\":5001.2,"
                + "\"message\":\"no matching stanza within 5 s\",\"expected\":\"<presence type='unavailable'/>\","
                + "\"closest\":\"<presence/>\",\"difference\":{\"path\":\"/presence/@type\",\"expected\":"
                + "\"unavailable\",\"received\":null,\"sentence\":\"attribute type is missing\"},\"future\":1}");

        assertThat(event).isInstanceOfSatisfying(ActionFinished.class, finished -> {
            assertThat(finished.line()).isEqualTo(20);
            assertThat(finished.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(finished.ms()).isEqualTo(5001.2);
            assertThat(finished.closest()).isEqualTo("<presence/>");
            assertThat(finished.difference().path()).isEqualTo("/presence/@type");
            assertThat(finished.difference().received()).isNull();
        });
    }

    @Test
    void readsStanzasWithDirectionAndDisposition() {
        Stanza received = (Stanza) parser.parse("{\"event\":\"stanza-received\",\"t\":3.5,\"file\":\"a.scs\","
                + "\"line\":14,\"account\":\"Romeo\",\"xml\":\"<presence/>\",\"arrivedT\":3.4,"
                + "\"disposition\":\"skipped\"}");
        Stanza sent = (Stanza) parser.parse("{\"event\":\"stanza-sent\",\"t\":3.2,\"file\":\"a.scs\",\"line\":11,"
                + "\"account\":\"Romeo\",\"xml\":\"<presence/>\"}");

        assertThat(received.sent()).isFalse();
        assertThat(received.disposition()).isEqualTo(Disposition.SKIPPED);
        assertThat(received.arrivedT()).isEqualTo(3.4);
        assertThat(sent.sent()).isTrue();
        assertThat(sent.account()).isEqualTo("Romeo");
    }

    @Test
    void readsRunAndProblemEvents() {
        RunStarted started = (RunStarted) parser.parse("{\"event\":\"run-started\",\"t\":0.0,\"scripts\":"
                + "[{\"file\":\"a.scs\",\"title\":\"Basic\",\"tags\":{\"muc\":\"\"}}]}");
        Problem problem = (Problem) parser.parse("{\"event\":\"parse-error\",\"file\":\"a.scs\",\"line\":12,"
                + "\"column\":3,\"message\":\"unknown verb\"}");
        RunFinished finished = (RunFinished) parser.parse("{\"event\":\"run-finished\",\"t\":9.2,\"passed\":3,"
                + "\"failed\":1,\"errors\":0,\"skipped\":0,\"replayMs\":9.2}");

        assertThat(started.scripts()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Basic");
            assertThat(s.tags()).containsEntry("muc", "");
        });
        assertThat(problem.error()).isTrue();
        assertThat(problem.column()).isEqualTo(3);
        assertThat(finished.passed()).isEqualTo(3);
        assertThat(finished.failed()).isEqualTo(1);
    }

    @Test
    void keepsWhatItCannotReadInsteadOfThrowing() {
        assertThat(parser.parse("Exception in thread main")).isInstanceOf(Unrecognised.class);
        assertThat(parser.parse("{\"event\":\"dance\"}")).isInstanceOfSatisfying(Unrecognised.class,
                u -> assertThat(u.reason()).contains("dance"));
        assertThat(parser.parse("[1,2]")).isInstanceOf(Unrecognised.class);
    }
}
