package ma.hanout.ui.settings;

/**
 * One tab of the settings screen (JabRef's {@code PreferenceTabViewModel}): {@link #setValues()}
 * reads the stored settings into the tab's properties each time the screen opens,
 * {@link #validateSettings()} says whether they may be stored, {@link #storeSettings()} writes them
 * back. The screen calls them for every tab: adding a tab touches nothing else.
 */
public interface SettingsTab {
    /** The bundle key of the tab's title. */
    String titleKey();

    /** Reads the stored values (in the background; the properties change on the UI thread). */
    void setValues();

    /** True when every field may be stored; each field's problem is shown beside it. */
    boolean validateSettings();

    /** Writes the values (in the background); {@code done} runs on the UI thread once stored. */
    void storeSettings(Runnable done);
}
