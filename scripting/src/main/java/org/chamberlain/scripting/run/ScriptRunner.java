package org.chamberlain.scripting.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chamberlain.scripting.match.MatchResult;
import org.chamberlain.scripting.match.StanzaMatcher;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.ClientDeclaration;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.Variables;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.XmlWriter;

/**
 * Runs one script on the calling thread: actions in file order, one {@link Session} per declared client, all
 * closed at the end whatever happened.
 */
final class ScriptRunner {
    private final Script script;
    private final ReplayOptions options;
    private final ReplayListener listener;
    private final long runStart;
    private final Poller poller;
    private final Inbox inbox;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, String> captures = new HashMap<>();
    private final List<Long> latencies;
    private final List<Long> connectTimes;
    /** Accounts whose disconnects sent the closing tag, the server's end of their stream not yet awaited. */
    private final List<Session> disconnecting = new ArrayList<>();
    /** The logins of the script's accounts were started ahead (at its first connects). */
    private boolean loginsStarted;
    /** {@link System#nanoTime()} before which nothing more may be written to the server. */
    private long pauseUntil = System.nanoTime();
    private long pausedNanos;

    ScriptRunner(Script script, ReplayOptions options, ReplayListener listener, long runStart, Poller poller,
            List<Long> latencies, List<Long> connectTimes) {
        this.script = script;
        this.options = options;
        this.listener = listener;
        this.runStart = runStart;
        this.poller = poller;
        this.inbox = new Inbox(poller);
        this.latencies = latencies;
        this.connectTimes = connectTimes;
        for (ClientDeclaration client : script.clients()) {
            sessions.put(client.name(), new Session(client, inbox, poller));
        }
    }

    private long now() {
        return System.nanoTime() - runStart;
    }

    ScriptResult run() throws InterruptedException {
        long start = System.nanoTime();
        Action failedAction = null;
        ActionResult failure = null;
        try {
            for (Action action : script.actions()) {
                listener.actionStarted(script, action, now());
                // Whatever arrived while the runner was busy is read now, so its arrival time is not later still.
                poller.pollNow();
                long actionStart = System.nanoTime();
                ActionResult result = execute(action, actionStart);
                String problem = inbox.problem();
                if (result.verdict() == Verdict.PASSED && problem != null) {
                    // The action itself went well (e.g. its stanza was already queued), but a connection died.
                    result = ActionResult.error(result.durationNanos(), problem);
                }
                listener.actionFinished(script, action, result, now());
                if (result.verdict() != Verdict.PASSED) {
                    failedAction = action;
                    failure = result;
                    break;
                }
            }
        } finally {
            closeAll();
        }
        Verdict verdict = failure == null ? Verdict.PASSED : failure.verdict();
        return new ScriptResult(script, verdict, System.nanoTime() - start, failedAction, failure);
    }

    /**
     * At the script's first {@code connects}: starts the logins of its account and of the other accounts whose
     * first {@code connects} comes later (TCP, stream and SASL, pipelined; not the bind, which makes a session
     * visible to others and so happens at the account's own action). Their round trips then overlap each other
     * and the actions between (docs/decisions/0003, amendment "fewer round trips per login").
     */
    private void startLoginsAhead(Action first) {
        // This action's own login first, so that the server answers it first.
        Set<String> seen = new HashSet<>();
        boolean reached = false;
        for (Action action : script.actions()) {
            reached |= action == first;
            if (reached && action.verb() == org.chamberlain.scripting.parse.Verb.CONNECTS
                    && seen.add(action.actor())) {
                sessions.get(action.actor()).prepare(options);
            }
        }
    }

    private void closeAll() throws InterruptedException {
        try {
            awaitPause();
            // All streams are closed at once, then the server's answers awaited: one round trip, not one per
            // account.
            for (Session session : sessions.values()) {
                session.beginClose();
            }
            long deadline = System.nanoTime() + options.connectTimeout().toNanos();
            for (Session session : sessions.values()) {
                session.finishClose(deadline);
            }
        } finally {
            // Interrupted or not: no socket outlives its script.
            for (Session session : sessions.values()) {
                session.shutdownNow();
            }
            // Closed channels give their descriptors back at the selector's next select.
            poller.pollNow();
        }
        for (Session session : sessions.values()) {
            reportUnconsumed(session.name());
        }
    }

    private void reportUnconsumed(String account) {
        for (ReceivedStanza stanza : inbox.drain(account)) {
            listener.stanzaReceived(script, null, stanza, Disposition.UNCONSUMED, stanza.arrivalNanos() - runStart,
                    now());
        }
    }

