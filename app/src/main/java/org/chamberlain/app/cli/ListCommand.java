package org.chamberlain.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.rooms.RoomDetails;
import org.chamberlain.app.rooms.RoomListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rooms list SERVICE}. */
@Command(name = "list",
        description = "List the public rooms of a group chat service, with their details.")
final class ListCommand extends RoomsSubcommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service, e.g. conference.example.org.")
    String service;

    @Option(names = "--no-details", description = "Only names and addresses (one request instead of one per "
            + "room).")
    boolean noDetails;

    @Override
    int execute(Session session, Output output) throws ModerationException {
        List<RoomListing> rooms = session.services().rooms().rooms(service, !noDetails);
        output.json().put("service", service);
        ArrayNode array = output.json().putArray("rooms");
        output.line(rooms.isEmpty() ? "No rooms are listed on " + service + "." : rooms.size() + " room"
                + (rooms.size() == 1 ? "" : "s") + " on " + service + ":");
        for (RoomListing listing : rooms) {
            ObjectNode node = array.addObject().put("room", listing.room());
            listing.name().ifPresent(n -> node.put("name", n));
            StringBuilder line = new StringBuilder("  ").append(listing.room());
            listing.name().filter(n -> !n.equals(listing.room())).ifPresent(n -> line.append(" — ").append(n));
            if (listing.details().isPresent()) {
                RoomDetails details = listing.details().get();
                List<String> traits = traits(details);
                details.occupants().ifPresent(n -> {
                    node.put("occupants", n);
                    traits.add(0, n + " occupant" + (n == 1 ? "" : "s"));
                });
                details.description().ifPresent(d -> node.put("description", d));
                details.subject().ifPresent(s -> node.put("subject", s));
                node.put("membersOnly", details.membersOnly()).put("moderated", details.moderated())
                        .put("nonAnonymous", details.nonAnonymous())
                        .put("passwordProtected", details.passwordProtected())
                        .put("persistent", details.persistent());
                if (!traits.isEmpty()) {
                    line.append(" (").append(String.join(", ", traits)).append(')');
                }
            }
            listing.detailsProblem().ifPresent(p -> {
                node.put("detailsProblem", p);
                line.append(" (details unavailable: ").append(p).append(')');
            });
            output.line(line.toString());
        }
        return ExitCodes.OK;
    }

    private static List<String> traits(RoomDetails details) {
        List<String> traits = new ArrayList<>();
        if (details.persistent()) {
            traits.add("persistent");
        }
        if (details.membersOnly()) {
            traits.add("members-only");
        }
        if (details.moderated()) {
            traits.add("moderated");
        }
        if (details.passwordProtected()) {
            traits.add("password");
        }
        return traits;
    }
}
