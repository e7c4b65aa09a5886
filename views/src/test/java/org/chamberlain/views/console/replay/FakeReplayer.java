package org.chamberlain.views.console.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in child process for the driver's own tests (not a server mock: it only speaks the event stream).
 * {@code count} stanza events, then waits for a {@code continue} line on stdin when asked, then exits 1.
 */
public final class FakeReplayer {
    private FakeReplayer() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        boolean waitForCommand = args.length > 1 && args[1].equals("wait");
        System.out.println("{\"event\":\"run-started\",\"t\":0,\"scripts\":[{\"file\":\"x.scs\",\"title\":\"X\"}]}");
        for (int i = 0; i < count; i++) {
            System.out.println("{\"event\":\"stanza-received\",\"t\":" + i + ",\"file\":\"x.scs\",\"line\":3,"
                    + "\"account\":\"A\",\"xml\":\"<message id='" + i + "'/>\",\"disposition\":\"skipped\"}");
        }
        System.err.println("a human message");
        if (waitForCommand) {
            System.out.println("{\"event\":\"paused\",\"t\":1,\"file\":\"x.scs\",\"line\":5,\"index\":1}");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command = in.readLine();
            System.out.println("{\"event\":\"script-finished\",\"t\":2,\"file\":\"x.scs\",\"verdict\":\"failed\","
                    + "\"ms\":2,\"line\":5,\"message\":\"got " + command + "\"}");
        }
        System.out.flush();
        System.exit(1);
    }
}
