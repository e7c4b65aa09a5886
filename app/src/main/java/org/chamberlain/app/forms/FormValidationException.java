package org.chamberlain.app.forms;

import java.util.List;
import java.util.stream.Collectors;
import org.chamberlain.app.errors.ModerationException;

/** A form was not submitted because some answers are invalid; nothing was sent. */
public final class FormValidationException extends ModerationException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public FormValidationException(List<FieldProblem> problems) {
        super(Condition.INVALID_REQUEST, problems.stream().map(FieldProblem::message)
                .collect(Collectors.joining(" ", "The form was not sent: ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
