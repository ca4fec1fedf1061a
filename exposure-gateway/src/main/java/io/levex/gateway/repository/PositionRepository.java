package io.levex.gateway.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Positions per account and instrument.
 */
@ApplicationScoped
public class PositionRepository implements PanacheRepositoryBase<PositionEntity, Long> {

  /**
   * Lists an account's positions, by instrument.
   *
   * @param accountId  the account
   * @param includeClosed  whether to include positions of size 0
   * @return the positions
   */
  public Uni<List<PositionEntity>> positions(UUID accountId, boolean includeClosed) {
    return includeClosed
        ? find("accountId", Sort.by("instrument"), accountId).list()
        : find("accountId = ?1 and size <> 0", Sort.by("instrument"), accountId).list();
  }

  /**
   * Finds the position in one instrument.
   *
   * @param accountId  the account
   * @param instrument  the canonical name
   * @return the position or null
   */
  public Uni<PositionEntity> position(UUID accountId, String instrument) {
    return find("accountId = ?1 and instrument = ?2", accountId, instrument).firstResult();
  }
}
