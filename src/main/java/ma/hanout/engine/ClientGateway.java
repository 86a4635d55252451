package ma.hanout.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import ma.hanout.api.ApiException;
import ma.hanout.api.ApiTransportException;
import ma.hanout.api.ApiUnreachableException;
import ma.hanout.api.AuthInvalidException;
import ma.hanout.api.AuthMissingException;
import ma.hanout.api.Balance;
import ma.hanout.api.BulkItem;
import ma.hanout.api.BulkResponse;
import ma.hanout.api.DuplicateReferenceException;
import ma.hanout.api.IpNotAllowedException;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.api.NotFoundException;
import ma.hanout.api.OperatorPrice;
import ma.hanout.api.PriceList;
import ma.hanout.api.RechargeRecord;
import ma.hanout.api.RechargeRequest;
import ma.hanout.api.RechargeResponse;
import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.Price;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;

/**
 * {@link RechargeGateway} over the typed client: sorts every answer and every failure into what the
 * engine must do next, and tells the status bar whether the API answered.
 */
final class ClientGateway implements RechargeGateway {
    /** The API writes local times without a zone; MoroccoTopup is in Morocco. */
    static final ZoneId SERVER_ZONE = ZoneId.of("Africa/Casablanca");

    private final MoroccoTopupClient client;
    private final ConnectivityListener connectivity;
    private final Clock clock;

    ClientGateway(MoroccoTopupClient client, ConnectivityListener connectivity, Clock clock) {
        this.client = client;
        this.connectivity = connectivity;
        this.clock = clock;
    }

    @Override
    public SendResult send(Sale sale) {
        try {
            RechargeResponse r = client.recharge(request(sale));
            connectivity.answered();
            return new SendResult.Accepted(r.refInterne(), RechargeStatus.of(r.statusCode()), r.billingAmount(),
                    r.balanceAfter());
        } catch (ApiException e) {
            return classify(e);
        }
    }

    @Override
    public List<SendResult> sendBulk(List<Sale> sales) {
        List<RechargeRequest> requests = new ArrayList<>(sales.size());
        for (Sale s : sales) {
            requests.add(request(s));
        }
        BulkResponse r;
        try {
            r = client.bulk(requests);
        } catch (ApiException e) {
            if (e.isDefinitive() && !e.mayHaveBeenApplied() && !isRefusal(e) && !(e instanceof DuplicateReferenceException)) {
                // the call as a whole was refused (a batch limit, a validation of the envelope): nothing was
                // applied, and no sale is to blame for it; send each one on its own instead
                List<SendResult> one = new ArrayList<>(sales.size());
                for (Sale s : sales) {
                    one.add(send(s));
                }
                return one;
            }
            return Collections.nCopies(sales.size(), classify(e));
        }
        connectivity.answered();
        if (r.items().size() != sales.size()) {
            // an answer we cannot match to our sales: some may be applied; look each up by reference
            return Collections.nCopies(sales.size(), new SendResult.Uncertain(
                    "bulk answer has " + r.items().size() + " items for " + sales.size() + " sales"));
        }
        List<SendResult> out = new ArrayList<>(sales.size());
        for (int i = 0; i < sales.size(); i++) {
            BulkItem item = r.items().get(i);
            if (item.externalReference() != null && !item.externalReference().equals(sales.get(i).externalReference())) {
                // answered out of order: this item may describe another sale; ask by reference
                out.add(new SendResult.Uncertain("bulk item " + i + " names " + item.externalReference()));
            } else if (item.success()) {
                out.add(new SendResult.Accepted(item.refInterne(), RechargeStatus.of(item.statusCode()), null,
                        i == sales.size() - 1 ? r.balance() : null));
            } else if ("DUPLICATE_REFERENCE".equals(item.error())) {
                out.add(new SendResult.Duplicate(item.message()));
            } else if ("AUTH_MISSING".equals(item.error()) || "AUTH_INVALID".equals(item.error())
                    || "IP_NOT_ALLOWED".equals(item.error())) {
                out.add(new SendResult.Refused(item.error(), item.message()));
            } else {
                out.add(new SendResult.Rejected(item.error() == null ? "UNKNOWN_ERROR" : item.error(), item.message()));
            }
        }
        return out;
    }

