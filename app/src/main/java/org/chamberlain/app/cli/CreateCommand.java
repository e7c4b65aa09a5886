package org.chamberlain.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.forms.ConfigurationResult;
import org.chamberlain.app.forms.FieldChange;
import org.chamberlain.app.forms.FieldProblem;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.FormValidationException;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.chamberlain.app.rooms.ReservedRoomCreation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rooms create ROOM [--instant | --set KEY=VALUE…] [--temporary]}. */
@Command(name = "create",
        description = {"Create a room, persistent unless --temporary is given.",
            "Without --instant the room is reserved: it stays locked until its configuration (the server's "
                    + "defaults plus every --set) is accepted; if that is refused the room is destroyed again."})
final class CreateCommand extends RoomsSubcommand {
    static final String PERSISTENT = "muc#roomconfig_persistentroom";

    @Parameters(index = "0", paramLabel = "ROOM", description = "The new room, e.g. lounge@conference.example.org.")
    String room;

    @Option(names = "--instant", description = "Accept the server's default configuration (XEP-0045 instant "
            + "room).")
    boolean instant;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set a configuration field (see rooms "
            + "config).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--temporary", description = "Let the room vanish when its last occupant leaves, i.e. when "
            + "this command exits.")
    boolean temporary;

    @Option(names = "--nick", paramLabel = "NICK", description = "Your nickname while creating it (default: the "
            + "account's name).")
    String nick;

    @Override
    void checkArguments() throws UsageException {
        if (instant && !settings.isEmpty()) {
            throw new UsageException("--instant takes the server's defaults; it cannot be combined with --set.");
        }
    }

    @Override
    int execute(Session session, Output output) throws ModerationException, UsageException {
        String nickname = nick != null ? nick : Addresses.localpart(session.accountJid());
        output.json().put("room", room);
        output.json().put("persistent", !temporary);
        ArrayNode changes = output.json().putArray("configuration");
        List<FieldChange> applied;
        if (instant) {
            session.services().rooms().createInstant(room, nickname);
            record(session, Optional.empty());
            applied = temporary ? List.of() : makePersistent(session);
        } else {
            ReservedRoomCreation creation = session.services().rooms().createReserved(room, nickname,
                    session.audit().configuration());
            FormDefinition form = creation.form();
            FormAnswers answers;
            try {
                answers = FormSettings.apply(form, form.initialAnswers(), settings);
                if (!temporary && !setsPersistence(form)) {
                    answers = persistent(form, answers, output);
                }
                List<FieldProblem> problems = form.validate(answers);
                if (!problems.isEmpty()) {
                    throw new FormValidationException(problems);
                }
            } catch (UsageException | FormValidationException e) {
                // Do not leave a locked room behind for a typo.
                creation.cancel();
                throw e instanceof UsageException u ? u : new UsageException(e.getMessage()
                        + " The room was not created.");
            }
            applied = form.changes(answers);
            try {
                creation.submit(answers);
            } catch (ModerationException refused) {
                record(session, Optional.of(refused));
                cancelAfterRefusal(creation, refused);
                throw refused;
            }
            record(session, Optional.empty());
        }
        output.line("Created " + room + (temporary ? " (temporary: it goes away when this command exits)."
                : " (persistent)."));
        for (FieldChange change : applied) {
            output.line("  " + change.describe());
            changes.addObject().put("var", change.var()).put("label", change.label());
        }
        return ExitCodes.OK;
    }

    private List<FieldChange> makePersistent(Session session) throws ModerationException {
        RoomConfigurationService service = new RoomConfigurationService(session.xmpp(),
                session.audit().configuration());
        FormDefinition form = service.fetch(room);
        if (form.field(PERSISTENT).isEmpty()) {
            throw new ModerationException(ModerationException.Condition.FEATURE_NOT_IMPLEMENTED, "The room was "
                    + "created, but its configuration has no persistence setting; it may vanish when this command "
                    + "exits. Use --temporary to accept that.");
        }
        ConfigurationResult result = service.submit(room, form, form.initialAnswers().withBoolean(PERSISTENT, true));
        session.warnIfUnaudited(result.auditFailure());
        ConfigCommand.warnAboutConfirmation(result, session.output());
        return result.submission().changes();
    }

    /** Whether a --set names the persistence field itself (then the person's value wins). */
    private boolean setsPersistence(FormDefinition form) throws UsageException {
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals > 0 && FormSettings.resolve(form, setting.substring(0, equals).strip()).name()
                    .equals(PERSISTENT)) {
                return true;
            }
        }
        return false;
    }

    private static FormAnswers persistent(FormDefinition form, FormAnswers answers, Output output) {
        if (form.field(PERSISTENT).isEmpty()) {
            output.warn("The configuration form has no persistence setting; the room may vanish when this command "
                    + "exits.");
            return answers;
        }
        return answers.withBoolean(PERSISTENT, true);
    }

    private void record(Session session, Optional<ModerationException> refusal) {
        session.warnIfUnaudited(session.audit().recordAction(session.accountJid(), room,
                temporary ? "create-temporary" : "create", room, Optional.empty(), refusal));
    }

    private static void cancelAfterRefusal(ReservedRoomCreation creation, ModerationException refused) {
        try {
            creation.cancel();
        } catch (ModerationException e) {
            refused.addSuppressed(e);
        }
    }
}
