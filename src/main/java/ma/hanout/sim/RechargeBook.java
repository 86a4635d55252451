package ma.hanout.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recharges of one environment, found by {@code ref_interne} or {@code external_reference},
 * and in the order they were made for {@code /history}. Lookups take no lock; adding takes this
 * book's lock, which {@link RechargeDesk} also holds around "is this reference new? debit, add"
 * so that check and insert are one step.
 */
final class RechargeBook {
    private final ConcurrentHashMap<String, RechargeRecord> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RechargeRecord> byReference = new ConcurrentHashMap<>();
    private final List<RechargeRecord> inOrder = new ArrayList<>();

    /** One page of the history, newest first, and the total count. */
    record Page(List<RechargeRecord> items, int total) {
    }

    synchronized boolean hasReference(String externalReference) {
        return byReference.containsKey(externalReference);
    }

    synchronized void add(RechargeRecord r) {
        byId.put(r.refInterne, r);
        if (r.externalReference != null) {
            byReference.put(r.externalReference, r);
        }
        inOrder.add(r);
    }

    Optional<RechargeRecord> byId(String refInterne) {
        return Optional.ofNullable(byId.get(refInterne));
    }

    Optional<RechargeRecord> byReference(String externalReference) {
        return Optional.ofNullable(byReference.get(externalReference));
    }

    /** Page {@code page} (from 1) of {@code size} recharges, newest first. */
    synchronized Page page(int page, int size) {
        int total = inOrder.size();
        List<RechargeRecord> items = new ArrayList<>(size);
        long start = (long) (page - 1) * size;
        for (long i = start; i < start + size && i < total; i++) {
            items.add(inOrder.get(total - 1 - (int) i));
        }
        return new Page(items, total);
    }

    synchronized List<RechargeRecord> all() {
        return List.copyOf(inOrder);
    }

    /** Forgets every recharge; their scenarios stop where they are (no late status, refund or webhook). */
    synchronized void clear() {
        inOrder.forEach(RechargeRecord::forget);
        byId.clear();
        byReference.clear();
        inOrder.clear();
    }
}
