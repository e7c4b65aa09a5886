package org.chamberlain.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chamberlain.app.affiliations.AffiliatedJid;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationChange;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationCsv;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.affiliations.AffiliationValidationException;
import org.chamberlain.app.affiliations.ApplyReport;
import org.chamberlain.app.affiliations.ChangeProblem;
import org.chamberlain.app.affiliations.CsvImport;
import org.chamberlain.app.affiliations.ItemResult;
import org.chamberlain.app.errors.ModerationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rooms members ROOM [--list A] [--grant A JID… --reason R] [--import F [--dry-run]] [--export F]}. */
@Command(name = "members",
        description = {"Show and edit a room's owners, admins, members and banned list.",
            "AFFILIATION is owner, admin, member, outcast (or banned) or none (removes from every list).",
            "Each change is sent as its own request and reported on its own line; exit 1 if any was refused."})
final class MembersCommand extends RoomsSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM", description = "The room, e.g. lounge@conference.example.org.")
    String room;

    @Option(names = "--list", paramLabel = "AFFILIATION", description = "Print only this list (default: all "
            + "four, when nothing else is asked for).")
    String list;

    @Option(names = "--grant", arity = "2..*", paramLabel = "AFFILIATION JID",
            description = "Give every JID that affiliation: --grant member alice@example.org bob@example.org.")
    List<String> grant = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "R", description = "The reason sent with each --grant change.")
    String reason;

    @Option(names = "--import", paramLabel = "FILE.csv", description = "Apply a CSV file with columns "
            + "jid,affiliation,reason (JIDs not in the file are left alone).")
    Path importFile;

    @Option(names = "--dry-run", description = "With --import or --grant: show what would change, send nothing.")
    boolean dryRun;

    @Option(names = "--export", paramLabel = "FILE.csv", description = "Write all four lists to a CSV file "
            + "(after any changes).")
    Path exportFile;

    @Option(names = "--confirm-self-demotion", description = "Allow changes that lower your own affiliation.")
    boolean confirmSelfDemotion;

    private Optional<Affiliation> listed = Optional.empty();
    private Optional<Affiliation> granted = Optional.empty();
    private Optional<CsvImport> imported = Optional.empty();

    @Override
    void checkArguments() throws UsageException {
        if (list != null) {
            listed = Optional.of(Affiliation.parse(list).filter(a -> a != Affiliation.NONE).orElseThrow(() ->
                    new UsageException("--list takes owner, admin, member or outcast, not '" + list + "'.")));
        }
        if (!grant.isEmpty()) {
            granted = Optional.of(Affiliation.parse(grant.get(0)).orElseThrow(() -> new UsageException("--grant "
                    + "starts with an affiliation (owner, admin, member, outcast or none), not '" + grant.get(0)
                    + "'.")));
        }
        if (dryRun && importFile == null && grant.isEmpty()) {
            throw new UsageException("--dry-run needs --import or --grant.");
        }
        if (importFile != null) {
            try {
                CsvImport csv = AffiliationCsv.read(importFile);
                if (csv.hasProblems()) {
                    throw new UsageException("Nothing was changed; " + importFile + " has problems:"
                            + System.lineSeparator() + String.join(System.lineSeparator(), csv.problems()));
                }
                imported = Optional.of(csv);
            } catch (NoSuchFileException e) {
                throw new UsageException("The file " + importFile + " does not exist.");
            } catch (IOException e) {
                throw new UsageException("Cannot read " + importFile + ": " + e.getMessage());
            }
        }
    }

    @Override
    int execute(Session session, Output output) throws ModerationException, UsageException {
        AffiliationService service = new AffiliationService(session.xmpp(), session.audit().affiliations());
        output.json().put("room", room);
        boolean changing = granted.isPresent() || imported.isPresent();
        int exitCode = ExitCodes.OK;
        AffiliationLists lists;
        if (changing) {
            lists = service.fetch(room);
            AffiliationChangeSet changes = changeSet(lists);
            if (changes.isEmpty()) {
                output.line("Nothing to change: " + room + " already has these affiliations.");
                output.json().putArray("changes");
            } else if (dryRun) {
                List<ChangeProblem> problems = changes.validate(session.accountJid(), confirmSelfDemotion);
                printPreview(changes, problems, output);
                exitCode = problems.isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
            } else {
                ApplyReport report = applyWithHint(service, changes);
                session.warnIfUnaudited(report.auditFailure());
                printReport(report, output);
                exitCode = report.isComplete() ? ExitCodes.OK : ExitCodes.REFUSED;
                lists = report.after().orElse(lists);
            }
        } else {
            lists = listed.isPresent() ? listOnly(service, listed.get()) : service.fetch(room);
        }
        if (!lists.unreadable().isEmpty()) {
            output.warn("The server does not show you the " + String.join(" and ", lists.unreadable().stream()
                    .map(Affiliation::listName).toList()) + " list of " + room + "; it is left out.");
        }
        if (exportFile != null) {
            AffiliationLists toExport = changing && !dryRun ? service.fetch(room) : lists;
            try {
                AffiliationCsv.export(toExport, exportFile);
            } catch (IOException e) {
                throw new UsageException("Cannot write " + exportFile + ": " + e.getMessage());
            }
            output.line("Wrote " + toExport.all().size() + " entries to " + exportFile + ".");
            output.json().put("exported", exportFile.toString());
        }
        if ((!changing && exportFile == null) || listed.isPresent()) {
            printLists(lists, output);
        }
        return exitCode;
    }

    private ApplyReport applyWithHint(AffiliationService service, AffiliationChangeSet changes)
            throws ModerationException, UsageException {
        try {
            return service.apply(room, changes, confirmSelfDemotion);
        } catch (AffiliationValidationException e) {
            throw new UsageException(e.getMessage() + (e.onlyNeedsConfirmation()
                    ? " (add --confirm-self-demotion to do it anyway)" : ""));
        }
    }

    private AffiliationLists listOnly(AffiliationService service, Affiliation affiliation)
            throws ModerationException {
        return new AffiliationLists(room, Map.of(affiliation, service.fetch(room, affiliation)));
    }

    private AffiliationChangeSet changeSet(AffiliationLists lists) {
        AffiliationChangeSet changes = AffiliationChangeSet.against(lists);
        if (granted.isPresent()) {
            for (String jid : grant.subList(1, grant.size())) {
                changes = changes.set(jid, granted.get(), reason);
            }
        }
        if (imported.isPresent()) {
            for (AffiliationChange change : imported.get().changeSet(lists).changes()) {
                changes = changes.set(change.jid(), change.to(), change.reason().orElse(null));
            }
        }
        return changes;
    }

    private void printPreview(AffiliationChangeSet changes, List<ChangeProblem> problems, Output output) {
        output.line("Would change " + room + " (dry run, nothing sent):");
        ArrayNode array = output.json().putArray("changes");
        for (AffiliationChange change : changes.changes()) {
            output.line("  " + change.describe());
            changeNode(array.addObject(), change).put("outcome", "preview");
        }
        ArrayNode problemArray = output.json().putArray("problems");
        for (ChangeProblem problem : problems) {
            output.line("Problem: " + problem.message());
            problemArray.addObject().put("jid", problem.jid()).put("kind", problem.kind().name())
                    .put("message", problem.message());
        }
    }

    private void printReport(ApplyReport report, Output output) {
        output.line(report.summary());
        output.json().put("complete", report.isComplete());
        ArrayNode array = output.json().putArray("changes");
        for (ItemResult item : report.items()) {
            ObjectNode node = changeNode(array.addObject(), item.change());
            node.put("outcome", item.outcome().name().toLowerCase(Locale.ROOT));
            item.error().ifPresent(e -> node.put("condition", e.condition().xmppName()).put("message",
                    e.getMessage()));
        }
    }

    private static ObjectNode changeNode(ObjectNode node, AffiliationChange change) {
        node.put("jid", change.jid());
        node.put("from", change.from().xmppName());
        node.put("to", change.to().xmppName());
        change.reason().ifPresent(r -> node.put("reason", r));
        return node;
    }

    private void printLists(AffiliationLists lists, Output output) {
        ObjectNode json = output.json().putObject("lists");
        for (Affiliation affiliation : Affiliation.LISTS) {
            if (listed.isPresent() && listed.get() != affiliation) {
                continue;
            }
            if (!lists.isReadable(affiliation)) {
                output.line(capitalise(affiliation.listName()) + ": (the server does not show you this list)");
                continue;
            }
            List<AffiliatedJid> entries = lists.of(affiliation);
            ArrayNode array = json.putArray(affiliation.xmppName());
            output.line(capitalise(affiliation.listName()) + " (" + entries.size() + "):");
            for (AffiliatedJid entry : entries) {
                ObjectNode node = array.addObject().put("jid", entry.jid());
                entry.nick().ifPresent(n -> node.put("nick", n));
                entry.reason().ifPresent(r -> node.put("reason", r));
                output.line("  " + entry.jid() + entry.nick().map(n -> " (" + n + ")").orElse("")
                        + entry.reason().map(r -> " — " + r).orElse(""));
            }
        }
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
