package org.chamberlain.app.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is sent when a form is submitted: the fields that changed, the required fields, hidden fields (XEP-0004
 * asks for them back) and FORM_TYPE. Unchanged optional fields are left out so that the server keeps its own
 * values for them, even if the server changed them meanwhile.
 *
 * @param formType the FORM_TYPE, when the form has one
 * @param fields variable name → values, in form order (FORM_TYPE not included)
 * @param changes the changed fields, for a preview and for the audit log
 */
public record FormSubmission(Optional<String> formType, Map<String, List<String>> fields, List<FieldChange> changes) {
    public FormSubmission {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        fields = Collections.unmodifiableMap(copy);
        changes = List.copyOf(changes);
    }
}
