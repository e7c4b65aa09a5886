package org.chamberlain.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What people paste into the member lists: real addresses pass, typing slips are caught before Apply. */
class BareJidsTest {

    @ParameterizedTest
    @ValueSource(strings = {"bad@@address", "a@b@c.org", "a@", "@example.org", "a@exa mple.org", "a@example..org",
        "a@-example.org", "a@example.org-", "a\"b@example.org", "a<b@example.org", "a@[]", "a@[zz::1]", "a@exa/mple"})
    void typingSlipsAreNotAddresses(String text) {
        assertThat(BareJids.normalise(text)).as(text).isEmpty();
        assertThat(BareJids.problem(text)).as(text).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.org", "Alice@Example.ORG", "example.org", "a@127.0.0.1", "a@[::1]",
        "a@localhost", "ünï@éxample.org", "a.b-c_d@sub-domain.example.org", "x@example.org."})
    void realAddressesAreAccepted(String text) {
        assertThat(BareJids.normalise(text)).as(text).isPresent();
        assertThat(BareJids.problem(text)).as(text).isEmpty();
    }
}