    private ActionResult execute(Action action, long start) throws InterruptedException {
        Session session = sessions.get(action.actor());
        String problem = inbox.problem();
        if (problem != null && action.verb() != org.chamberlain.scripting.parse.Verb.RECEIVES) {
            return ActionResult.error(System.nanoTime() - start, problem);
        }
        switch (action.verb()) {
            case CONNECTS -> {
                awaitPause();
                if (!loginsStarted) {
                    loginsStarted = true;
                    startLoginsAhead(action);
                }
                try {
                    session.connect(options);
                } catch (Session.SessionException e) {
                    return ActionResult.error(System.nanoTime() - start, e.getMessage());
                }
                long took = System.nanoTime() - start;
                connectTimes.add(took);
                return ActionResult.passed(took);
            }
            case DISCONNECTS -> {
                awaitPause();
                // The closing tag goes out now; the server's end of the stream (it has then left the account's
                // rooms) is awaited before the next write, like the pause: a receives in between only reads.
                session.beginClose();
                reportUnconsumed(session.name());
                if (!disconnecting.contains(session)) {
                    disconnecting.add(session);
                }
                return ActionResult.passed(System.nanoTime() - start);
            }
            case SENDS -> {
                return send(action, session, start);
            }
            case RECEIVES -> {
                return receive(action, session, start);
            }
            case RECEIVES_NOTHING -> {
                return receiveNothing(action, session, start);
            }
            default -> throw new IllegalStateException("unknown verb " + action.verb());
        }
    }

    private Element substitute(Element element) throws Variables.UnresolvableVariableException {
        return Variables.substitute(element, (account, full) -> {
            Session target = sessions.get(account);
            if (target == null) {
                throw new Variables.UnresolvableVariableException("unknown variable: no [Client] " + account);
            }
            if (!full) {
                return script.client(account).bareJid();
            }
            if (target.fullJid() == null) {
                throw new Variables.UnresolvableVariableException("${" + account + "'s full JID} is used before "
                        + account + " connected");
            }
            return target.fullJid();
        });
    }

    private ActionResult send(Action action, Session session, long start) throws InterruptedException {
        if (!session.isConnected()) {
            // The contract: a send on a disconnected account is logged and ignored.
            return ActionResult.passed(System.nanoTime() - start, action.actor()
                    + " is not connected; the stanza was not sent");
        }
        String xml;
        try {
            xml = XmlWriter.toWire(substitute(action.stanza()));
        } catch (Variables.UnresolvableVariableException e) {
            return ActionResult.error(System.nanoTime() - start, e.getMessage());
        }
        try {
            awaitPause();
            session.send(xml);
        } catch (Session.SessionException e) {
            String problem = inbox.problem();
            return ActionResult.error(System.nanoTime() - start, problem != null ? problem : e.getMessage());
        }
        // The pause gives the server time to handle this stanza before our next one (one MUC script needs it).
        // It is kept before the next action that writes to the server (send, connect, disconnect, the end of
        // the script) or watches for silence; a receives in between only reads, so it need not wait for it.
        pauseUntil = System.nanoTime() + options.pause().toNanos();
        listener.stanzaSent(script, action, action.actor(), xml, now());
        return ActionResult.passed(System.nanoTime() - start);
    }

    /** Time this runner sat out pauses (for the benchmark). */
    long pausedNanos() {
        return pausedNanos;
    }

    /**
     * Before the next write or watch for silence: waits for the server's end of the streams of accounts that
     * disconnected, and sits out what is left of the pause after the latest send, reading what arrives meanwhile.
     */
    private void awaitPause() throws InterruptedException {
        finishDisconnects();
        long start = System.nanoTime();
        if (pauseUntil - start <= 0) {
            return;
        }
        poller.pollUntil(pauseUntil);
        pausedNanos += System.nanoTime() - start;
    }

