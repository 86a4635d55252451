package ma.hanout.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.domain.QueuedSale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.store.OutboxLedger;

/**
 * Sends the outbox. Works only from the database: every pass reads what is due, takes a lease on
 * it (so a second engine on the same data folder cannot send it too), moves it to SENDING and
 * commits that before the request leaves, then records the outcome. Uncertain sales are looked up
 * by reference before anything is sent again.
 */
final class OutboxWorker {
    private final OutboxLedger sales;
    private final SaleAccount account;
    private final SaleRecorder recorder;
    private final RechargeGateway gateway;
    private final SaleOutcomes outcomes;
    private final BalanceTracker balance;
    private final EngineConfig config;
    private final Backoff backoff;
    private final String owner;
    private final Clock clock;
    private Instant lastRecovery = Instant.EPOCH;

    OutboxWorker(OutboxLedger sales, SaleAccount account, SaleRecorder recorder, RechargeGateway gateway,
            SaleOutcomes outcomes, BalanceTracker balance, EngineConfig config, Backoff backoff, String owner) {
        this.sales = sales;
        this.account = account;
        this.recorder = recorder;
        this.gateway = gateway;
        this.outcomes = outcomes;
        this.balance = balance;
        this.config = config;
        this.backoff = backoff;
        this.owner = owner;
        this.clock = config.clock();
    }

