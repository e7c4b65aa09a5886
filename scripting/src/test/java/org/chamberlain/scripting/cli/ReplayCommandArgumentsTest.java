package org.chamberlain.scripting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher's quick argument reading sets exactly what picocli sets, or leaves the arguments to picocli. */
class ReplayCommandArgumentsTest {
    private static final List<List<String>> UNDERSTOOD = List.of(
            List.of("a.scs"),
            List.of("--host", "127.0.0.1", "--port", "5222", "--bench", "dir1", "b.scs"),
            List.of("-d", "dir", "-d", "other", "--timeout", "2.5", "--pause-ms", "0", "--strict-fifo", "-v"),
            List.of("--only-tags", "a,b", "--only-tags", "c", "--skip-tags", "x", "--json", "r.json", "--junit",
                    "r.xml", "s.scs"),
            List.of("--events", "--pause-at-start", "--break", "12", "--break", "30", "--verbose", "f.scs"),
            List.of());
    private static final List<List<String>> LEFT_TO_PICOCLI = List.of(
            List.of("--help"),
            List.of("-h"),
            List.of("--port", "x", "a.scs"),
            List.of("--port", "0x10", "a.scs"),
            List.of("--timeout", "soon", "a.scs"),
            List.of("--host", "a", "--host", "b", "a.scs"),
            List.of("--host=a", "a.scs"),
            List.of("--nonsense", "a.scs"),
            List.of("--host"),
            List.of("-vd", "x"),
            List.of("--only-tags", "a,", "s.scs"));

    @Test
    void quickReadingGivesPicoclisSettings() throws Exception {
        for (List<String> args : UNDERSTOOD) {
            ReplayCommand quick = command();
            assertThat(quick.parseQuickly(args.toArray(String[]::new))).as(args.toString()).isTrue();
            ReplayCommand picocli = command();
            new CommandLine(picocli).parseArgs(args.toArray(String[]::new));
            assertThat(fields(quick)).as(args.toString()).isEqualTo(fields(picocli));
        }
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        for (List<String> args : LEFT_TO_PICOCLI) {
            assertThat(command().parseQuickly(args.toArray(String[]::new))).as(args.toString()).isFalse();
        }
    }

    private static ReplayCommand command() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return new ReplayCommand(sink, sink);
    }

    /** Every option and parameter field, by name. */
    private static Map<String, Object> fields(ReplayCommand command) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : ReplayCommand.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType() == PrintStream.class) {
                continue;
            }
            field.setAccessible(true);
            values.put(field.getName(), field.get(command));
        }
        return values;
    }
}
