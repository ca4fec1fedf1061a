package io.levex.gateway.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Applied fills and their cash flows.
 */
@ApplicationScoped
public class FillRepository implements PanacheRepositoryBase<FillEntity, Long> {

  /**
   * Finds a fill by the client's id.
   *
   * @param accountId  the account
   * @param fillId  the client's idempotency id
   * @return the fill or null
   */
  public Uni<FillEntity> find(UUID accountId, String fillId) {
    return find("accountId = ?1 and fillId = ?2", accountId, fillId).firstResult();
  }

  /**
   * Lists the cash flows of a fill.
   *
   * @param fillPk  the fill's surrogate key
   * @return the cash flows, in insertion order
   */
  public Uni<List<FillCashFlowEntity>> cashFlows(Long fillPk) {
    return FillCashFlowEntity.<FillCashFlowEntity>find("fillPk", Sort.by("id"), fillPk).list();
  }
}
