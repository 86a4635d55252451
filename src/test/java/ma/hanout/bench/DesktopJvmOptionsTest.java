package ma.hanout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The desktop JVM options live in one file ({@code desktop-jvm.options}, read by the benches and
 * by {@code installer/build.sh}); {@code javafx:run} needs them in pom.xml: the two stay equal.
 */
class DesktopJvmOptionsTest {

    @Test
    void javafxRunStartsTheAppWithTheDesktopOptions() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher plugin = Pattern.compile("<artifactId>javafx-maven-plugin</artifactId>(.*?)</plugin>", Pattern.DOTALL)
                .matcher(pom);
        assertThat(plugin.find()).as("javafx-maven-plugin in pom.xml").isTrue();
        Matcher option = Pattern.compile("<option>([^<]*)</option>").matcher(plugin.group(1));
        List<String> inPom = new ArrayList<>();
        while (option.find()) {
            inPom.add(option.group(1).strip());
        }
        assertThat(inPom).isEqualTo(ChildJvm.desktopOptions());
    }

    @Test
    void theOptionsCapTheHeapAndPickASmallCollector() {
        assertThat(ChildJvm.desktopOptions()).contains("-XX:+UseSerialGC").anyMatch(o -> o.startsWith("-Xmx"));
    }

    @Test
    void theInstallerReadsTheSameFile() throws Exception {
        assertThat(Files.readString(Path.of("installer/build.sh"), StandardCharsets.UTF_8))
                .contains("src/main/resources" + ChildJvm.DESKTOP_OPTIONS);
    }
}
