package org.chamberlain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes through the JUnit engine and checks what the extension did with servers: shared
 * per class, fresh on request, and always stopped — also when the tests fail.
 */
class ProsodyExtensionTest {
    static final List<TestServer> SEEN = new ArrayList<>();

    @Test
    void oneServerPerClassIsSharedAndStoppedAfterTheClassEvenWhenATestFails() throws Exception {
        int before = ProsodyProcesses.startedWith(TestServers.configFile()).size();
        assertThat(before).as("no server of ours is running before").isZero();
        SEEN.clear();

        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SharedServerTests.class))
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        assertThat(SEEN).hasSize(3);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(2)).isNotSameAs(SEEN.get(0));
        assertThat(SEEN).noneMatch(TestServer::isAlive);
        assertThat(ProsodyProcesses.startedWith(TestServers.configFile())).hasSize(before);
    }

    @Test
    void serverThatCannotStartFailsTheTestWithTheReason() {
        String previous = System.getProperty(TestServers.CONFIG_PROPERTY);
        System.setProperty(TestServers.CONFIG_PROPERTY, "/nonexistent/prosody.cfg.lua");
        try {
            Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsServer.class))
                    .execute().testEvents();

            tests.assertStatistics(stats -> stats.failed(1));
            Throwable failure = tests.failed().list().get(0)
                    .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .getThrowable().orElseThrow();
            assertThat(failure).hasMessageContaining("needs a Prosody server")
                    .hasMessageContaining("/nonexistent/prosody.cfg.lua");
        } finally {
            if (previous == null) {
                System.clearProperty(TestServers.CONFIG_PROPERTY);
            } else {
                System.setProperty(TestServers.CONFIG_PROPERTY, previous);
            }
        }
    }

    @WithProsody
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedServerTests {
        @Test
        @Order(1)
        void first(TestServer server) {
            SEEN.add(server);
            assertThat(server.isAlive()).isTrue();
        }

        @Test
        @Order(2)
        void secondFailsOnPurpose(TestServer server) {
            SEEN.add(server);
            assertThat(server.port()).as("a deliberate failure").isNegative();
        }

        @Test
        @Order(3)
        @FreshProsody
        void fresh(TestServer server) {
            SEEN.add(server);
            assertThat(server.isAlive()).isTrue();
        }
    }

    @WithProsody
    static class NeedsServer {
        @Test
        void needs(TestServer server) {
            assertThat(server).isNotNull();
        }
    }
}