    /** One pass over what is due now. Returns how many sales it acted on (0: nothing due). */
    synchronized int runOnce(boolean includeHeld) {
        Instant now = clock.instant();
        if (now.isAfter(lastRecovery.plusSeconds(2)) || lastRecovery == Instant.EPOCH) {
            recoverInterrupted(now);
            lastRecovery = now;
        }
        List<Sale> due = new ArrayList<>(sales.dueForSend(account, now, Math.max(1, config.bulkSize())));
        if (includeHeld) {
            for (QueuedSale q : sales.unsettled(account)) {
                if (q.held() && due.size() < config.bulkSize()) {
                    due.add(q.sale());
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Instant leaseUntil = now.plus(config.lease());
        List<Sale> fresh = new ArrayList<>();
        List<Sale> uncertain = new ArrayList<>();
        recorder.transaction(tx -> {
            for (Sale s : due) {
                if (!sales.claim(tx.connection(), s.externalReference(), owner, leaseUntil, now)) {
                    continue;
                }
                Sale cur = tx.find(s.externalReference()).orElse(null);
                if (cur == null) {
                    continue;
                }
                if (includeHeld && cur.state().isUnsettled() && sales.isHeld(tx.connection(), cur.externalReference())) {
                    // a person's decision (drain --include-held): this sale may go out although it is old
                    sales.approve(tx.connection(), cur.externalReference(), now);
                    tx.note(cur.externalReference(), TimelineSource.PERSON, "sent although held: drain --include-held");
                }
                if (cur.state() == SaleState.UNCERTAIN) {
                    uncertain.add(cur);
                } else if (cur.state() == SaleState.QUEUED) {
                    boolean held = sales.isHeld(tx.connection(), cur.externalReference());
                    if (held) {
                        sales.release(tx.connection(), cur.externalReference(), owner);
                    } else if (isTooOld(cur, now) && !sales.isApproved(tx.connection(), cur.externalReference())) {
                        sales.setHold(tx.connection(), cur.externalReference(), true);
                        tx.note(cur.externalReference(), TimelineSource.WORKER,
                                "queued longer than " + config.queueMaxAge().toMinutes()
                                        + " min: waits for a person to send or cancel it");
                        sales.release(tx.connection(), cur.externalReference(), owner);
                    } else {
                        fresh.add(cur);
                    }
                } else {
                    sales.release(tx.connection(), cur.externalReference(), owner);
                }
            }
            return null;
        });
        int acted = fresh.size() + uncertain.size();
        for (Sale s : uncertain) {
            reconcile(s);
        }
        for (int i = 0; i < fresh.size(); i += Math.max(1, config.bulkSize())) {
            send(fresh.subList(i, Math.min(fresh.size(), i + Math.max(1, config.bulkSize()))));
        }
        return acted;
    }

    private boolean isTooOld(Sale s, Instant now) {
        return s.createdAt().plus(config.queueMaxAge()).isBefore(now);
    }

    /** Moves the sales to SENDING (committed), sends them, records the outcomes and frees the leases. */
    private void send(List<Sale> batch) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(config.lease());
        List<Sale> sending = recorder.transaction(tx -> {
            List<Sale> out = new ArrayList<>();
            for (Sale s : batch) {
                // the lease must still be ours, renewed to cover this very request
                if (!sales.claim(tx.connection(), s.externalReference(), owner, leaseUntil, now)) {
                    continue;
                }
                tx.change(s.externalReference(), TimelineSource.WORKER, cur -> {
                    if (cur.state() != SaleState.QUEUED && cur.state() != SaleState.UNCERTAIN) {
                        return null;
                    }
                    Sale next = cur.withState(SaleState.SENDING, now).withAttempt(cur.attempts() + 1, null, now);
                    return SaleRecorder.Change.of(next, "attempt " + next.attempts());
                }).filter(x -> x.state() == SaleState.SENDING).ifPresent(out::add);
            }
            return out;
        });
        if (sending.isEmpty()) {
            releaseAll(batch);
            return;
        }
        List<SendResult> results = sending.size() == 1 ? List.of(gateway.send(sending.get(0)))
                : gateway.sendBulk(sending);
        record(sending, results);
    }

    private void record(List<Sale> sending, List<SendResult> results) {
        Instant now = clock.instant();
        recorder.transaction(tx -> {
            for (int i = 0; i < sending.size(); i++) {
                SendResult r = results.get(i);
                tx.change(sending.get(i).externalReference(), TimelineSource.WORKER, cur -> outcomes.apply(cur, r, now));
                sales.release(tx.connection(), sending.get(i).externalReference(), owner);
            }
            return null;
        });
        for (SendResult r : results) {
            if (r instanceof SendResult.Accepted a && a.balanceAfter() != null) {
                balance.learnedBalanceAfter(a.balanceAfter(), "recharge");
            }
        }
    }

    /** An uncertain sale: ask the server by reference; adopt what it has, resend only if it has nothing. */
    private void reconcile(Sale s) {
        LookupResult r = gateway.byReference(s.externalReference());
        Instant now = clock.instant();
        if (r instanceof LookupResult.Found f) {
            recorder.transaction(tx -> {
                tx.change(s.externalReference(), TimelineSource.RECONCILE, cur -> {
                    if (cur.state() != SaleState.UNCERTAIN) {
                        return null;
                    }
                    ServerRecharge rec = f.recharge();
                    if (!SameSale.matches(cur, rec)) {
                        Sale refused = cur.withState(SaleState.REJECTED, now)
                                .withError("DUPLICATE_REFERENCE", SameSale.describe(rec), now)
                                .withAttempt(cur.attempts(), null, now);
                        return SaleRecorder.Change.of(refused, SameSale.describe(rec));
                    }
                    RechargeStatus status = rec.status() != null && rec.status().isProgressFrom(cur.status())
                            ? rec.status() : cur.status();
                    Sale next = cur.withState(SaleState.ACCEPTED, now)
                            .withServerRecord(rec.refInterne(), status, rec.billingAmount(), rec.executedAt(), now)
                            .withError(null, null, now).withAttempt(cur.attempts(), null, now);
                    return new SaleRecorder.Change(next, "found on the server by reference: adopted", true);
                });
                sales.release(tx.connection(), s.externalReference(), owner);
                return null;
            });
        } else if (r instanceof LookupResult.Missing && "DUPLICATE_REFERENCE".equals(s.errorCode())) {
            // the server said the reference exists, its lookup says it does not: ask again later, never resend
            waitAndAskAgain(s, "the server reported the reference as used but cannot find it yet", now);
        } else if (r instanceof LookupResult.Missing) {
            if (isTooOld(s, now) && !sales.isApproved(s.externalReference())) {
                recorder.transaction(tx -> {
                    if (!sales.isHeld(tx.connection(), s.externalReference())) {
                        sales.setHold(tx.connection(), s.externalReference(), true);
                        tx.note(s.externalReference(), TimelineSource.RECONCILE,
                                "not on the server, and too old to resend on its own: waits for a person");
                    }
                    sales.release(tx.connection(), s.externalReference(), owner);
                    return null;
                });
                return;
            }
            recorder.note(s.externalReference(), TimelineSource.RECONCILE,
                    "not on the server: sending again with the same reference");
            send(List.of(s));
        } else {
            waitAndAskAgain(s, ((LookupResult.Unknown) r).reason(), now);
        }
    }

    /** Stays uncertain and asks again after a backoff that grows with every try. */
    private void waitAndAskAgain(Sale s, String reason, Instant now) {
        recorder.transaction(tx -> {
            tx.change(s.externalReference(), TimelineSource.RECONCILE, cur -> {
                if (cur.state() != SaleState.UNCERTAIN) {
                    return null;
                }
                int tries = cur.attempts() + 1;
                return SaleRecorder.Change.of(cur.withError(cur.errorCode() == null ? "NO_ANSWER" : cur.errorCode(),
                        reason, now).withAttempt(tries, now.plus(backoff.after(tries)), now), null);
            });
            sales.release(tx.connection(), s.externalReference(), owner);
            return null;
        });
    }

    private void releaseAll(List<Sale> batch) {
        recorder.transaction(tx -> {
            for (Sale s : batch) {
                sales.release(tx.connection(), s.externalReference(), owner);
            }
            return null;
        });
    }

    /**
     * A sale left in SENDING by a process that is gone (killed, crashed, power cut) may or may not have
     * reached the server: it becomes UNCERTAIN and is looked up before anything is resent. Leases of
     * dead processes are freed at once.
     */
    void recoverInterrupted(Instant now) {
        List<OutboxLedger.Lease> leases = sales.leases();
        List<OutboxLedger.Lease> deadList = new ArrayList<>();
        for (OutboxLedger.Lease l : leases) {
            // between two passes nothing of ours is in flight: a lease of ours is left over from a
            // pass that failed half-way. A process of this host counts while it runs, whatever its
            // lease's expiry; one of another host only until its lease expires.
            boolean expired = l.until() != null && l.until().isBefore(now);
            boolean dead = l.owner().equals(owner)
                    || (LeaseOwner.isOfThisHost(l.owner()) ? !LeaseOwner.mayBeAlive(l.owner()) : expired);
            if (dead) {
                deadList.add(l);
            }
        }
        List<String> orphanSending = new ArrayList<>();
        for (Sale s : sales.byState(SaleState.SENDING)) {
            Optional<OutboxLedger.Lease> l = leases.stream().filter(x -> x.externalReference().equals(s.externalReference()))
                    .findFirst();
            if (l.isEmpty() || deadList.contains(l.get())) {
                orphanSending.add(s.externalReference());
            }
        }
        if (deadList.isEmpty() && orphanSending.isEmpty()) {
            return;
        }
        recorder.transaction(tx -> {
            for (OutboxLedger.Lease l : deadList) {
                sales.release(tx.connection(), l.externalReference(), l.owner());
            }
            for (String ref : orphanSending) {
                tx.change(ref, TimelineSource.RECOVERY, cur -> {
                    if (cur.state() != SaleState.SENDING) {
                        return null;
                    }
                    Sale next = cur.withState(SaleState.UNCERTAIN, now).withError("INTERRUPTED",
                            "interrupted while sending", now).withAttempt(cur.attempts(), now, now);
                    return new SaleRecorder.Change(next, "interrupted while sending (restart): will ask by reference",
                            true);
                });
            }
            return null;
        });
    }
}
