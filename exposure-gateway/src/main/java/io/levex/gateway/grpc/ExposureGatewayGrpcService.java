package io.levex.gateway.grpc;

import io.grpc.Status;
import io.levex.api.convert.GrpcErrors;
import io.levex.api.v1.Account;
import io.levex.api.v1.Alert;
import io.levex.api.v1.ApplyFillsRequest;
import io.levex.api.v1.ApplyFillsResponse;
import io.levex.api.v1.CheckOrderRequest;
import io.levex.api.v1.CheckOrderResponse;
import io.levex.api.v1.CollateralTransferRequest;
import io.levex.api.v1.CollateralTransferResult;
import io.levex.api.v1.CreateAccountRequest;
import io.levex.api.v1.ExposureGateway;
import io.levex.api.v1.ExposureReport;
import io.levex.api.v1.Fill;
import io.levex.api.v1.FillItemResult;
import io.levex.api.v1.FillResult;
import io.levex.api.v1.GetAccountRequest;
import io.levex.api.v1.GetExposureRequest;
import io.levex.api.v1.GetRiskLimitsRequest;
import io.levex.api.v1.ListAccountsRequest;
import io.levex.api.v1.ListAccountsResponse;
import io.levex.api.v1.ListBreachesRequest;
import io.levex.api.v1.ListBreachesResponse;
import io.levex.api.v1.ListPositionsRequest;
import io.levex.api.v1.ListPositionsResponse;
import io.levex.api.v1.MarginModel;
import io.levex.api.v1.RiskLimits;
import io.levex.api.v1.WatchAlertsRequest;
import io.levex.api.v1.WatchExposureRequest;
import io.levex.core.collect.InvalidInputException;
import io.levex.gateway.config.GatewayConfig;
import io.levex.gateway.mapping.RequestChecks;
import io.levex.gateway.service.AccountService;
import io.levex.gateway.service.CollateralService;
import io.levex.gateway.service.ExposureService;
import io.levex.gateway.service.FillService;
import io.levex.gateway.service.OrderCheckService;
import io.levex.gateway.service.PositionService;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * gRPC endpoint of the gateway. Maps requests, resolves the caller's tenant and delegates to the services; every
 * typed input error becomes a status naming the field and the value.
 */
@GrpcService
public class ExposureGatewayGrpcService implements ExposureGateway {

  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAX_PAGE_SIZE = 1000;

  private final AccountService accounts;
  private final CollateralService collateral;
  private final FillService fills;
  private final PositionService positions;
  private final ExposureService exposure;
  private final OrderCheckService orders;
  private final GatewayConfig config;

  /**
   * Creates the endpoint.
   *
   * @param accounts  accounts
   * @param collateral  collateral
   * @param fills  fills
   * @param positions  positions
   * @param exposure  exposure
   * @param orders  pre-trade checks
   * @param config  configuration
   */
  public ExposureGatewayGrpcService(AccountService accounts, CollateralService collateral, FillService fills,
      PositionService positions, ExposureService exposure, OrderCheckService orders, GatewayConfig config) {
    this.accounts = accounts;
    this.collateral = collateral;
    this.fills = fills;
    this.positions = positions;
    this.exposure = exposure;
    this.orders = orders;
    this.config = config;
  }

  @Override
  public Uni<Account> createAccount(CreateAccountRequest request) {
    return call(() -> {
      String requestId = RequestChecks.clientId("request_id", request.getRequestId());
      String name = RequestChecks.name("name", request.getName());
      MarginModel model = request.getMarginModel() == MarginModel.MARGIN_MODEL_UNSPECIFIED
          ? MarginModel.MARGIN_MODEL_STANDARD : request.getMarginModel();
      if (model == MarginModel.UNRECOGNIZED) {
        throw InvalidInputException.invalid("margin_model", request.getMarginModelValue(), "is not a known margin model");
      }
      return accounts.create(tenant(), requestId, name, model);
    });
  }

  @Override
  public Uni<Account> getAccount(GetAccountRequest request) {
    return call(() -> accounts.get(tenant(), RequestChecks.accountId("account_id", request.getAccountId())));
  }

