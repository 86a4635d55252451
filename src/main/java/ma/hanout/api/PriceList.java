package ma.hanout.api;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import ma.hanout.domain.Operator;

/** {@code GET /prices}: the margin per operator for this client. */
public record PriceList(
        @JsonProperty(value = "client_code", required = true) String clientCode,
        @JsonProperty(value = "devise", required = true) String devise,
        @JsonProperty(value = "prices", required = true) List<OperatorPrice> prices) {

    public PriceList {
        ApiJson.present(clientCode, "client_code");
        ApiJson.present(devise, "devise");
        prices = List.copyOf(ApiJson.present(prices, "prices"));
    }

    /** The line for {@code operator}, if the server lists one. */
    public Optional<OperatorPrice> forOperator(Operator operator) {
        return prices.stream().filter(p -> p.knownOperator().orElse(null) == operator).findFirst();
    }
}
