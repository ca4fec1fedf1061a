package io.levex.gateway.service;

import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.CollateralTransferRequest;
import io.levex.api.v1.CollateralTransferResult;
import io.levex.api.v1.CurrencyMargin;
import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.position.PositionAccounting;
import io.levex.gateway.mapping.AccountMapper;
import io.levex.gateway.mapping.RequestChecks;
import io.levex.gateway.repository.AccountRepository;
import io.levex.gateway.repository.CollateralBalanceEntity;
import io.levex.gateway.repository.CollateralRepository;
import io.levex.gateway.repository.CollateralTransferEntity;
import io.levex.gateway.repository.TransferRepository;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Collateral deposits and withdrawals, idempotent by transfer id. A withdrawal may not overdraw the balance, nor
 * leave any currency with available funds below zero (margin balance below initial margin) per margin-service.
 */
@ApplicationScoped
public class CollateralService {

  /** Largest accepted transfer amount. */
  public static final double MAX_AMOUNT = 1e12;
  private static final String DEPOSIT = "DEPOSIT";
  private static final String WITHDRAWAL = "WITHDRAWAL";
  private static final int MAX_ATTEMPTS = 3;

  private final AccountRepository accounts;
  private final CollateralRepository collateral;
  private final TransferRepository transfers;
  private final BookService books;
  private final RiskService risk;

  /**
   * Creates the service.
   *
   * @param accounts  accounts
   * @param collateral  balances
   * @param transfers  transfers
   * @param books  book reader
   * @param risk  marks and margin
   */
  public CollateralService(AccountRepository accounts, CollateralRepository collateral, TransferRepository transfers,
      BookService books, RiskService risk) {
    this.accounts = accounts;
    this.collateral = collateral;
    this.transfers = transfers;
    this.books = books;
    this.risk = risk;
  }

  /** A validated transfer request. */
  private record Transfer(UUID accountId, String transferId, Asset asset, BigDecimal amount) {
  }

  /**
   * Deposits collateral.
   *
   * @param tenant  the tenant
   * @param request  the request
   * @return the result
   */
  @WithSpan("CollateralService.deposit")
  public Uni<CollateralTransferResult> deposit(String tenant, CollateralTransferRequest request) {
    return Uni.createFrom().item(() -> validate(request))
        .flatMap(t -> Panache.withTransaction(() -> apply(tenant, t, DEPOSIT, -1)))
        .map(r -> r.result());
  }

  /**
   * Withdraws collateral after checking balance and margin.
   *
   * @param tenant  the tenant
   * @param request  the request
   * @return the result
   */
  @WithSpan("CollateralService.withdraw")
  public Uni<CollateralTransferResult> withdraw(String tenant, CollateralTransferRequest request) {
    return Uni.createFrom().item(() -> validate(request)).flatMap(t -> withdraw(tenant, t, 1));
  }

  private Uni<CollateralTransferResult> withdraw(String tenant, Transfer t, int attempt) {
    return Panache.withSession(() -> transfers.find(t.accountId(), t.transferId()))
        .flatMap(existing -> {
          if (existing != null) {
            return Panache.withTransaction(() -> apply(tenant, t, WITHDRAWAL, -1)).map(Applied::result);
          }
          return books.read(tenant, t.accountId()).flatMap(book -> {
            BigDecimal balance = book.balances().getOrDefault(t.asset(), BigDecimal.ZERO);
            if (balance.compareTo(t.amount()) < 0) {
              throw InvalidInputException.failedPrecondition("amount", t.amount().toPlainString(),
                  "exceeds the " + t.asset() + " balance " + balance.toPlainString());
            }
            return checkMargin(book, t).flatMap(v -> Panache.withTransaction(() -> apply(tenant, t, WITHDRAWAL, book.account().version)))
                .flatMap(applied -> {
                  if (applied.result() != null) {
                    return Uni.createFrom().item(applied.result());
                  }
                  if (attempt >= MAX_ATTEMPTS) {
                    throw InvalidInputException.failedPrecondition("account_id", t.accountId(),
                        "changed concurrently during the margin check " + MAX_ATTEMPTS + " times; retry the withdrawal");
                  }
                  return withdraw(tenant, t, attempt + 1);
                });
          });
        });
  }