  @Override
  public Uni<ListAccountsResponse> listAccounts(ListAccountsRequest request) {
    return call(() -> {
      int size = request.getPage().getPageSize() == 0 ? DEFAULT_PAGE_SIZE : request.getPage().getPageSize();
      if (size < 0 || size > MAX_PAGE_SIZE) {
        throw InvalidInputException.invalid("page.page_size", size, "must lie in [1, " + MAX_PAGE_SIZE + "]");
      }
      int index = pageIndex(request.getPage().getPageToken());
      return accounts.list(tenant(), index, size).map(list -> ListAccountsResponse.newBuilder()
          .addAllAccounts(list)
          .setNextPageToken(list.size() == size ? Integer.toString(index + 1) : "")
          .build());
    });
  }

  @Override
  public Uni<CollateralTransferResult> depositCollateral(CollateralTransferRequest request) {
    return call(() -> collateral.deposit(tenant(), request));
  }

  @Override
  public Uni<CollateralTransferResult> withdrawCollateral(CollateralTransferRequest request) {
    return call(() -> collateral.withdraw(tenant(), request));
  }

  @Override
  public Uni<FillResult> applyFill(Fill request) {
    return call(() -> fills.apply(tenant(), request));
  }

  @Override
  public Uni<ApplyFillsResponse> applyFills(ApplyFillsRequest request) {
    return call(() -> {
      if (request.getFillsCount() == 0 || request.getFillsCount() > config.maxFillsPerBatch()) {
        throw InvalidInputException.invalid("fills", request.getFillsCount() + " fills",
            "must hold 1 to " + config.maxFillsPerBatch() + " fills");
      }
      String tenant = tenant();
      return Multi.createFrom().range(0, request.getFillsCount())
          .onItem().transformToUniAndConcatenate(i -> fills.apply(tenant, request.getFills(i))
              .map(r -> FillItemResult.newBuilder().setFill(r).build())
              .onFailure().recoverWithUni(f -> itemError(f, "fills[" + i + "]")))
          .collect().asList()
          .map(results -> ApplyFillsResponse.newBuilder().addAllResults(results).build());
    });
  }

  @Override
  public Uni<ListPositionsResponse> listPositions(ListPositionsRequest request) {
    return call(() -> positions.list(tenant(), RequestChecks.accountId("account_id", request.getAccountId()), request.getIncludeClosed())
        .map(list -> ListPositionsResponse.newBuilder().addAllPositions(list).build()));
  }

  @Override
  public Uni<ExposureReport> getExposure(GetExposureRequest request) {
    return call(() -> exposure.exposure(tenant(), RequestChecks.accountId("account_id", request.getAccountId())));
  }

  @Override
  public Multi<ExposureReport> watchExposure(WatchExposureRequest request) {
    return Multi.createFrom().failure(unimplemented("WatchExposure"));
  }

  @Override
  public Uni<CheckOrderResponse> checkOrder(CheckOrderRequest request) {
    return call(() -> orders.check(tenant(), request));
  }

  @Override
  public Uni<RiskLimits> setRiskLimits(RiskLimits request) {
    return Uni.createFrom().failure(unimplemented("SetRiskLimits"));
  }

  @Override
  public Uni<RiskLimits> getRiskLimits(GetRiskLimitsRequest request) {
    return Uni.createFrom().failure(unimplemented("GetRiskLimits"));
  }

  @Override
  public Uni<ListBreachesResponse> listBreaches(ListBreachesRequest request) {
    return Uni.createFrom().failure(unimplemented("ListBreaches"));
  }

  @Override
  public Multi<Alert> watchAlerts(WatchAlertsRequest request) {
    return Multi.createFrom().failure(unimplemented("WatchAlerts"));
  }

  // ------------------------------------------------------------------

  private String tenant() {
    return config.defaultTenant();
  }

  private static <T> Uni<T> call(Supplier<Uni<? extends T>> body) {
    return Uni.createFrom().<T>deferred(body).onFailure().transform(GrpcErrors::toStatus);
  }

  private static Uni<FillItemResult> itemError(Throwable f, String prefix) {
    if (f instanceof InvalidInputException ex) {
      return Uni.createFrom().item(FillItemResult.newBuilder()
          .setError(GrpcErrors.toItemError(ex.withFieldPrefix(prefix).error())).build());
    }
    return Uni.createFrom().failure(f);
  }

  private static int pageIndex(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      int i = Integer.parseInt(token);
      if (i < 0) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException ex) {
      throw InvalidInputException.invalid("page.page_token", token, "is not a token returned by ListAccounts");
    }
  }

  private static RuntimeException unimplemented(String rpc) {
    return Status.UNIMPLEMENTED.withDescription(rpc + " is not implemented yet; it arrives with the exposure-gateway issue (#5)")
        .asRuntimeException();
  }
}
