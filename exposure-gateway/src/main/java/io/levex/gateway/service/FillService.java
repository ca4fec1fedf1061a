package io.levex.gateway.service;

import io.levex.api.v1.Fill;
import io.levex.api.v1.FillResult;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.position.CashFlow;
import io.levex.core.position.FillOutcome;
import io.levex.core.position.PositionAccounting;
import io.levex.core.position.PositionState;
import io.levex.core.product.SpotInstrument;
import io.levex.gateway.mapping.FillMapper;
import io.levex.gateway.mapping.FillMapper.ValidFill;
import io.levex.gateway.repository.AccountEntity;
import io.levex.gateway.repository.AccountRepository;
import io.levex.gateway.repository.CollateralBalanceEntity;
import io.levex.gateway.repository.CollateralRepository;
import io.levex.gateway.repository.FillCashFlowEntity;
import io.levex.gateway.repository.FillEntity;
import io.levex.gateway.repository.FillRepository;
import io.levex.gateway.repository.PositionEntity;
import io.levex.gateway.repository.PositionRepository;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies fills: idempotent by fill id, serialised per account by a row lock on the account, all-or-nothing in one
 * transaction (position, cash balances, the fill and its cash flows).
 */
@ApplicationScoped
public class FillService {

  private final AccountRepository accounts;
  private final PositionRepository positions;
  private final CollateralRepository collateral;
  private final FillRepository fills;

  /**
   * Creates the service.
   *
   * @param accounts  accounts
   * @param positions  positions
   * @param collateral  balances
   * @param fills  fills
   */
  public FillService(AccountRepository accounts, PositionRepository positions, CollateralRepository collateral, FillRepository fills) {
    this.accounts = accounts;
    this.positions = positions;
    this.collateral = collateral;
    this.fills = fills;
  }

  /**
   * Applies one fill. A retry with the same fill id and content returns the original result (replayed = true) and
   * changes nothing; the same id with different content fails with ALREADY_EXISTS.
   *
   * @param tenant  the tenant
   * @param fill  the fill request
   * @return the result
   */
  @WithSpan("FillService.apply")
  public Uni<FillResult> apply(String tenant, Fill fill) {
    return Uni.createFrom().item(() -> FillMapper.validate(fill, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)))
        .flatMap(valid -> Panache.withTransaction(() -> applyInTransaction(tenant, valid)));
  }

  private Uni<FillResult> applyInTransaction(String tenant, ValidFill fill) {
    return accounts.lockForTenant(tenant, fill.accountId())
        .map(a -> AccountService.requireFound(a, fill.accountId()))
        .flatMap(account -> fills.find(account.id, fill.fillId()).flatMap(existing -> {
          if (existing != null) {
            if (!FillMapper.sameContent(existing, fill)) {
              throw new InvalidInputException(InputError.of(ErrorKind.ALREADY_EXISTS, "fill_id", fill.fillId(),
                  "was already applied to this account with different content (" + existing.instrument + " size "
                      + existing.size.toPlainString() + " at " + existing.price.toPlainString() + ")"));
            }
            return fills.cashFlows(existing.id).map(flows -> FillMapper.toResult(existing, flows, true));
          }
          return applyNew(account, fill);
        }));
  }

  private Uni<FillResult> applyNew(AccountEntity account, ValidFill fill) {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String instrument = fill.instrument().name();
    return positions.position(account.id, instrument).flatMap(current -> {
      PositionState before = current == null
          ? PositionState.FLAT
          : new PositionState(current.size, current.averagePrice, current.realizedPnl, current.faceUsd);
      FillOutcome outcome = PositionAccounting.DEFAULT.apply(fill.instrument(), before, fill.size(), fill.price(), fill.fee());
      PositionState after = outcome.position();
      Uni<Void> savePosition;
      if (fill.instrument() instanceof SpotInstrument) {
        savePosition = Uni.createFrom().voidItem();
      } else if (current == null) {
        PositionEntity p = new PositionEntity();
        p.accountId = account.id;
        p.instrument = instrument;
        copy(after, p, now);
        savePosition = positions.persist(p).replaceWithVoid();
      } else {
        copy(after, current, now);
        savePosition = Uni.createFrom().voidItem();
      }
      account.version++;
      FillEntity f = new FillEntity();
      f.accountId = account.id;
      f.fillId = fill.fillId();
      f.instrument = instrument;
      f.size = fill.size();
      f.price = fill.price();
      f.fee = fill.fee();
      f.tradedAt = fill.tradedAt();
      f.appliedAt = now;
      f.sizeAfter = after.size();
      f.averagePriceAfter = after.averagePrice();
      f.realizedPnlAfter = after.realizedPnl();
      f.faceUsdAfter = after.faceUsd();
      return savePosition
          .flatMap(v -> applyCashFlows(account.id, outcome.cashFlows(), now))
          .flatMap(v -> fills.persist(f))
          .flatMap(saved -> persistFlows(saved, outcome.cashFlows()).map(flows -> FillMapper.toResult(saved, flows, false)));
    });
  }

  /**
   * Adds cash flows to an account's balances, one asset after the other (a reactive session runs one query at a
   * time).
   *
   * @param accountId  the account
   * @param flows  the cash flows
   * @param now  the update time
   * @return completion
   */
  Uni<Void> applyCashFlows(UUID accountId, List<CashFlow> flows, Instant now) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (CashFlow flow : flows) {
      chain = chain.flatMap(v -> addToBalance(accountId, flow.asset().symbol(), flow.amount(), now));
    }
    return chain;
  }

  private Uni<Void> addToBalance(UUID accountId, String asset, BigDecimal amount, Instant now) {
    return collateral.balance(accountId, asset).flatMap(b -> {
      if (b == null) {
        CollateralBalanceEntity created = new CollateralBalanceEntity();
        created.accountId = accountId;
        created.asset = asset;
        created.amount = amount;
        created.updatedAt = now;
        return collateral.persist(created).replaceWithVoid();
      }
      b.amount = b.amount.add(amount);
      b.updatedAt = now;
      return Uni.createFrom().voidItem();
    });
  }

  private Uni<List<FillCashFlowEntity>> persistFlows(FillEntity fill, List<CashFlow> flows) {
    List<FillCashFlowEntity> out = new ArrayList<>();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (CashFlow flow : flows) {
      FillCashFlowEntity e = new FillCashFlowEntity();
      e.fillPk = fill.id;
      e.asset = flow.asset().symbol();
      e.amount = flow.amount();
      e.reason = flow.reason();
      out.add(e);
      chain = chain.flatMap(v -> e.persist().replaceWithVoid());
    }
    return chain.replaceWith(out);
  }

  private static void copy(PositionState s, PositionEntity p, Instant now) {
    p.size = s.size();
    p.averagePrice = s.averagePrice();
    p.realizedPnl = s.realizedPnl();
    p.faceUsd = s.faceUsd();
    p.updatedAt = now;
  }
}
