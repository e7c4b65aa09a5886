package org.chamberlain.app.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A data form (XEP-0004) as the server sent it: title, instructions and field definitions, immutable.
 *
 * <p>Editing never changes the definition: the person's values live in {@link FormAnswers}, starting from
 * {@link #initialAnswers()}. From (definition, answers) this class computes everything a form view needs:
 * {@link #changes(FormAnswers)} (to highlight edited fields and preview them), {@link #validate(FormAnswers)}
 * (problems per field) and {@link #submission(FormAnswers)} (what is sent). All methods are pure and may be
 * called from any thread.
 *
 * @param formType the hidden FORM_TYPE value, if the form has one
 * @param title the form's title, if any
 * @param instructions the instruction lines, possibly none
 * @param fields every field in server order, including fixed and hidden ones (but not FORM_TYPE)
 */
public record FormDefinition(Optional<String> formType, Optional<String> title, List<String> instructions,
        List<FieldDefinition> fields) {

    /** The name of the hidden field that says which kind of form this is. */
    public static final String FORM_TYPE = "FORM_TYPE";

    public FormDefinition {
        Objects.requireNonNull(formType, "formType");
        Objects.requireNonNull(title, "title");
        instructions = List.copyOf(instructions);
        fields = List.copyOf(fields);
        Set<String> seen = new HashSet<>();
        for (FieldDefinition field : fields) {
            if (field.var().isPresent() && !seen.add(field.var().get())) {
                throw new IllegalArgumentException("The form has two fields named '" + field.var().get() + "'");
            }
            if (field.var().filter(FORM_TYPE::equals).isPresent()) {
                throw new IllegalArgumentException("FORM_TYPE belongs in formType, not among the fields");
            }
        }
    }

    public static FormDefinition of(String formType, List<FieldDefinition> fields) {
        return new FormDefinition(Optional.ofNullable(formType), Optional.empty(), List.of(), fields);
    }

    public Optional<FieldDefinition> field(String var) {
        return fields.stream().filter(f -> f.var().filter(var::equals).isPresent()).findFirst();
    }

    /** The values the server sent, for every field that has a variable name. */
    public FormAnswers initialAnswers() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            field.var().ifPresent(var -> values.put(var, field.values()));
        }
        return FormAnswers.of(values);
    }

    /** Whether this field's answer differs from the server's value (booleans and sets compared by meaning). */
    public boolean isChanged(FieldDefinition field, FormAnswers answers) {
        if (!field.type().isEditable() || field.var().isEmpty() || !answers.has(field.name())) {
            return false;
        }
        return !FormValues.canonical(field.type(), field.values())
                .equals(FormValues.canonical(field.type(), answers.values(field.name())));
    }

    /** The fields whose answers differ from the server's values, in form order. */
    public List<FieldChange> changes(FormAnswers answers) {
        List<FieldChange> changes = new ArrayList<>();
        for (FieldDefinition field : fields) {
            if (isChanged(field, answers)) {
                changes.add(new FieldChange(field.name(), field.displayLabel(), field.type(), field.values(),
                        answers.values(field.name())));
            }
        }
        return changes;
    }

    /** Problems with the answers, in form order; empty when the form may be submitted. */
    public List<FieldProblem> validate(FormAnswers answers) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldDefinition field : fields) {
            if (field.var().isEmpty() || !field.type().isEditable()) {
                continue;
            }
            problems.addAll(validate(field, effectiveValues(field, answers)));
        }
        for (String var : answers.vars()) {
            if (field(var).isEmpty()) {
                problems.add(new FieldProblem(var, var, "The form has no field '" + var + "'."));
            }
        }
        return problems;
    }

    /** Problems with one field's values (for showing an error next to the field while typing). */
    public List<FieldProblem> validate(FieldDefinition field, List<String> values) {
        List<FieldProblem> problems = new ArrayList<>();
        String label = field.displayLabel();
        String var = field.var().orElse("");
        List<String> meaningful = values.stream().filter(v -> !v.isEmpty()).toList();
        if (field.required() && meaningful.isEmpty() && field.type() != FieldType.BOOLEAN) {
            problems.add(new FieldProblem(var, label, label + " is required."));
        }
        if (!field.type().isMultiValued() && values.size() > 1) {
            problems.add(new FieldProblem(var, label, label + " takes one value, not " + values.size() + "."));
        }
        switch (field.type()) {
            case BOOLEAN:
                for (String value : meaningful) {
                    if (FormValues.parseBoolean(value).isEmpty()) {
                        problems.add(new FieldProblem(var, label, label + " must be yes or no (1/0/true/false), not '"
                                + value + "'."));
                    }
                }
                break;
            case JID_SINGLE:
            case JID_MULTI:
                Set<String> seen = new HashSet<>();
                for (String value : meaningful) {
                    FormValues.jidProblem(value).ifPresent(problem ->
                            problems.add(new FieldProblem(var, label, label + ": " + problem + ".")));
                    if (!seen.add(value)) {
                        problems.add(new FieldProblem(var, label, label + " lists '" + value + "' twice."));
                    }
                }
                break;
            case LIST_SINGLE:
            case LIST_MULTI:
                for (String value : meaningful) {
                    boolean known = field.options().stream().anyMatch(o -> o.value().equals(value));
                    // XEP-0004 lets a form omit options; then any value goes.
                    if (!known && !field.options().isEmpty()) {
                        problems.add(new FieldProblem(var, label, label + ": '" + value
                                + "' is not one of the choices (" + choices(field) + ")."));
                    }
                }
                break;
            default:
                break;
        }
        return problems;
    }

    /**
     * What to send: FORM_TYPE, changed fields, required fields and hidden fields, each with its answer (or the
     * server's value where the answers have none).
     *
     * @throws FormValidationException when {@link #validate(FormAnswers)} finds problems; nothing is to be sent
     */
    public FormSubmission submission(FormAnswers answers) throws FormValidationException {
        List<FieldProblem> problems = validate(answers);
        if (!problems.isEmpty()) {
            throw new FormValidationException(problems);
        }
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            if (field.var().isEmpty() || field.type() == FieldType.FIXED) {
                continue;
            }
            boolean send = field.type() == FieldType.HIDDEN || field.required() || isChanged(field, answers);
            if (send) {
                sent.put(field.name(), wireValues(field, effectiveValues(field, answers)));
            }
        }
        return new FormSubmission(formType, sent, changes(answers));
    }

    private static List<String> effectiveValues(FieldDefinition field, FormAnswers answers) {
        return answers.has(field.name()) ? answers.values(field.name()) : field.values();
    }

    private static List<String> wireValues(FieldDefinition field, List<String> values) {
        if (field.type() == FieldType.BOOLEAN) {
            return FormValues.canonical(FieldType.BOOLEAN, values);
        }
        if (!field.type().isMultiValued()) {
            return values.isEmpty() || values.get(0).isEmpty() ? List.of() : List.of(values.get(0));
        }
        return values.stream().filter(v -> field.type() == FieldType.TEXT_MULTI || !v.isEmpty()).toList();
    }

    private static String choices(FieldDefinition field) {
        List<String> shown = new ArrayList<>();
        for (FieldOption option : field.options()) {
            shown.add(option.label().equals(option.value()) ? option.value()
                    : option.value() + " = " + option.label());
        }
        return String.join(", ", shown);
    }
}
