package org.chamberlain.app.rooms;

import java.util.Optional;
import org.chamberlain.app.forms.FormDefinition;

/**
 * Our registration with a room (XEP-0045 §7.10): either we are registered under a nickname, or here is the
 * form to fill in to register.
 */
public record RoomRegistration(String room, Optional<String> registeredNickname, Optional<FormDefinition> form) {

    public boolean registered() {
        return registeredNickname.isPresent();
    }
}
