package ma.hanout.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataFolderTest {
    @Test
    void homeIsTheFlagThenTheEnvironmentThenDotHanout() {
        Map<String, String> env = Map.of("HANOUT_HOME", "/srv/shop");
        assertThat(DataFolder.resolve("/tmp/x", env, "/home/amina")).isEqualTo(Path.of("/tmp/x"));
        assertThat(DataFolder.resolve(null, env, "/home/amina")).isEqualTo(Path.of("/srv/shop"));
        assertThat(DataFolder.resolve(" ", env, "/home/amina")).isEqualTo(Path.of("/srv/shop"));
        assertThat(DataFolder.resolve(null, Map.of(), "/home/amina")).isEqualTo(Path.of("/home/amina/.hanout"));
        assertThat(DataFolder.resolve(null, Map.of("HANOUT_HOME", ""), "/home/amina"))
                .isEqualTo(Path.of("/home/amina/.hanout"));
    }
}
