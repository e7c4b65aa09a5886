package org.chamberlain.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chamberlain.app.errors.ModerationException;
import org.junit.jupiter.api.Test;

/** Addresses typed into dialogs (join, invite, create, services) are refused with a sentence before any request. */
class AddressesTest {

    @Test
    void typingSlipsInRoomPersonAndServiceAddressesAreRefusedWithASentence() {
        assertThatThrownBy(() -> Addresses.room("lobby@conference..example.org"))
                .isInstanceOf(ModerationException.class)
                .hasMessageContaining("'lobby@conference..example.org' is not a room address (name@service)");
        assertThatThrownBy(() -> Addresses.person("bob@exa mple.org"))
                .isInstanceOf(ModerationException.class).hasMessageContaining("is not a person's address");
        assertThatThrownBy(() -> Addresses.person("b<o>b@example.org"))
                .isInstanceOf(ModerationException.class).hasMessageContaining("is not a person's address");
        assertThatThrownBy(() -> Addresses.service("conference.-example.org"))
                .isInstanceOf(ModerationException.class).hasMessageContaining("is not a service address");
    }

    @Test
    void realAddressesParse() throws ModerationException {
        assertThat(Addresses.room("Lobby@Conference.Example.org").toString()).isEqualTo("lobby@conference.example.org");
        assertThat(Addresses.person("bob@example.org/phone").toString()).isEqualTo("bob@example.org");
        assertThat(Addresses.service("conference.localhost").toString()).isEqualTo("conference.localhost");
    }
}
