package ma.hanout.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The takings of one account between two local dates (both inclusive), per operator (every
 * operator, in {@link Operator} order, even with nothing sold) and in total.
 */
public record TakingsReport(LocalDate from, LocalDate to, SaleAccount account, List<OperatorTakings> operators) {

    public TakingsReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(account, "account");
        operators = List.copyOf(operators);
    }

    public Takings total() {
        Takings t = Takings.NONE;
        for (OperatorTakings o : operators) {
            t = t.plus(o.takings());
        }
        return t;
    }

    public Takings of(Operator operator) {
        return operators.stream().filter(o -> o.operator() == operator).map(OperatorTakings::takings).findFirst()
                .orElse(Takings.NONE);
    }
}
