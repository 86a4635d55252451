package ma.hanout.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /_sim/faults} shows the faults in force; {@code POST /_sim/faults} with
 * {@code {"faults": "SPEC"}} (and optionally {@code "seed": N}) replaces them, {@code ""} clears
 * them, and the random draws restart from the seed. A bad spec is a 400 {@code INVALID_FAULTS}.
 */
final class SimFaultsRoute implements Route {
    private final FaultDice dice;

    SimFaultsRoute(FaultDice dice) {
        this.dice = dice;
    }

    @Override
    public Reply handle(ApiRequest request) {
        if (request.method().equals("POST")) {
            JsonNode body = request.json();
            JsonNode faults = body == null ? null : body.get("faults");
            if (faults == null || !(faults.isTextual() || faults.isNull())) {
                throw ApiError.invalidPayload("Send {\"faults\": \"SPEC\"}, e.g. {\"faults\": \"timeout=0.1,latency=20ms\"}"
                        + " or {\"faults\": \"\"} to clear.");
            }
            JsonNode seed = body.get("seed");
            if (seed != null && !seed.isNull() && !seed.canConvertToLong()) {
                throw ApiError.invalidPayload("Invalid seed " + seed + ": a whole number.");
            }
            FaultSpec spec;
            try {
                spec = FaultSpec.parse(faults.isNull() ? "" : faults.asText());
            } catch (IllegalArgumentException e) {
                throw ApiError.invalid("INVALID_FAULTS", e.getMessage());
            }
            if (seed == null || seed.isNull()) {
                dice.replace(spec);
            } else {
                dice.replace(spec, seed.asLong());
            }
        }
        return Reply.ok(new Bodies.SimFaults(dice.spec().toString(), dice.seed()));
    }
}