    private SendResult classify(ApiException e) {
        if (e instanceof DuplicateReferenceException) {
            connectivity.answered();
            return new SendResult.Duplicate(e.serverMessage());
        }
        if (isRefusal(e)) {
            connectivity.refused(e.errorCode(), e.serverMessage());
            return new SendResult.Refused(e.errorCode(), e.serverMessage());
        }
        if (e instanceof ApiUnreachableException) {
            connectivity.unreachable(e.getMessage());
            return new SendResult.NotSent(e.getMessage());
        }
        if (e instanceof ApiTransportException) {
            connectivity.unreachable(e.getMessage());
        } else {
            connectivity.answered();
        }
        if (e.isDefinitive() && !e.mayHaveBeenApplied()) {
            return new SendResult.Rejected(e.errorCode() == null ? "HTTP_" + e.httpStatus() : e.errorCode(),
                    e.serverMessage() == null ? e.getMessage() : e.serverMessage());
        }
        return new SendResult.Uncertain(e.getMessage());
    }

    private static boolean isRefusal(ApiException e) {
        return e instanceof AuthMissingException || e instanceof AuthInvalidException
                || e instanceof IpNotAllowedException;
    }

    @Override
    public LookupResult byReference(String externalReference) {
        try {
            RechargeRecord r = client.byRef(externalReference);
            connectivity.answered();
            return new LookupResult.Found(toServer(r));
        } catch (ApiException e) {
            return lookupFailed(e);
        }
    }

    @Override
    public LookupResult byId(String refInterne) {
        try {
            RechargeRecord r = client.byId(refInterne);
            connectivity.answered();
            return new LookupResult.Found(toServer(r));
        } catch (ApiException e) {
            return lookupFailed(e);
        }
    }

    private LookupResult lookupFailed(ApiException e) {
        if (e instanceof NotFoundException) {
            connectivity.answered();
            return new LookupResult.Missing();
        }
        note(e);
        return new LookupResult.Unknown(e.getMessage());
    }

    @Override
    public Optional<HistoryPage> history(int page, int pageSize) {
        try {
            ma.hanout.api.HistoryPage p = client.history(page, pageSize);
            connectivity.answered();
            List<ServerRecharge> items = p.items().stream().map(ClientGateway::toServer).toList();
            return Optional.of(new HistoryPage(items, p.pagination().page(), p.pagination().pageSize(),
                    p.pagination().total()));
        } catch (ApiException e) {
            note(e);
            return Optional.empty();
        }
    }

    @Override
    public Optional<BalanceSnapshot> balance() {
        try {
            Balance b = client.balance();
            connectivity.answered();
            return Optional.of(new BalanceSnapshot(b.balance(), b.creditLimit(), b.devise(), clock.instant(), "balance"));
        } catch (ApiException e) {
            note(e);
            return Optional.empty();
        }
    }

    @Override
    public Optional<List<Price>> prices() {
        try {
            PriceList p = client.prices();
            connectivity.answered();
            List<Price> out = new ArrayList<>();
            for (OperatorPrice op : p.prices()) {
                op.knownOperator().ifPresent(o -> out.add(new Price(o, op.marginPercent())));
            }
            return Optional.of(out);
        } catch (ApiException e) {
            note(e);
            return Optional.empty();
        }
    }

    private void note(ApiException e) {
        if (isRefusal(e)) {
            connectivity.refused(e.errorCode(), e.serverMessage());
        } else if (e instanceof ApiTransportException) {
            connectivity.unreachable(e.getMessage());
        } else {
            connectivity.answered();
        }
    }

    private static RechargeRequest request(Sale s) {
        return new RechargeRequest(s.phone(), s.operator(), s.value(), s.promo(), s.externalReference());
    }

    static ServerRecharge toServer(RechargeRecord r) {
        return new ServerRecharge(r.refInterne(), r.externalReference(), r.phone(), r.operator(), r.value(), r.type(),
                r.billingAmount(), RechargeStatus.of(r.statusCode()), instant(r.createdAt()), instant(r.executedAt()));
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(SERVER_ZONE).toInstant();
    }
}
