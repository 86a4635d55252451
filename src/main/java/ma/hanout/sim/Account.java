package ma.hanout.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import ma.hanout.domain.Money;

/**
 * The one API account the simulator serves: its balance, limits, status, webhook URL and IP
 * whitelist. Money moves under this object's lock; nothing in it does I/O, so the lock is held
 * for microseconds.
 */
final class Account {
    /** The account's status as {@code /me} shows it. */
    enum Status {
        ACTIVE("active"), SUSPENDED("suspended");

        final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        static Status fromWire(String s) {
            for (Status st : values()) {
                if (st.wire.equals(s)) {
                    return st;
                }
            }
            throw new IllegalArgumentException("status must be \"active\" or \"suspended\", not \"" + s + "\"");
        }
    }

    /** What the account holds at one instant. */
    record Snapshot(Status status, Money balance, Money creditLimit, Money dailyLimit, Money spentToday,
            IpWhitelist ipWhitelist, String webhookUrl, Instant createdAt, Instant updatedAt) {
    }

    private final Clock clock;
    private final Instant createdAt;
    private volatile Status status = Status.ACTIVE;
    private volatile IpWhitelist ipWhitelist = IpWhitelist.EMPTY;
    private volatile String webhookUrl;
    private Money balance;
    private Money creditLimit;
    private Money dailyLimit;
    private LocalDate day;
    private Money spentToday = Money.ZERO;
    private Instant updatedAt;

    Account(SimConfig config) {
        this.clock = config.clock();
        this.createdAt = clock.instant();
        this.updatedAt = createdAt;
        reset(config);
    }

    /** Back to the configured starting point. */
    synchronized void reset(SimConfig config) {
        status = Status.ACTIVE;
        balance = config.balance();
        creditLimit = config.creditLimit();
        dailyLimit = config.dailyLimit();
        webhookUrl = config.webhookUrl();
        ipWhitelist = IpWhitelist.EMPTY;
        day = null;
        spentToday = Money.ZERO;
        touch();
    }

    boolean isSuspended() {
        return status == Status.SUSPENDED;
    }

    boolean allows(String address) {
        return ipWhitelist.allows(address);
    }

    String webhookUrl() {
        return webhookUrl;
    }

    /**
     * Takes {@code amount} for a recharge made on {@code today}: refused when the day's total would
     * pass the daily limit, or the balance would fall below minus the credit limit.
     *
     * @return the balance after the debit
     */
    synchronized Money debit(Money amount, LocalDate today) {
        Money spent = today.equals(day) ? spentToday : Money.ZERO;
        if (dailyLimit != null && spent.plus(amount).compareTo(dailyLimit) > 0) {
            throw ApiError.dailyLimitExceeded();
        }
        Money after = balance.minus(amount);
        if (after.compareTo(creditLimit.negate()) < 0) {
            throw ApiError.insufficientFunds();
        }
        balance = after;
        day = today;
        spentToday = spent.plus(amount);
        touch();
        return after;
    }

    /** Gives back the amount of a recharge made on {@code madeOn} that ended failed or refunded. */
    synchronized void refund(Money amount, LocalDate madeOn) {
        balance = balance.plus(amount);
        if (madeOn.equals(day)) {
            Money s = spentToday.minus(amount);
            spentToday = s.isNegative() ? Money.ZERO : s;
        }
        touch();
    }

    synchronized Money balance() {
        return balance;
    }

    synchronized void configureWebhook(String url, IpWhitelist whitelist) {
        webhookUrl = url;
        if (whitelist != null) {
            ipWhitelist = whitelist;
        }
        touch();
    }

    /** A test's change through {@code /_sim/account}; null leaves a field as it is. */
    synchronized void adjust(Status newStatus, Money newBalance, Money newCreditLimit, IpWhitelist whitelist) {
        if (newStatus != null) {
            status = newStatus;
        }
        if (newBalance != null) {
            balance = newBalance;
        }
        if (newCreditLimit != null) {
            creditLimit = newCreditLimit;
        }
        if (whitelist != null) {
            ipWhitelist = whitelist;
        }
        touch();
    }

    /** Puts back what a state file kept (demo mode across restarts). */
    synchronized void restore(Status newStatus, Money newBalance, Money newCreditLimit, Money newDailyLimit,
            LocalDate spentOn, Money spent, IpWhitelist whitelist, String url) {
        status = newStatus;
        balance = newBalance;
        creditLimit = newCreditLimit;
        dailyLimit = newDailyLimit;
        day = spentOn;
        spentToday = spent;
        ipWhitelist = whitelist;
        webhookUrl = url;
        touch();
    }

    /** The day the daily total counts, null before the first debit. */
    synchronized LocalDate day() {
        return day;
    }

    /** Sets or (with null) removes the daily limit. */
    synchronized void setDailyLimit(Money limit) {
        dailyLimit = limit;
        touch();
    }

    /** Sets or (with null) removes the webhook URL. */
    synchronized void setWebhookUrl(String url) {
        webhookUrl = url;
        touch();
    }

    synchronized Snapshot snapshot() {
        LocalDate today = LocalDate.now(clock);
        return new Snapshot(status, balance, creditLimit, dailyLimit, today.equals(day) ? spentToday : Money.ZERO,
                ipWhitelist, webhookUrl, createdAt, updatedAt);
    }

    private void touch() {
        updatedAt = clock.instant();
    }
}
