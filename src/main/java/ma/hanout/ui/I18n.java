package ma.hanout.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import ma.hanout.domain.Language;

/**
 * Every visible string comes from one bundle per language ({@code ma/hanout/ui/i18n/messages_xx.properties},
 * UTF-8). Keys are semantic ({@code counter.sell}), not English sentences.
 */
public final class I18n {
    public static final String BUNDLE = "ma.hanout.ui.i18n.messages";

    private final Language language;
    private final ResourceBundle bundle;

    public I18n(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Language language() {
        return language;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // a missing key is a bug caught by I18nBundlesTest; show the key rather than crash the counter
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        // translators write plain apostrophes (l'opérateur); MessageFormat would read them as quotes
        return new MessageFormat(pattern.replace("'", "''"), formatLocale()).format(args);
    }

    /**
     * The locale numbers are written in: Moroccan Arabic writes Western digits, which plain
     * {@code ar} would replace with Arabic-Indic ones.
     */
    private Locale formatLocale() {
        return language == Language.AR ? Locale.forLanguageTag("ar-MA") : language.locale();
    }

    /**
     * Digits to be read left to right inside a sentence: in a right-to-left language the groups of
     * a phone number would otherwise come out in reverse order ({@code 12 45 23 61 06}). The spaces
     * become no-break spaces, which the bidirectional algorithm keeps inside one number (JavaFX
     * draws the Unicode direction marks as boxes, so they are not an option).
     */
    public String leftToRight(String text) {
        return language.isRightToLeft() ? text.replace(' ', '\u00a0') : text;
    }

    /**
     * A count with its words in the right plural form: the value of {@code key} lists one text per
     * CLDR plural category of the language, {@code one{# vente} other{# ventes}}, {@code #} being
     * the number. Arabic has six categories (zero, one, two, few, many, other), French counts 0 and
     * 1 as one, English and Spanish only 1 ({@link PluralRule}). A missing category falls back to
     * {@code other}.
     */
    public String plural(String key, long n) {
        String pattern = get(key);
        java.util.Map<String, String> forms = new java.util.HashMap<>();
        java.util.regex.Matcher m = PLURAL_FORM.matcher(pattern);
        while (m.find()) {
            forms.put(m.group(1), m.group(2));
        }
        String form = forms.getOrDefault(PluralRule.of(language).category(n), forms.get("other"));
        if (form == null) {
            return pattern;
        }
        return form.replace("#", java.text.NumberFormat.getIntegerInstance(formatLocale()).format(n));
    }

    private static final java.util.regex.Pattern PLURAL_FORM = java.util.regex.Pattern.compile("(\\w+)\\s*\\{([^}]*)}");

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Locale locale() {
        return language.locale();
    }
}
