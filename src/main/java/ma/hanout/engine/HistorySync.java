package ma.hanout.engine;

import java.util.Optional;

/**
 * Reads {@code /history} (newest first) to bring sales made elsewhere (another terminal, the web)
 * into the local cache and to catch status changes polling missed. Stops at the first page where
 * it learned nothing new, or after {@code maxPages}.
 */
final class HistorySync {
    private final RechargeGateway gateway;
    private final StatusTracker tracker;
    private final int pageSize;

    HistorySync(RechargeGateway gateway, StatusTracker tracker, int pageSize) {
        this.gateway = gateway;
        this.tracker = tracker;
        this.pageSize = pageSize;
    }

    /** What one sync did. */
    record Result(boolean reached, int pages, int seen, int added, int updated) {
    }

    Result run(int maxPages) {
        int pages = 0;
        int seen = 0;
        int added = 0;
        int updated = 0;
        for (int page = 1; page <= maxPages; page++) {
            Optional<RechargeGateway.HistoryPage> p = gateway.history(page, pageSize);
            if (p.isEmpty()) {
                return new Result(pages > 0, pages, seen, added, updated);
            }
            pages++;
            int news = 0;
            for (ServerRecharge rec : p.get().items()) {
                seen++;
                StatusTracker.Applied applied = tracker.apply(rec, TimelineSource.HISTORY, true);
                if (applied == StatusTracker.Applied.UNKNOWN_SALE) {
                    applied = tracker.apply(complete(rec), TimelineSource.HISTORY, true);
                }
                switch (applied) {
                    case ADDED -> {
                        added++;
                        news++;
                    }
                    case PROGRESSED, ADOPTED -> {
                        updated++;
                        news++;
                    }
                    default -> {
                    }
                }
            }
            long fetched = (long) page * pageSize;
            if (news == 0 || p.get().items().size() < pageSize || fetched >= p.get().total()) {
                break;
            }
        }
        return new Result(true, pages, seen, added, updated);
    }

    /**
     * The command line's {@code sync}: walks {@code /history}, newest first, until every sale in
     * {@code open} (the {@code ref_interne} of this account's sales whose status may still change)
     * has been seen and a page brought nothing new, or the history ends. Unbounded on purpose:
     * a person asked for the local history to equal the server's.
     */
    Result runUntilSeen(java.util.Set<String> open) {
        java.util.Set<String> unseen = new java.util.HashSet<>(open);
        int pages = 0;
        int seen = 0;
        int added = 0;
        int updated = 0;
        for (int page = 1; ; page++) {
            Optional<RechargeGateway.HistoryPage> p = gateway.history(page, pageSize);
            if (p.isEmpty()) {
                return new Result(false, pages, seen, added, updated);
            }
            pages++;
            int news = 0;
            for (ServerRecharge rec : p.get().items()) {
                seen++;
                if (rec.refInterne() != null) {
                    unseen.remove(rec.refInterne());
                }
                StatusTracker.Applied applied = tracker.apply(rec, TimelineSource.HISTORY, true);
                if (applied == StatusTracker.Applied.UNKNOWN_SALE) {
                    applied = tracker.apply(complete(rec), TimelineSource.HISTORY, true);
                }
                switch (applied) {
                    case ADDED -> {
                        added++;
                        news++;
                    }
                    case PROGRESSED, ADOPTED -> {
                        updated++;
                        news++;
                    }
                    default -> {
                    }
                }
            }
            int size = p.get().pageSize() > 0 ? p.get().pageSize() : pageSize;
            boolean end = p.get().items().size() < size || (long) page * size >= p.get().total();
            if (end || news == 0 && unseen.isEmpty()) {
                return new Result(true, pages, seen, added, updated);
            }
        }
    }

    /** History items may carry only id, phone and status: fetch the rest for a sale we may add. */
    private ServerRecharge complete(ServerRecharge rec) {
        if (rec.operator() != null && rec.value() != null && rec.phone() != null || rec.refInterne() == null) {
            return rec;
        }
        LookupResult r = gateway.byId(rec.refInterne());
        return r instanceof LookupResult.Found f ? f.recharge() : rec;
    }
}
