package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ma.hanout.app.DataFolder;
import ma.hanout.domain.Language;
import ma.hanout.ui.shell.ShellViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language picked in the window is saved in the shop's settings and read first at the next start. */
class LanguageSettingTest {
    @TempDir
    Path home;

    @Test
    void aPickedLanguageIsAppliedAtOnceAndReadBackAtTheNextStart() {
        List<Language> applied = new ArrayList<>();
        try (DemoShopFixture shop = DemoShopFixture.open(home, false)) {
            ShellViewModel vm = new ShellViewModel(new I18n(Language.FR), new SameThreadWork(),
                    lang -> shop.context().settings().put(HanoutApp.LANGUAGE_SETTING, lang.code()), applied::add,
                    message -> { });
            vm.changeLanguage(Language.FR);
            assertThat(applied).as("the same language changes nothing").isEmpty();
            vm.changeLanguage(Language.AR);
            assertThat(applied).containsExactly(Language.AR);
        }
        assertThat(DataFolder.savedLanguage(home)).contains(Language.AR);
    }

    @Test
    void aNewDataFolderHasNoSavedLanguage() {
        assertThat(DataFolder.savedLanguage(home)).isEmpty();
    }
}
