package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.Verb;
import org.chamberlain.scripting.xml.Attribute;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.Namespaces;
import org.chamberlain.testkit.TestServers;
import org.junit.jupiter.api.Test;

/**
 * Every suite script, corrupted in one expected attribute value, one expected text, and one expected element
 * name of a {@code receives} block, must fail at exactly that action (each variant on a fresh server, since a
 * suite script runs once per server start).
 */
class CorruptedSuiteTest {
    private static final int PARALLEL = 3;

    record Variant(String label, Script script, Action corrupted) {
    }

    @Test
    void everyCorruptedVariantFailsAtTheCorruptedAction() throws Exception {
        List<Variant> variants = new ArrayList<>();
        for (Script script : ProsodySuiteTest.suiteScripts()) {
            corrupt(script, "attribute", Element::attributes, CorruptedSuiteTest::hasPlainAttribute,
                    CorruptedSuiteTest::corruptAttribute, false).ifPresent(variants::add);
            corrupt(script, "text", Element::attributes, Element::hasText,
                    e -> e.with(e.attributes(), List.of(e.text().strip() + " (corrupted)")), false)
                    .ifPresent(variants::add);
            corrupt(script, "name", Element::attributes, e -> true,
                    e -> new Element(e.namespace(), "corrupted-" + e.localName(), e.prefix(), e.attributes(),
                            e.namespaceDeclarations(), e.content(), e.line(), e.column()), true)
                    .ifPresent(variants::add);
        }
        assertThat(variants.stream().filter(v -> v.label().endsWith("attribute")).count()).isGreaterThanOrEqualTo(24);
        assertThat(variants.stream().filter(v -> v.label().endsWith("name")).count()).isGreaterThanOrEqualTo(25);
        assertThat(variants.stream().filter(v -> v.label().endsWith("text")).count()).isGreaterThanOrEqualTo(5);

        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (Variant variant : variants) {
                outcomes.add(pool.submit(() -> runOnFreshServer(variant)));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                String problem = outcome.get(5, TimeUnit.MINUTES);
                if (problem != null) {
                    wrong.add(problem);
                }
            }
            assertThat(wrong).isEmpty();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * A variant must fail exactly at its corrupted action. A failure at an earlier, untouched action is not
     * about the corruption: some suite scripts race between accounts (e.g. basic_message.scs:75-78 expects the
     * self-presence before the offline message, and Prosody may deliver them the other way round, so the
     * presence step skips the message). Such a variant gets one more run on a fresh server, with a 5 ms pause
     * after each send instead of 1 ms: the races are between stanzas of different accounts, and this test runs
     * three servers and replayers at once on a small machine, where Prosody can be descheduled for more than a
     * millisecond (docs/notes/replayer-smack-jxmpp.md). A replayer fault fails both runs and is reported.
     */
    private static String runOnFreshServer(Variant variant) throws Exception {
        Outcome first = runOnceOnFreshServer(variant, Duration.ofMillis(1));
        if (first.problem() == null || !first.failedBeforeTheCorruption()) {
            return first.problem();
        }
        Outcome second = runOnceOnFreshServer(variant, Duration.ofMillis(5));
        return second.problem() == null ? null : first.problem() + "; again: " + second.problem();
    }

    private record Outcome(String problem, boolean failedBeforeTheCorruption) {
    }

    private static Outcome runOnceOnFreshServer(Variant variant, Duration pause) throws Exception {
        try (LocalProsody server = TestServers.start()) {
            Replayer replayer = new Replayer(ReplayOptions.defaults().withServer(server.host(), server.port())
                    .withReceiveTimeout(Duration.ofSeconds(2)).withPause(pause));
            RunResult result = replayer.run(List.of(variant.script()), new Recorder());
            ScriptResult outcome = result.scripts().get(0);
            boolean failedAt = outcome.verdict() == Verdict.FAILED && outcome.failedAction() != null;
            if (failedAt && outcome.failedAction().index() == variant.corrupted().index()) {
                return new Outcome(null, false);
            }
            return new Outcome(variant.label() + " (corrupted line " + variant.corrupted().line() + "): "
                    + outcome.verdict() + " at " + outcome.location() + ": " + outcome.message(),
                    failedAt && outcome.failedAction().index() < variant.corrupted().index());
        }
    }

    private static boolean hasPlainAttribute(Element element) {
        return element.attributes().stream().anyMatch(CorruptedSuiteTest::plain);
    }

    private static boolean plain(Attribute attribute) {
        return !Namespaces.SCANSION.equals(attribute.namespace()) && !attribute.value().startsWith("{scansion:");
    }

    private static Element corruptAttribute(Element element) {
        List<Attribute> attributes = new ArrayList<>();
        boolean done = false;
        for (Attribute attribute : element.attributes()) {
            if (!done && plain(attribute)) {
                attributes.add(attribute.withValue(attribute.value() + "-corrupted"));
                done = true;
            } else {
                attributes.add(attribute);
            }
        }
        return element.with(attributes, element.content());
    }

    /**
     * The script with the first element (depth first, in the first {@code receives} that has one) matching
     * {@code where} changed by {@code change}; with {@code last}, the last {@code receives} is used and its
     * deepest first element.
     */
    private static java.util.Optional<Variant> corrupt(Script script, String kind,
            Function<Element, List<Attribute>> unused, Predicate<Element> where, Function<Element, Element> change,
            boolean last) {
        List<Action> actions = script.actions();
        for (int k = 0; k < actions.size(); k++) {
            int index = last ? actions.size() - 1 - k : k;
            Action action = actions.get(index);
            if (action.verb() != Verb.RECEIVES) {
                continue;
            }
            Element changed = last ? renameDeepestFirst(action.stanza(), change)
                    : replaceFirst(action.stanza(), where, change);
            if (changed == null) {
                continue;
            }
            List<Action> copy = new ArrayList<>(actions);
            Action corrupted = new Action(action.index(), action.actor(), action.verb(), changed, action.line(),
                    action.column());
            copy.set(index, corrupted);
            Script variant = new Script(script.file(), script.title(), script.description(), script.tags(),
                    script.clients(), copy, script.warnings());
            return java.util.Optional.of(new Variant(script.file() + " " + kind, variant, corrupted));
        }
        return java.util.Optional.empty();
    }

    private static Element replaceFirst(Element element, Predicate<Element> where, Function<Element, Element> change) {
        if (where.test(element)) {
            return change.apply(element);
        }
        List<Object> content = new ArrayList<>(element.content());
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i) instanceof Element child) {
                Element changed = replaceFirst(child, where, change);
                if (changed != null) {
                    content.set(i, changed);
                    return element.with(element.attributes(), content);
                }
            }
        }
        return null;
    }

    private static Element renameDeepestFirst(Element element, Function<Element, Element> change) {
        List<Object> content = new ArrayList<>(element.content());
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i) instanceof Element child) {
                content.set(i, renameDeepestFirst(child, change));
                return element.with(element.attributes(), content);
            }
        }
        return change.apply(element);
    }
}
