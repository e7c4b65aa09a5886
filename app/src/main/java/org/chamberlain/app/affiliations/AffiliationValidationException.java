package org.chamberlain.app.affiliations;

import java.util.List;
import java.util.stream.Collectors;
import org.chamberlain.app.errors.ModerationException;

/** A change set was not applied because it breaks a rule (see {@link ChangeProblem}); nothing was sent. */
public final class AffiliationValidationException extends ModerationException {
    private static final long serialVersionUID = 1L;

    private final transient List<ChangeProblem> problems;

    public AffiliationValidationException(List<ChangeProblem> problems) {
        super(Condition.INVALID_REQUEST, problems.stream().map(ChangeProblem::message)
                .collect(Collectors.joining(" ", "Nothing was changed: ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<ChangeProblem> problems() {
        return problems;
    }

    /** Whether confirming self-demotion is all it takes to go ahead. */
    public boolean onlyNeedsConfirmation() {
        return problems.stream().allMatch(ChangeProblem::needsConfirmationOnly);
    }
}
