package ma.hanout.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The three operators the API accepts, spelled exactly as on the wire (case-sensitive). */
public enum Operator {
    ORANGE("Orange", "Orange", 'O'),
    INWI("Inwi", "inwi", 'I'),
    MAROC_TELECOM("Maroc Telecom", "Maroc Telecom", 'M');

    private final String wireName;
    private final String displayName;
    private final char key;

    Operator(String wireName, String displayName, char key) {
        this.wireName = wireName;
        this.displayName = displayName;
        this.key = key;
    }

    /** The exact spelling the API wants in {@code operator}. */
    public String wireName() {
        return wireName;
    }

    /** The brand as printed on a receipt or a button. */
    public String displayName() {
        return displayName;
    }

    /** The keyboard shortcut letter at the counter. */
    public char key() {
        return key;
    }

    /** Strict: exactly the API spelling, as the simulator enforces it. */
    public static Optional<Operator> fromWire(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Operator o : values()) {
            if (o.wireName.equals(s)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * Lenient, for people and files: any case, and the usual aliases ({@code iam}, {@code maroc-telecom},
     * {@code mt}, {@code meditel}). Throws a {@link DomainException} that lists the accepted names.
     */
    public static Operator parse(String s) {
        if (s != null) {
            // CSV files and people write "Maroc Télécom", "Méditel", "Maroc  Telecom": fold accents and spaces
            String folded = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            String k = folded.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').strip()
                    .replaceAll("\\s+", " ");
            Operator o = ALIASES.get(k);
            if (o != null) {
                return o;
            }
        }
        throw new DomainException("operator.unknown",
                "Unknown operator '" + s + "': use Orange, Inwi or Maroc Telecom");
    }

    private static final Map<String, Operator> ALIASES = Map.ofEntries(
            Map.entry("orange", ORANGE), Map.entry("meditel", ORANGE), Map.entry("o", ORANGE),
            Map.entry("inwi", INWI), Map.entry("wana", INWI), Map.entry("i", INWI),
            Map.entry("maroc telecom", MAROC_TELECOM), Map.entry("maroctelecom", MAROC_TELECOM),
            Map.entry("iam", MAROC_TELECOM), Map.entry("mt", MAROC_TELECOM), Map.entry("m", MAROC_TELECOM),
            Map.entry("itissalat al maghrib", MAROC_TELECOM));

    /**
     * A guess from the number's prefix. Numbers are portable in Morocco, so this only pre-selects:
     * the cashier's choice and the number's last sale always win over it.
     */
    public static Optional<Operator> hintFor(Phone phone) {
        return Optional.ofNullable(PREFIX_HINTS.get(phone.national().substring(0, 4)));
    }

    // Original allocations of the ANRT numbering plan (before portability), by first four digits.
    private static final Map<String, Operator> PREFIX_HINTS = prefixHints();

    private static Map<String, Operator> prefixHints() {
        Map<String, Operator> m = new java.util.HashMap<>();
        for (String p : new String[] {"0610", "0611", "0613", "0615", "0616", "0618", "0622", "0623", "0624",
                "0628", "0639", "0641", "0642", "0643", "0648", "0650", "0651", "0652", "0653", "0654", "0655",
                "0658", "0659", "0661", "0662", "0666", "0667", "0668", "0670", "0671", "0672", "0673", "0676",
                "0677", "0678", "0682", "0689", "0696", "0697", "0761", "0762", "0766", "0767", "0768"}) {
            m.put(p, MAROC_TELECOM);
        }
        for (String p : new String[] {"0612", "0614", "0617", "0619", "0620", "0621", "0625", "0631", "0632",
                "0644", "0645", "0649", "0656", "0657", "0660", "0663", "0664", "0665", "0669", "0674", "0675",
                "0679", "0684", "0688", "0691", "0693", "0694", "0695", "0700", "0701", "0706", "0707", "0708",
                "0763", "0764", "0765", "0769", "0770", "0771", "0772", "0773", "0774", "0775", "0776", "0777",
                "0778", "0779"}) {
            m.put(p, ORANGE);
        }
        for (String p : new String[] {"0626", "0627", "0629", "0630", "0633", "0634", "0635", "0636", "0637",
                "0638", "0640", "0646", "0647", "0680", "0681", "0687", "0690", "0692", "0698", "0699", "0702",
                "0703", "0704", "0705", "0709", "0710", "0711", "0712", "0713", "0714", "0715", "0716", "0717",
                "0718", "0719"}) {
            m.put(p, INWI);
        }
        return Map.copyOf(m);
    }
}
