package ma.hanout.sim;

import java.math.BigDecimal;
import java.util.List;

import ma.hanout.domain.Money;

/**
 * Every JSON body the simulator writes, as records whose components become the reference's
 * snake_case field names, in the reference's order. Amounts are JSON numbers ({@code 9.35},
 * {@code 10}), {@code type} a string, dates {@code "2026-01-09 19:21:57"}.
 */
final class Bodies {
    private Bodies() {
    }

    static BigDecimal mad(Money m) {
        return m == null ? null : m.toMad();
    }

    /** {@code {"message": ..., "parameters": {"code": ...}}}. */
    record Error(String message, Parameters parameters) {
        static Error of(ApiError e) {
            return new Error(e.getMessage(), new Parameters(e.code()));
        }
    }

    record Parameters(String code) {
    }

    record Me(long clientId, String name, String code, String type, String status, BigDecimal solde, String devise,
            BigDecimal creditLimit, String ipWhitelist, String webhookUrl, String createdAt, String updatedAt) {
    }

    record Balance(BigDecimal balance, String devise, BigDecimal creditLimit) {
    }

    record Prices(String clientCode, String devise, List<Price> prices) {
    }

    record Price(String operator, BigDecimal marginPercent) {
    }

    record Accepted(boolean success, int statusCode, String refInterne, String externalReference, BigDecimal value,
            BigDecimal billingAmount, BigDecimal balanceAfter) {
    }

    record Bulk(List<Object> items, BigDecimal balance) {
    }

    record BulkAccepted(boolean success, int statusCode, String refInterne, String externalReference,
            BigDecimal value, BigDecimal billingAmount) {
    }

    record BulkRejected(boolean success, String error, String message, String externalReference) {
    }

    record ById(String id, String phone, String operator, BigDecimal value, BigDecimal billingAmount, String type,
            int statusCode, String externalReference, String createdAt, String executedAt) {
        static ById of(RechargeRecord.View v, SimDates dates) {
            return new ById(v.refInterne(), v.phone().national(), v.operator().wireName(), mad(v.value()),
                    mad(v.billingAmount()), v.type(), v.statusCode(), v.externalReference(),
                    dates.format(v.createdAt()), dates.format(v.executedAt()));
        }
    }

    record ByRef(String refInterne, String externalReference, String phone, String operator, BigDecimal value,
            BigDecimal billingAmount, String type, int statusCode, String createdAt, String executedAt) {
        static ByRef of(RechargeRecord.View v, SimDates dates) {
            return new ByRef(v.refInterne(), v.externalReference(), v.phone().national(), v.operator().wireName(),
                    mad(v.value()), mad(v.billingAmount()), v.type(), v.statusCode(), dates.format(v.createdAt()),
                    dates.format(v.executedAt()));
        }
    }

    record History(List<ById> items, Pagination pagination) {
    }

    record Pagination(int page, int pageSize, int total) {
    }

    record WebhookConfig(String webhookUrl, String ipWhitelist) {
    }

    record WebhookUpdated(boolean success, String webhookUrl, String ipWhitelist) {
    }

    record Health(String status, boolean sandbox, String time) {
    }

    /** The reference's webhook payload, field for field. */
    record WebhookPayload(String event, String clientCode, Integer statusCodeOld, int statusCodeNew,
            WebhookRecharge recharge) {
    }

    record WebhookRecharge(String refInterne, String externalReference, String phone, String operator,
            BigDecimal value, String type, BigDecimal billingAmount, String createdAt, String executedAt) {
        static WebhookRecharge of(RechargeRecord.View v, SimDates dates) {
            return new WebhookRecharge(v.refInterne(), v.externalReference(), v.phone().national(),
                    v.operator().wireName(), mad(v.value()), v.type(), mad(v.billingAmount()),
                    dates.format(v.createdAt()), dates.format(v.executedAt()));
        }
    }

    /** One recharge for {@code GET /_sim/recharges}. */
    record SimRecharge(String externalReference, String refInterne, int statusCode, String createdAt,
            boolean sandbox, String phone, String operator, BigDecimal value, String type, BigDecimal billingAmount,
            String executedAt, List<SimStatus> statuses, String fault, int duplicateAttempts) {
        static SimRecharge of(RechargeRecord.View v, SimDates dates) {
            return new SimRecharge(v.externalReference(), v.refInterne(), v.statusCode(), dates.format(v.createdAt()),
                    v.environment() == Environment.SANDBOX, v.phone().national(), v.operator().wireName(),
                    mad(v.value()), v.type(), mad(v.billingAmount()), dates.format(v.executedAt()),
                    v.timeline().stream().map(c -> new SimStatus(c.code(), dates.instant(c.at()))).toList(),
                    v.fault(), v.duplicateAttempts());
        }
    }

    record SimStatus(int code, String at) {
    }

    /** The account as {@code /_sim/account} shows it: {@code /me} plus the limits a test sets. */
    record SimAccount(String status, BigDecimal balance, BigDecimal creditLimit, BigDecimal dailyLimit,
            BigDecimal spentToday, String ipWhitelist, String webhookUrl) {
        static SimAccount of(Account.Snapshot s) {
            return new SimAccount(s.status().wire, mad(s.balance()), mad(s.creditLimit()), mad(s.dailyLimit()),
                    mad(s.spentToday()), s.ipWhitelist().text(), s.webhookUrl());
        }
    }

    record SimFaults(String faults, Long seed) {
    }
}
