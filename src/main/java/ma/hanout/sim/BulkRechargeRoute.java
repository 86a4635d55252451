package ma.hanout.sim;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /recharge/bulk}: {@code {"items": [...]}}, each item applied on its own in order and
 * answered with success or its error code; {@code balance} is the balance after all of them.
 * The recharge faults strike the request as a whole; an item on a {@code 9999} number leaves the
 * whole request unanswered.
 */
final class BulkRechargeRoute implements Route {
    static final int MAX_ITEMS = 500;

    private final RechargeDesk desk;
    private final FaultDice dice;

    BulkRechargeRoute(RechargeDesk desk, FaultDice dice) {
        this.desk = desk;
        this.dice = dice;
    }

    @Override
    public Reply handle(ApiRequest request) {
        FaultDice.RechargeFault fault = dice.nextRechargeFault();
        if (fault == FaultDice.RechargeFault.ERROR_BEFORE) {
            return Reply.error(ApiError.simulatedFailure());
        }
        Reply reply;
        boolean unanswered = false;
        try {
            JsonNode items = items(request.json());
            List<Object> results = new ArrayList<>(items.size());
            for (JsonNode item : items) {
                ItemResult result = apply(request.environment(), item, fault);
                results.add(result.body());
                unanswered |= result.unanswered();
            }
            reply = Reply.ok(new Bodies.Bulk(results, Bodies.mad(desk.balance())));
        } catch (ApiError e) {
            reply = Reply.error(e);
        }
        return RechargeRoute.afterProcessing(fault, reply, unanswered);
    }

    /** One item's answer; {@code unanswered} for an item on a number whose send is never answered. */
    private record ItemResult(Object body, boolean unanswered) {
    }

    private ItemResult apply(Environment env, JsonNode item, FaultDice.RechargeFault fault) {
        String reference = item.isObject() && item.path("external_reference").isTextual()
                ? item.get("external_reference").asText() : null;
        try {
            RechargeDesk.Accepted a = desk.submit(env, RechargeOrder.from(item), fault);
            RechargeRecord r = a.recharge();
            Bodies.BulkAccepted body = new Bodies.BulkAccepted(true, Scenario.QUEUED, r.refInterne,
                    r.externalReference, Bodies.mad(r.value), Bodies.mad(r.billingAmount));
            return new ItemResult(body, a.scenario().holdsResponse());
        } catch (ApiError e) {
            return new ItemResult(new Bodies.BulkRejected(false, e.code(), e.getMessage(), reference), false);
        }
    }

    private static JsonNode items(JsonNode body) {
        JsonNode items = body == null ? null : body.get("items");
        if (items == null || !items.isArray()) {
            throw ApiError.invalidPayload("Missing or invalid payload (items): send {\"items\": [ ... ]}.");
        }
        if (items.isEmpty()) {
            throw ApiError.invalidPayload("Invalid payload: items is empty.");
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiError.invalidPayload("Invalid payload: at most " + MAX_ITEMS + " items per bulk request.");
        }
        return items;
    }
}
