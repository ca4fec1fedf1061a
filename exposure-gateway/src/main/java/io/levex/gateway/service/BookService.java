package io.levex.gateway.service;

import io.levex.core.basics.Asset;
import io.levex.gateway.repository.AccountRepository;
import io.levex.gateway.repository.CollateralRepository;
import io.levex.gateway.repository.PositionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads books (account, balances, positions) in one session; never calls other services while the session is open.
 */
@ApplicationScoped
public class BookService {

  private final AccountRepository accounts;
  private final CollateralRepository collateral;
  private final PositionRepository positions;

  /**
   * Creates the service.
   *
   * @param accounts  accounts
   * @param collateral  balances
   * @param positions  positions
   */
  public BookService(AccountRepository accounts, CollateralRepository collateral, PositionRepository positions) {
    this.accounts = accounts;
    this.collateral = collateral;
    this.positions = positions;
  }

  /**
   * Reads a book.
   *
   * @param tenant  the tenant
   * @param accountId  the account
   * @return the book (NOT_FOUND when the account is unknown or another tenant's)
   */
  public Uni<Book> read(String tenant, UUID accountId) {
    return Panache.withSession(() -> accounts.findForTenant(tenant, accountId)
        .map(a -> AccountService.requireFound(a, accountId))
        .flatMap(a -> collateral.balances(a.id).flatMap(balances -> positions.positions(a.id, false).map(open -> {
          Map<Asset, BigDecimal> cash = new TreeMap<>();
          balances.forEach(b -> cash.put(Asset.of(b.asset), b.amount));
          return new Book(a, cash, open);
        }))));
  }
}
