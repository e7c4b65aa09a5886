package org.chamberlain.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.forms.ConfigurationResult;
import org.chamberlain.app.forms.FieldChange;
import org.chamberlain.app.forms.FieldDefinition;
import org.chamberlain.app.forms.FieldOption;
import org.chamberlain.app.forms.FieldProblem;
import org.chamberlain.app.forms.FieldType;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.RoomConfigurationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rooms config ROOM [--show] [--set KEY=VALUE…]}. */
@Command(name = "config",
        description = {"Show or change a room's configuration (owners only).",
            "KEY is a field name such as roomname, membersonly, whois (the muc#roomconfig_ prefix may be left "
                    + "out). Repeat --set for several values of a multi-valued field."})
final class ConfigCommand extends RoomsSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM", description = "The room, e.g. lounge@conference.example.org.")
    String room;

    @Option(names = "--show", description = "Print the configuration (the default without --set; with --set, "
            + "print it after the change).")
    boolean show;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Change one field. Exit 1 if the server "
            + "accepts the form but keeps another value for a field (read back after submitting).")
    List<String> settings = new ArrayList<>();

    @Override
    int execute(Session session, Output output) throws ModerationException, UsageException {
        RoomConfigurationService service = new RoomConfigurationService(session.xmpp(),
                session.audit().configuration());
        FormDefinition form = service.fetch(room);
        output.json().put("room", room);
        if (settings.isEmpty()) {
            print(form, output);
            return ExitCodes.OK;
        }
        FormAnswers answers = FormSettings.apply(form, form.initialAnswers(), settings);
        List<FieldProblem> problems = form.validate(answers);
        if (!problems.isEmpty()) {
            List<String> messages = problems.stream().map(FieldProblem::message).toList();
            throw new UsageException("Nothing was changed: " + String.join(" ", messages));
        }
        List<FieldChange> changes = form.changes(answers);
        int exitCode = ExitCodes.OK;
        if (changes.isEmpty()) {
            output.line("Nothing to change: " + room + " already has these settings.");
            output.json().putArray("changes");
        } else {
            ConfigurationResult result = service.submit(room, form, answers);
            session.warnIfUnaudited(result.auditFailure());
            warnAboutConfirmation(result, output);
            // The server said yes but kept other values: only part of what was asked took effect.
            exitCode = result.allTaken() ? ExitCodes.OK : ExitCodes.REFUSED;
            output.line("Changed the configuration of " + room + ":");
            ArrayNode changed = output.json().putArray("changes");
            for (FieldChange change : result.submission().changes()) {
                output.line("  " + change.describe());
                ObjectNode node = changed.addObject();
                node.put("var", change.var());
                node.put("label", change.label());
                if (change.type() != FieldType.TEXT_PRIVATE) {
                    node.set("before", output.mapper().valueToTree(change.before()));
                    node.set("after", output.mapper().valueToTree(change.after()));
                }
            }
        }
        if (show) {
            print(service.fetch(room), output);
        }
        return exitCode;
    }

    /** Shared with {@code create}: what the server did not keep, or why that could not be checked. */
    static void warnAboutConfirmation(ConfigurationResult result, Output output) {
        for (FieldChange kept : result.notTaken()) {
            output.warn("The server accepted " + kept.label() + " but keeps " + String.join(", ", kept.after())
                    + " instead of " + String.join(", ", kept.before()) + ".");
        }
        result.confirmationFailure().ifPresent(e -> output.warn("Could not read the configuration again to "
                + "confirm the change: " + e.getMessage()));
    }

    private void print(FormDefinition form, Output output) {
        form.title().ifPresent(title -> output.line(title));
        ArrayNode fields = output.json().putArray("fields");
        for (FieldDefinition field : form.fields()) {
            ObjectNode node = fields.addObject();
            field.var().ifPresent(var -> node.put("var", var));
            node.put("type", field.type().xmppName());
            field.label().ifPresent(label -> node.put("label", label));
            field.description().ifPresent(description -> node.put("description", description));
            if (field.required()) {
                node.put("required", true);
            }
            boolean secret = field.type() == FieldType.TEXT_PRIVATE;
            if (!secret) {
                node.set("values", output.mapper().valueToTree(field.values()));
            }
            if (!field.options().isEmpty()) {
                ArrayNode options = node.putArray("options");
                for (FieldOption option : field.options()) {
                    options.addObject().put("value", option.value()).put("label", option.label());
                }
            }
            output.line(describe(field));
        }
    }

    private static String describe(FieldDefinition field) {
        switch (field.type()) {
            case FIXED:
                return "\n" + String.join(" ", field.values());
            case HIDDEN:
                return "  (hidden) " + field.name() + " = " + String.join(", ", field.values());
            default:
                break;
        }
        String value;
        if (field.type() == FieldType.TEXT_PRIVATE) {
            value = field.values().isEmpty() || field.values().get(0).isEmpty() ? "(not set)" : "(set)";
        } else if (field.type() == FieldType.BOOLEAN) {
            value = FormAnswers.of(Map.of(field.name(), field.values())).bool(field.name()) ? "yes" : "no";
        } else if (field.type().hasOptions()) {
            value = String.join(", ", field.values().stream().map(v -> field.optionLabel(v).equals(v) ? v
                    : field.optionLabel(v) + " [" + v + "]").toList());
        } else {
            value = String.join(field.type() == FieldType.TEXT_MULTI ? " / " : ", ", field.values());
        }
        StringBuilder line = new StringBuilder("  ").append(field.displayLabel()).append(" (")
                .append(FormSettings.shortName(field.name())).append("): ").append(value.isEmpty() ? "(empty)" : value);
        if (field.required()) {
            line.append("  [required]");
        }
        if (field.type().hasOptions() && !field.options().isEmpty()) {
            line.append("\n      choices: ").append(String.join(", ", field.options().stream()
                    .map(o -> o.value().equals(o.label()) ? o.value() : o.value() + " (" + o.label() + ")").toList()));
        }
        return line.toString();
    }
}
