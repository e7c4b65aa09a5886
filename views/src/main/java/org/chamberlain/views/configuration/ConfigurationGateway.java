package org.chamberlain.views.configuration;

import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.FormSubmission;

/**
 * What the configuration tab needs from the core: {@code RoomConfigurationService::fetch} and
 * {@code ::submit} fit. Both block on the server; the view model calls them on the task runner only.
 */
public interface ConfigurationGateway {

    FormDefinition fetch(String room) throws ModerationException;

    FormSubmission submit(String room, FormDefinition form, FormAnswers answers) throws ModerationException;
}
