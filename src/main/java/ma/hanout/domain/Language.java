package ma.hanout.domain;

import java.util.Locale;
import java.util.Optional;

/** The languages Hanout speaks. French is the default; Arabic is written right to left. */
public enum Language {
    FR("fr", false), AR("ar", true), EN("en", false), ES("es", false);

    private final String code;
    private final boolean rightToLeft;

    Language(String code, boolean rightToLeft) {
        this.code = code;
        this.rightToLeft = rightToLeft;
    }

    public String code() {
        return code;
    }

    public boolean isRightToLeft() {
        return rightToLeft;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language l : values()) {
            if (l.code.equalsIgnoreCase(code.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
