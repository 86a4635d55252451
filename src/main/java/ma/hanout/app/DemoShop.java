package ma.hanout.app;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import ma.hanout.store.SettingsStore;

/**
 * A newcomer's first demo shop gets some sample history, made through the engine like any counter
 * sale against the embedded simulator: mostly successes, and a couple of failures from the
 * simulator's scenario numbers (last four digits {@code 00NN} end in status NN).
 */
public final class DemoShop {
    /** Set once the sample sales were made in this data folder. */
    public static final String SEEDED = "demo.seeded";
    private static final Logger LOG = Logger.getLogger(DemoShop.class.getName());

    private record Sample(String phone, Operator operator, int dirhams, int promo) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("0661234512", Operator.MAROC_TELECOM, 20, 0),
            new Sample("0612873456", Operator.ORANGE, 10, 0),
            new Sample("0627781209", Operator.INWI, 50, 6),
            new Sample("0670112233", Operator.MAROC_TELECOM, 100, 0),
            new Sample("0694455667", Operator.ORANGE, 5, 0),
            new Sample("0636987412", Operator.INWI, 20, 3),
            new Sample("0612340004", Operator.ORANGE, 10, 0),
            new Sample("0662258841", Operator.MAROC_TELECOM, 30, 2),
            new Sample("0707654321", Operator.ORANGE, 20, 6),
            new Sample("0680123987", Operator.INWI, 10, 0),
            new Sample("0650778899", Operator.MAROC_TELECOM, 50, 5),
            new Sample("0664321098", Operator.ORANGE, 200, 0),
            new Sample("0699001122", Operator.INWI, 30, 1),
            new Sample("0611223344", Operator.MAROC_TELECOM, 10, 6),
            new Sample("0663450012", Operator.ORANGE, 20, 0),
            new Sample("0710456789", Operator.INWI, 100, 9),
            new Sample("0678901234", Operator.MAROC_TELECOM, 5, 0),
            new Sample("0645671230", Operator.ORANGE, 50, 3),
            new Sample("0633330008", Operator.INWI, 20, 0),
            new Sample("0661234512", Operator.MAROC_TELECOM, 10, 0));

    private DemoShop() {
    }

    /** Makes the sample sales unless this data folder already has them. Background thread only. */
    public static int seedIfNew(SaleEngine engine, SettingsStore settings) {
        if (settings.get(SEEDED).isPresent()) {
            return 0;
        }
        // marked first: a crash half-way must not seed twice on the next start
        settings.put(SEEDED, "true");
        int made = 0;
        for (Sample s : SAMPLES) {
            try {
                engine.sell(new SaleRequest(Phone.parse(s.phone()), s.operator(), Money.ofMad(s.dirhams()),
                        new Promo(s.promo()), null, Sale.Origin.COUNTER, null));
                made++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a demo sale could not be made", e);
            }
        }
        return made;
    }

    /** How many sample sales a new demo shop gets. */
    public static int size() {
        return SAMPLES.size();
    }
}
