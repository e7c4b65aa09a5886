package org.chamberlain.prosody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;

class FreePortsTest {

    @RepeatedTest(200)
    void portsChosenTogetherAreDistinct() throws ProsodyException {
        int[] ports = LocalProsody.freePorts(2);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(2);
        assertThat(Arrays.stream(ports).min().orElseThrow()).isPositive();
    }
}
