package io.levex.gateway.service;

import io.levex.api.v1.Position;
import io.levex.gateway.mapping.AccountMapper;
import io.levex.gateway.repository.AccountRepository;
import io.levex.gateway.repository.PositionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Position listing.
 */
@ApplicationScoped
public class PositionService {

  private final AccountRepository accounts;
  private final PositionRepository positions;

  /**
   * Creates the service.
   *
   * @param accounts  accounts
   * @param positions  positions
   */
  public PositionService(AccountRepository accounts, PositionRepository positions) {
    this.accounts = accounts;
    this.positions = positions;
  }

  /**
   * Lists an account's positions.
   *
   * @param tenant  the tenant
   * @param accountId  the account
   * @param includeClosed  whether to include flat positions
   * @return the positions, by instrument
   */
  public Uni<List<Position>> list(String tenant, UUID accountId, boolean includeClosed) {
    return Panache.withSession(() -> accounts.findForTenant(tenant, accountId)
        .map(a -> AccountService.requireFound(a, accountId))
        .flatMap(a -> positions.positions(a.id, includeClosed))
        .map(list -> list.stream().map(AccountMapper::toProto).toList()));
  }
}
