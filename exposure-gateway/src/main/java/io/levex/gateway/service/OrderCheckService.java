package io.levex.gateway.service;

import io.levex.api.convert.InstrumentMapper;
import io.levex.api.v1.CheckOrderRequest;
import io.levex.api.v1.CheckOrderResponse;
import io.levex.api.v1.CurrencyMargin;
import io.levex.api.v1.MarginResponse;
import io.levex.api.v1.MarginStatus;
import io.levex.api.v1.Order;
import io.levex.api.v1.RejectionReason;
import io.levex.api.v1.WhatIfRequest;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.position.PositionAccounting;
import io.levex.core.product.Instrument;
import io.levex.gateway.client.MarginClient;
import io.levex.gateway.mapping.ExposureMapper;
import io.levex.gateway.mapping.RequestChecks;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Pre-trade checks: margin and status after a proposed order (margin-service what-if with the current marks);
 * rejected with every reason when the order would leave a currency below its initial margin or push the account
 * into reduce-only or liquidation. Risk limits join the check with issue #5.
 */
@ApplicationScoped
public class OrderCheckService {

  private final BookService books;
  private final RiskService risk;
  private final MarginClient margin;

  /**
   * Creates the service.
   *
   * @param books  the book reader
   * @param risk  marks
   * @param margin  the margin client
   */
  public OrderCheckService(BookService books, RiskService risk, MarginClient margin) {
    this.books = books;
    this.risk = risk;
    this.margin = margin;
  }

  /**
   * Checks an order.
   *
   * @param tenant  the tenant
   * @param request  the request
   * @return accept or reject, with reasons and margin before and after
   */
  @WithSpan("OrderCheckService.check")
  public Uni<CheckOrderResponse> check(String tenant, CheckOrderRequest request) {
    return Uni.createFrom().item(() -> new Checked(RequestChecks.accountId("account_id", request.getAccountId()),
        validateOrder(request.getOrder()))).flatMap(checked -> {
      UUID accountId = checked.accountId();
      Instrument instrument = checked.instrument();
      Instant now = Instant.now();
      return books.read(tenant, accountId).flatMap(book -> {
        List<String> names = new ArrayList<>(book.positions().stream().map(p -> p.instrument).toList());
        names.add(instrument.name());
        return risk.marks(names, now).flatMap(marks -> {
          if (!marks.errors().isEmpty()) {
            var first = marks.errors().entrySet().iterator().next();
            String field = first.getKey().equals(instrument.name()) ? "order.instrument" : "account_id";
            throw InvalidInputException.failedPrecondition(field, first.getKey(),
                "has no mark, so the order cannot be checked: " + first.getValue().message() + " (source: pricing-service)");
          }
          Order order = request.getOrder().toBuilder()
              .setInstrument(io.levex.api.v1.InstrumentRef.newBuilder().setName(instrument.name()))
              .build();
          WhatIfRequest whatIf = WhatIfRequest.newBuilder()
              .setMargin(RiskService.marginRequest(book, book.balances(), marks.marks().values(), now))
              .setOrder(order)
              .build();
          return margin.whatIf(whatIf).map(r -> decide(r.getBefore(), r.getAfter()));
        });
      });
    });
  }

  /** A validated request. */
  private record Checked(UUID accountId, Instrument instrument) {
  }

  private static Instrument validateOrder(Order order) {
    Instrument instrument = InstrumentMapper.fromProto(order.getInstrument(), "order.instrument");
    if (instrument.isExpiredAt(Instant.now())) {
      throw InvalidInputException.invalid("order.instrument", instrument.name(), "has expired");
    }
    try {
      PositionAccounting.validateFill(order.getSize(), order.hasPrice() ? order.getPrice() : 1.0, 0.0);
    } catch (InvalidInputException ex) {
      throw ex.withFieldPrefix("order");
    }
    if (order.hasPrice()) {
      Checks.positive("order.price", order.getPrice());
    }
    return instrument;
  }

  private static CheckOrderResponse decide(MarginResponse before, MarginResponse after) {
    List<RejectionReason> reasons = new ArrayList<>();
    for (CurrencyMargin c : after.getCurrenciesList()) {
      if (c.getAvailableFunds() < 0) {
        reasons.add(RejectionReason.newBuilder()
            .setCode("MARGIN_INSUFFICIENT")
            .setObserved(c.getMarginBalance())
            .setLimit(c.getInitialMargin())
            .setMessage(c.getCurrency() + " margin balance " + c.getMarginBalance() + " would be below its initial margin "
                + c.getInitialMargin() + " after the order")
            .build());
      }
    }
    MarginStatus status = after.getStatus();
    boolean worse = status.getNumber() > before.getStatus().getNumber();
    if (worse && (status == MarginStatus.MARGIN_STATUS_REDUCE_ONLY || status == MarginStatus.MARGIN_STATUS_LIQUIDATION)) {
      reasons.add(RejectionReason.newBuilder()
          .setCode("STATUS_" + status.name().replace("MARGIN_STATUS_", ""))
          .setMessage("the account would move from " + before.getStatus().name() + " to " + status.name())
          .build());
    }
    return CheckOrderResponse.newBuilder()
        .setAccepted(reasons.isEmpty())
        .addAllReasons(reasons)
        .setMarginBefore(ExposureMapper.summary(before))
        .setMarginAfter(ExposureMapper.summary(after))
        .build();
  }
}