    /** Waits (reading every connection) until the server ended the streams of the accounts that disconnected. */
    private void finishDisconnects() throws InterruptedException {
        if (disconnecting.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        for (Session session : disconnecting) {
            session.finishClose(deadline);
            reportUnconsumed(session.name());
        }
        disconnecting.clear();
    }

    private ActionResult receive(Action action, Session session, long start) throws InterruptedException {
        if (disconnecting.contains(session)) {
            // Its stream is being closed: what arrives until the server's end of it is not for this receives.
            finishDisconnects();
        }
        Element expected;
        try {
            expected = substitute(action.stanza());
        } catch (Variables.UnresolvableVariableException e) {
            return ActionResult.error(System.nanoTime() - start, e.getMessage());
        }
        if (session.fullJid() == null) {
            return new ActionResult(Verdict.ERROR, System.nanoTime() - start, action.actor()
                    + " never connected, so nothing can be received", XmlWriter.toXml(expected), null, null);
        }
        long waitedBefore = poller.waitedNanos();
        long readBefore = poller.readNanos();
        // A disconnected account can receive nothing more: only what was queued before counts, no waiting.
        long deadline = session.isConnected() ? System.nanoTime() + options.receiveTimeout().toNanos() : 0;
        // Skipped stanzas in order, with their match result; null where the start tag alone ruled a match out
        // (the full result is worked out only if a failure report needs the closest candidate).
        List<ReceivedStanza> skipped = new ArrayList<>();
        List<MatchResult> skippedResults = new ArrayList<>();
        while (true) {
            Inbox.Taken taken = inbox.take(action.actor(), deadline);
            if (taken == null || taken.problem() != null) {
                String message;
                Verdict verdict;
                if (taken != null) {
                    message = taken.problem();
                    verdict = Verdict.ERROR;
                } else if (!session.isConnected()) {
                    message = action.actor() + " is not connected, and no matching stanza was queued";
                    verdict = Verdict.FAILED;
                } else {
                    message = "no matching stanza within " + seconds(options.receiveTimeout().toMillis())
                            + (skipped.isEmpty() ? " (nothing arrived)" : "");
                    verdict = Verdict.FAILED;
                }
                ReceivedStanza closest = null;
                MatchResult closestMatch = null;
                for (int i = 0; i < skipped.size(); i++) {
                    MatchResult result = skippedResults.get(i) != null ? skippedResults.get(i)
                            : fullMatch(expected, skipped.get(i));
                    if (closestMatch == null || result.score() > closestMatch.score()) {
                        closest = skipped.get(i);
                        closestMatch = result;
                    }
                }
                return new ActionResult(verdict, System.nanoTime() - start, message, XmlWriter.toXml(expected),
                        closest, closestMatch, poller.waitedNanos() - waitedBefore,
                        poller.readNanos() - readBefore, skipped.size());
            }
            ReceivedStanza stanza = taken.stanza();
            MatchResult result = !options.strictFifo() && StanzaMatcher.cannotMatch(expected, stanza.xml()) ? null
                    : fullMatch(expected, stanza);
            if (result != null && result.matched()) {
                captures.putAll(result.captures());
                long verdictAt = System.nanoTime();
                latencies.add(verdictAt - stanza.arrivalNanos());
                listener.stanzaReceived(script, action, stanza, Disposition.SATISFIED,
                        stanza.arrivalNanos() - runStart, now());
                return new ActionResult(Verdict.PASSED, verdictAt - start, null, null, null, null,
                        poller.waitedNanos() - waitedBefore,
                        poller.readNanos() - readBefore, skipped.size());
            }
            listener.stanzaReceived(script, action, stanza, Disposition.SKIPPED, stanza.arrivalNanos() - runStart,
                    now());
            if (options.strictFifo()) {
                return new ActionResult(Verdict.FAILED, System.nanoTime() - start,
                        "the next stanza does not match (strict FIFO mode)", XmlWriter.toXml(expected), stanza,
                        result, poller.waitedNanos() - waitedBefore,
                        poller.readNanos() - readBefore, skipped.size());
            }
            skipped.add(stanza);
            skippedResults.add(result);
        }
    }

    private MatchResult fullMatch(Element expected, ReceivedStanza stanza) {
        return stanza.element() == null ? MatchResult.unparsable() : StanzaMatcher.match(expected, stanza.element(),
                captures);
    }

    private ActionResult receiveNothing(Action action, Session session, long start) throws InterruptedException {
        awaitPause();
        long deadline = System.nanoTime() + options.nothingWindow().toNanos();
        Inbox.Taken taken = inbox.take(action.actor(), deadline);
        if (taken == null) {
            return ActionResult.passed(System.nanoTime() - start);
        }
        if (taken.problem() != null) {
            return ActionResult.error(System.nanoTime() - start, taken.problem());
        }
        ReceivedStanza stanza = taken.stanza();
        listener.stanzaReceived(script, action, stanza, Disposition.SKIPPED, stanza.arrivalNanos() - runStart,
                now());
        return new ActionResult(Verdict.FAILED, System.nanoTime() - start, action.actor()
                + " received a stanza, expected nothing", null, stanza, null);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
