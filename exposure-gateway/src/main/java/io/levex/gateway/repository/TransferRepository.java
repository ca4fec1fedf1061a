package io.levex.gateway.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Applied deposits and withdrawals.
 */
@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<CollateralTransferEntity, Long> {

  /**
   * Finds a transfer by the client's id.
   *
   * @param accountId  the account
   * @param transferId  the client's idempotency id
   * @return the transfer or null
   */
  public Uni<CollateralTransferEntity> find(UUID accountId, String transferId) {
    return find("accountId = ?1 and transferId = ?2", accountId, transferId).firstResult();
  }
}
