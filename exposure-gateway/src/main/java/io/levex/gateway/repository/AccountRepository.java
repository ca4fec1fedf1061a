package io.levex.gateway.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/**
 * Accounts. Lookups are scoped to a tenant: another tenant's account reads as absent.
 */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<AccountEntity, UUID> {

  /**
   * Finds an account of a tenant.
   *
   * @param tenant  the tenant
   * @param id  the account id
   * @return the account or null
   */
  public Uni<AccountEntity> findForTenant(String tenant, UUID id) {
    return findById(id).map(a -> a != null && a.tenant.equals(tenant) ? a : null);
  }

  /**
   * Finds and locks ({@code SELECT ... FOR UPDATE}) an account of a tenant; serialises writes to one account.
   *
   * @param tenant  the tenant
   * @param id  the account id
   * @return the account or null
   */
  public Uni<AccountEntity> lockForTenant(String tenant, UUID id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE).map(a -> a != null && a.tenant.equals(tenant) ? a : null);
  }

  /**
   * Finds the account created by a request id.
   *
   * @param tenant  the tenant
   * @param requestId  the client's idempotency id
   * @return the account or null
   */
  public Uni<AccountEntity> findByRequest(String tenant, String requestId) {
    return find("tenant = ?1 and requestId = ?2", tenant, requestId).firstResult();
  }

  /**
   * Lists a tenant's accounts, oldest first.
   *
   * @param tenant  the tenant
   * @param pageIndex  the page, from 0
   * @param pageSize  the page size
   * @return the page
   */
  public Uni<List<AccountEntity>> page(String tenant, int pageIndex, int pageSize) {
    return find("tenant", Sort.by("createdAt").and("id"), tenant).page(Page.of(pageIndex, pageSize)).list();
  }
}
