package io.levex.gateway.service;

import io.levex.api.v1.Account;
import io.levex.api.v1.MarginModel;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import io.levex.gateway.mapping.AccountMapper;
import io.levex.gateway.repository.AccountEntity;
import io.levex.gateway.repository.AccountRepository;
import io.levex.gateway.repository.CollateralRepository;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accounts: creation (idempotent by request id), lookup and listing, always within one tenant.
 */
@ApplicationScoped
public class AccountService {

  private final AccountRepository accounts;
  private final CollateralRepository collateral;

  /**
   * Creates the service.
   *
   * @param accounts  the account repository
   * @param collateral  the balance repository
   */
  public AccountService(AccountRepository accounts, CollateralRepository collateral) {
    this.accounts = accounts;
    this.collateral = collateral;
  }

  /**
   * Creates an account, or returns the one a previous call with the same request id created.
   *
   * @param tenant  the tenant
   * @param requestId  the client's idempotency id (validated)
   * @param name  the display name (validated)
   * @param model  the margin model
   * @return the account
   */
  @WithSpan("AccountService.create")
  @WithTransaction
  public Uni<Account> create(String tenant, @SpanAttribute("levex.request_id") String requestId, String name, MarginModel model) {
    return accounts.findByRequest(tenant, requestId).flatMap(existing -> {
      if (existing != null) {
        if (!existing.name.equals(name) || !existing.marginModel.equals(model.name())) {
          throw new InvalidInputException(InputError.of(ErrorKind.ALREADY_EXISTS, "request_id", requestId,
              "was already used to create account " + existing.id + " with different content"));
        }
        return collateral.balances(existing.id).map(b -> AccountMapper.toProto(existing, b));
      }
      AccountEntity a = new AccountEntity();
      a.id = UUID.randomUUID();
      a.tenant = tenant;
      a.name = name;
      a.marginModel = model.name();
      a.requestId = requestId;
      a.createdAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      a.version = 0;
      return accounts.persist(a).map(saved -> AccountMapper.toProto(saved, List.of()));
    });
  }

  /**
   * Gets an account with its balances.
   *
   * @param tenant  the tenant
   * @param id  the account id
   * @return the account (NOT_FOUND when unknown or another tenant's)
   */
  @WithSpan("AccountService.get")
  @WithSession
  public Uni<Account> get(String tenant, @SpanAttribute("levex.account_id") UUID id) {
    return accounts.findForTenant(tenant, id)
        .map(a -> requireFound(a, id))
        .flatMap(a -> collateral.balances(a.id).map(b -> AccountMapper.toProto(a, b)));
  }

  /**
   * Lists a tenant's accounts.
   *
   * @param tenant  the tenant
   * @param pageIndex  page, from 0
   * @param pageSize  page size
   * @return the accounts
   */
  @WithSession
  public Uni<List<Account>> list(String tenant, int pageIndex, int pageSize) {
    return accounts.page(tenant, pageIndex, pageSize).flatMap(list -> {
      if (list.isEmpty()) {
        return Uni.createFrom().item(List.<Account>of());
      }
      List<UUID> ids = list.stream().map(a -> a.id).toList();
      // one query for all balances: a reactive session must not run queries concurrently
      return collateral.balances(ids).map(all -> list.stream()
          .map(a -> AccountMapper.toProto(a, all.stream().filter(b -> b.accountId.equals(a.id)).toList()))
          .toList());
    });
  }

  /**
   * Fails with NOT_FOUND when the account is absent.
   *
   * @param a  the account or null
   * @param id  the requested id
   * @return the account
   */
  static AccountEntity requireFound(AccountEntity a, UUID id) {
    if (a == null) {
      throw InvalidInputException.notFound("account_id", id.toString(), "does not name an account of this tenant");
    }
    return a;
  }
}
