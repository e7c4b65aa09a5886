package org.chamberlain.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.invitations.InvitationResult;
import org.chamberlain.app.invitations.InvitationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rooms invite ROOM JID… [--direct] [--reason R]}. */
@Command(name = "invite",
        description = {"Invite people to a room. In a members-only room they are made members first when you "
                + "may do that.",
            "Mediated invitations (the default) go through the room; --direct sends them straight to each person "
                    + "(XEP-0249)."})
final class InviteCommand extends RoomsSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM", description = "The room.")
    String room;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "JID", description = "The people to invite.")
    List<String> invitees;

    @Option(names = "--direct", description = "Send direct invitations (XEP-0249) instead of through the room.")
    boolean direct;

    @Option(names = "--reason", paramLabel = "R", description = "A message for the invitees.")
    String reason;

    @Mixin
    JoinOptions join;

    @Override
    int execute(Session session, Output output) throws ModerationException, UsageException {
        // Prosody relays mediated invitations only from occupants.
        join.join(session, rooms.terminal(), room);
        Optional<String> password = direct ? join.roomPassword(rooms.terminal()) : Optional.empty();
        List<InvitationResult> results = session.services().invitations().invite(room, invitees,
                direct ? InvitationService.Kind.DIRECT : InvitationService.Kind.MEDIATED, Optional.ofNullable(reason),
                password);
        output.json().put("room", room);
        ArrayNode array = output.json().putArray("invitations");
        long sent = results.stream().filter(InvitationResult::sent).count();
        output.line((sent == results.size() ? "Invited " : "Invited " + sent + " of " + results.size() + " to ")
                + (sent == results.size() ? "everyone to " : "") + room + ":");
        for (InvitationResult result : results) {
            ObjectNode node = array.addObject().put("invitee", result.invitee()).put("sent", result.sent());
            result.membership().ifPresent(m -> node.put("membership", m));
            result.error().ifPresent(e -> node.put("error", e));
            output.line("  " + (result.sent() ? "invited: " : "not invited: ") + result.invitee()
                    + result.membership().map(m -> " (membership: " + m + ")").orElse("")
                    + result.error().map(e -> " — " + e).orElse(""));
        }
        return sent == results.size() ? ExitCodes.OK : ExitCodes.REFUSED;
    }
}
