package org.chamberlain.scripting.run;

import java.util.List;

/**
 * How the logins of a run went, for {@code --bench}: how many were pipelined (docs/decisions/0003, amendment
 * "fewer round trips per login"), how many fell back to the step-by-step login, and per successful login the time
 * of each stage and how often it waited for the server.
 *
 * @param pipelined logins whose stream header and {@code <auth>} went out together
 * @param fallbacks pipelined logins that met other stream features than expected and were redone step by step
 * @param prepared logins started ahead of their {@code connects} action (at the script's first {@code connects})
 * @param preparedRedone of those, the ones that met anything unexpected and were done again at their action
 * @param logins every login that bound a resource, in order
 */
public record LoginFigures(int pipelined, int fallbacks, int prepared, int preparedRedone, List<Stages> logins) {
    public LoginFigures {
        logins = List.copyOf(logins);
    }

    /**
     * One login's stages, each ending when the runner had read the server's answer.
     *
     * @param tcpNanos the TCP connect
     * @param featuresNanos our stream header to the server's features (with pipelining, the {@code <auth>} went
     *     out with the header)
     * @param saslNanos the features to {@code <success/>} (STARTTLS, when offered, is in here)
     * @param bindNanos {@code <success/>} to the bind result (restart, bind, and the session IQ if required)
     * @param waits how often the login waited for the server's next element (its round trips, roughly; the TCP
     *     connect not counted)
     * @param ahead started ahead of its {@code connects} action: then the TCP stage happened before the action,
     *     and the features stage runs from the action (the features have usually arrived by then)
     */
    public record Stages(long tcpNanos, long featuresNanos, long saslNanos, long bindNanos, int waits,
            boolean ahead) {
    }
}