  private Uni<Void> checkMargin(Book book, Transfer t) {
    if (book.positions().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Map<Asset, BigDecimal> after = new TreeMap<>(book.balances());
    after.merge(t.asset(), t.amount().negate(), BigDecimal::add);
    return risk.marginAfter(book, after).map(margin -> {
      for (CurrencyMargin c : margin.getCurrenciesList()) {
        if (c.getAvailableFunds() < 0) {
          throw InvalidInputException.failedPrecondition("amount", t.amount().toPlainString(),
              "would leave " + c.getCurrency() + " margin balance " + c.getMarginBalance() + " below its initial margin "
                  + c.getInitialMargin() + ": withdrawal refused");
        }
      }
      return null;
    });
  }

  /** The result of an attempt; result null when the account changed since the margin check. */
  private record Applied(CollateralTransferResult result) {
  }

  private Uni<Applied> apply(String tenant, Transfer t, String direction, long expectedVersion) {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return accounts.lockForTenant(tenant, t.accountId())
        .map(a -> AccountService.requireFound(a, t.accountId()))
        .flatMap(account -> transfers.find(account.id, t.transferId()).flatMap(existing -> {
          if (existing != null) {
            boolean same = existing.direction.equals(direction) && existing.asset.equals(t.asset().symbol())
                && existing.amount.compareTo(t.amount()) == 0;
            if (!same) {
              throw new InvalidInputException(InputError.of(ErrorKind.ALREADY_EXISTS, "transfer_id", t.transferId(),
                  "was already used for a " + existing.direction.toLowerCase(java.util.Locale.ROOT) + " of "
                      + existing.amount.toPlainString() + " " + existing.asset));
            }
            return Uni.createFrom().item(new Applied(result(existing, true)));
          }
          if (expectedVersion >= 0 && account.version != expectedVersion) {
            return Uni.createFrom().item(new Applied(null));
          }
          BigDecimal signed = direction.equals(DEPOSIT) ? t.amount() : t.amount().negate();
          return collateral.balance(account.id, t.asset().symbol()).flatMap(b -> {
            CollateralBalanceEntity balance = b;
            Uni<Void> save = Uni.createFrom().voidItem();
            if (balance == null) {
              balance = new CollateralBalanceEntity();
              balance.accountId = account.id;
              balance.asset = t.asset().symbol();
              balance.amount = BigDecimal.ZERO;
              balance.updatedAt = now;
              CollateralBalanceEntity created = balance;
              save = collateral.persist(created).replaceWithVoid();
            }
            BigDecimal after = balance.amount.add(signed);
            if (after.signum() < 0 && direction.equals(WITHDRAWAL)) {
              throw InvalidInputException.failedPrecondition("amount", t.amount().toPlainString(),
                  "exceeds the " + t.asset() + " balance " + balance.amount.toPlainString());
            }
            balance.amount = after;
            balance.updatedAt = now;
            account.version++;
            CollateralTransferEntity e = new CollateralTransferEntity();
            e.accountId = account.id;
            e.transferId = t.transferId();
            e.direction = direction;
            e.asset = t.asset().symbol();
            e.amount = t.amount();
            e.balanceAfter = after;
            e.appliedAt = now;
            return save.flatMap(v -> transfers.persist(e)).map(saved -> new Applied(result(saved, false)));
          });
        }));
  }

  private static Transfer validate(CollateralTransferRequest r) {
    UUID accountId = RequestChecks.accountId("account_id", r.getAccountId());
    String transferId = RequestChecks.clientId("transfer_id", r.getTransferId());
    Asset asset;
    try {
      asset = Asset.of(r.getAsset());
    } catch (InvalidInputException ex) {
      throw ex.withField("asset");
    }
    Checks.positive("amount", r.getAmount());
    if (r.getAmount() > MAX_AMOUNT) {
      throw InvalidInputException.invalid("amount", Checks.format(r.getAmount()), "must be <= 1e12");
    }
    return new Transfer(accountId, transferId, asset, PositionAccounting.decimal(r.getAmount()));
  }

  private static CollateralTransferResult result(CollateralTransferEntity e, boolean replayed) {
    return CollateralTransferResult.newBuilder()
        .setTransferId(e.transferId)
        .setReplayed(replayed)
        .setBalanceAfter(AccountMapper.amount(e.asset, e.balanceAfter))
        .setAppliedAt(ProtoTimes.toProto(e.appliedAt))
        .build();
  }
}
