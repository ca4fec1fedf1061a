package io.levex.gateway.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Cash balances per account and asset.
 */
@ApplicationScoped
public class CollateralRepository implements PanacheRepositoryBase<CollateralBalanceEntity, Long> {

  /**
   * Lists an account's balances, by asset.
   *
   * @param accountId  the account
   * @return the balances
   */
  public Uni<List<CollateralBalanceEntity>> balances(UUID accountId) {
    return find("accountId", Sort.by("asset"), accountId).list();
  }

  /**
   * Finds the balance of one asset.
   *
   * @param accountId  the account
   * @param asset  the asset symbol
   * @return the balance or null
   */
  public Uni<CollateralBalanceEntity> balance(UUID accountId, String asset) {
    return find("accountId = ?1 and asset = ?2", accountId, asset).firstResult();
  }

  /**
   * Lists the balances of several accounts.
   *
   * @param accountIds  the accounts
   * @return the balances, by account and asset
   */
  public Uni<List<CollateralBalanceEntity>> balances(List<UUID> accountIds) {
    return find("accountId in ?1", Sort.by("accountId").and("asset"), accountIds).list();
  }
}
