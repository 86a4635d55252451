package ma.hanout.domain;

/** A sale was asked to move between two states that the engine's rules do not connect: a bug. */
public final class IllegalSaleTransition extends IllegalStateException {
    private final SaleState from;
    private final SaleState to;

    public IllegalSaleTransition(SaleState from, SaleState to) {
        super("Illegal sale transition " + from + " -> " + to + " (allowed from " + from + ": " + from.next() + ")");
        this.from = from;
        this.to = to;
    }

    public SaleState from() {
        return from;
    }

    public SaleState to() {
        return to;
    }
}
