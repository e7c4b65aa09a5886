package org.chamberlain.views.configuration;

import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.forms.ConfigurationResult;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;

/**
 * What the configuration tab needs from the core: {@code RoomConfigurationService::fetch} and
 * {@code ::submit} fit. Both block on the server; the view model calls them on the task runner only.
 */
public interface ConfigurationGateway {

    FormDefinition fetch(String room) throws ModerationException;

    ConfigurationResult submit(String room, FormDefinition form, FormAnswers answers) throws ModerationException;
}
