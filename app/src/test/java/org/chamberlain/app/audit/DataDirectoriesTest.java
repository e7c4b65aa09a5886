package org.chamberlain.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DataDirectoriesTest {

    private static Properties system(String os) {
        Properties properties = new Properties();
        properties.setProperty("os.name", os);
        properties.setProperty("user.home", "/home/ann");
        return properties;
    }

    @Test
    void linuxUsesXdgDataHomeOrItsDefault() {
        assertThat(DataDirectories.dataDirectory(system("Linux"), Map.of("XDG_DATA_HOME", "/data")))
                .isEqualTo(Path.of("/data/chamberlain"));
        assertThat(DataDirectories.dataDirectory(system("Linux"), Map.of()))
                .isEqualTo(Path.of("/home/ann/.local/share/chamberlain"));
        assertThat(DataDirectories.dataDirectory(system("Linux"), Map.of("XDG_DATA_HOME", "relative")))
                .as("a relative XDG_DATA_HOME is ignored").isEqualTo(Path.of("/home/ann/.local/share/chamberlain"));
    }

    @Test
    void macAndWindowsHaveTheirOwnPlaces() {
        assertThat(DataDirectories.dataDirectory(system("Mac OS X"), Map.of()))
                .isEqualTo(Path.of("/home/ann/Library/Application Support/Chamberlain"));
        assertThat(DataDirectories.dataDirectory(system("Windows 11"), Map.of("LOCALAPPDATA", "/appdata")))
                .isEqualTo(Path.of("/appdata/Chamberlain"));
    }

    @Test
    void thePropertyBeatsTheEnvironmentWhichBeatsThePlatform() {
        Properties properties = system("Linux");
        Map<String, String> environment = Map.of(DataDirectories.ENVIRONMENT, "/env", "XDG_DATA_HOME", "/data");
        assertThat(DataDirectories.dataDirectory(properties, environment)).isEqualTo(Path.of("/env"));
        properties.setProperty(DataDirectories.PROPERTY, "/prop");
        assertThat(DataDirectories.dataDirectory(properties, environment)).isEqualTo(Path.of("/prop"));
    }
}
