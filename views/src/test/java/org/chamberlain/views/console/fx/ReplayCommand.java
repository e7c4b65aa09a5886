package org.chamberlain.views.console.fx;

/**
 * Which main class the console tests run as the replay child: the product's own entry point once it has the
 * {@code replay} subcommand, else the test stand-in speaking the same event stream.
 */
final class ReplayCommand {
    private ReplayCommand() {
    }

    static String mainClass() {
        boolean hasReplay = new picocli.CommandLine(new org.chamberlain.views.Main()).getSubcommands()
                .containsKey("replay");
        return hasReplay ? org.chamberlain.views.console.replay.ReplayProcess.MAIN_CLASS
                : EventsStandIn.class.getName();
    }
}
