package ma.hanout.ui;

import ma.hanout.domain.Language;

/**
 * The CLDR plural rules of the four languages, for whole counts (cldr.unicode.org, "Language
 * Plural Rules"). Four small rules do not justify ICU4J's 14 MB in the jar and at startup; a
 * fifth language adds its rule here (and the bundle test checks each bundle's categories).
 */
public enum PluralRule {
    /** French: 0 and 1 are singular ("0 vente", "1 vente", "2 ventes"). */
    FRENCH {
        @Override
        public String category(long n) {
            return n == 0 || n == 1 ? "one" : "other";
        }
    },
    /** English and Spanish: only 1 is singular. */
    ONE_OTHER {
        @Override
        public String category(long n) {
            return n == 1 ? "one" : "other";
        }
    },
    /** Arabic: zero, one, two, few (3-10), many (11-99), other, the last two by the number modulo 100. */
    ARABIC {
        @Override
        public String category(long n) {
            long mod = n % 100;
            if (n == 0) {
                return "zero";
            } else if (n == 1) {
                return "one";
            } else if (n == 2) {
                return "two";
            } else if (mod >= 3 && mod <= 10) {
                return "few";
            } else if (mod >= 11 && mod <= 99) {
                return "many";
            }
            return "other";
        }
    };

    /** The CLDR category of the count {@code n}: zero, one, two, few, many or other. */
    public abstract String category(long n);

    public static PluralRule of(Language lang) {
        return switch (lang) {
            case FR -> FRENCH;
            case AR -> ARABIC;
            default -> ONE_OTHER;
        };
    }
}
