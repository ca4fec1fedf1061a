package io.levex.gateway.service;

import io.levex.api.convert.GrpcErrors;
import io.levex.api.convert.MarkMapper;
import io.levex.api.v1.ErrorCode;
import io.levex.api.v1.ExposureReport;
import io.levex.api.v1.ItemError;
import io.levex.api.v1.Mark;
import io.levex.api.v1.MarginResponse;
import io.levex.api.v1.Position;
import io.levex.core.basics.Asset;
import io.levex.core.collect.InputError;
import io.levex.core.product.Instrument;
import io.levex.core.risk.ExposureCalculator;
import io.levex.core.risk.ValuedPosition;
import io.levex.gateway.config.GatewayConfig;
import io.levex.gateway.mapping.AccountMapper;
import io.levex.gateway.mapping.ExposureMapper;
import io.levex.gateway.repository.PositionEntity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Exposure reports: the book from PostgreSQL, marks from pricing-service, margin from margin-service (with the
 * same marks), aggregation by risk-core.
 * <p>
 * A position without a mark, a coin balance without an index, or an unavailable margin-service does not fail the
 * report: each is listed in {@code warnings}, naming its source, and left out of the totals it would corrupt.
 */
@ApplicationScoped
public class ExposureService {

  private final BookService books;
  private final RiskService risk;
  private final GatewayConfig config;

  /**
   * Creates the service.
   *
   * @param books  the book reader
   * @param risk  marks and margin
   * @param config  the configuration
   */
  public ExposureService(BookService books, RiskService risk, GatewayConfig config) {
    this.books = books;
    this.risk = risk;
    this.config = config;
  }

  /**
   * Builds the exposure report of an account.
   *
   * @param tenant  the tenant
   * @param accountId  the account
   * @return the report
   */
  @WithSpan("ExposureService.exposure")
  public Uni<ExposureReport> exposure(String tenant, @SpanAttribute("levex.account_id") UUID accountId) {
    Instant now = Instant.now();
    return books.read(tenant, accountId).flatMap(book -> {
      Span.current().setAttribute("levex.positions", book.positions().size());
      List<String> names = book.positions().stream().map(p -> p.instrument).toList();
      return risk.marks(names, now).flatMap(marks -> risk.context(book.balances().keySet(), marks.marks().values())
          .flatMap(context -> margin(book, marks, now).map(margin -> report(book, marks, context, margin, now))));
    });
  }

  /** The margin of a report, or why there is none (both null: nothing to margin). */
  private record MarginOutcome(MarginResponse margin, ItemError warning) {
  }

  private Uni<MarginOutcome> margin(Book book, RiskService.Marks marks, Instant now) {
    if (!marks.errors().isEmpty()) {
      return Uni.createFrom().item(new MarginOutcome(null, warning(ErrorCode.ERROR_CODE_FAILED_PRECONDITION, "margin", "",
          "margin not computed: " + marks.errors().size() + " position(s) have no mark")));
    }
    if (book.positions().isEmpty() && book.balances().isEmpty()) {
      return Uni.createFrom().item(new MarginOutcome(null, null));
    }
    return risk.margin(book, book.balances(), marks.marks().values(), now)
        .map(m -> new MarginOutcome(m, null))
        .onFailure().recoverWithItem(f -> {
          var status = GrpcErrors.toStatus(f).getStatus();
          ErrorCode code = status.getCode() == io.grpc.Status.Code.UNAVAILABLE ? ErrorCode.ERROR_CODE_UNAVAILABLE : ErrorCode.ERROR_CODE_FAILED_PRECONDITION;
          return new MarginOutcome(null, warning(code, "margin", "", "margin not computed (source: margin-service): " + status.getDescription()));
        });
  }

  private ExposureReport report(Book book, RiskService.Marks marks, RiskService.MarketContext context, MarginOutcome marginOutcome,
      Instant now) {
    List<ItemError> warnings = new ArrayList<>();
    Map<String, Position> positions = new LinkedHashMap<>();
    List<ValuedPosition> valued = new ArrayList<>();
    Map<String, Mark> used = new LinkedHashMap<>();
    for (PositionEntity p : book.positions()) {
      Mark mark = marks.marks().get(p.instrument);
      if (mark == null) {
        InputError e = marks.errors().get(p.instrument);
        warnings.add(warning(ErrorCode.ERROR_CODE_NOT_FOUND, "positions." + p.instrument, p.instrument,
            "position left out: " + (e == null ? "no mark" : e.message()) + " (source: pricing-service)"));
        continue;
      }
      positions.put(p.instrument, AccountMapper.toProto(p));
      used.put(p.instrument, mark);
      Instrument instrument = io.levex.api.convert.InstrumentMapper.parseName(p.instrument);
      valued.add(new ValuedPosition(instrument, p.size.doubleValue(), p.averagePrice.doubleValue(), p.faceUsd.doubleValue(),
          MarkMapper.fromProto(mark)));
    }
    Map<Asset, Double> balances = new TreeMap<>();
    book.balances().forEach((a, v) -> {
      if (a.isUsdLike() || context.usdPrices().containsKey(a)) {
        balances.put(a, v.doubleValue());
      } else {
        warnings.add(warning(ErrorCode.ERROR_CODE_NOT_FOUND, "balances." + a, a.symbol(),
            "balance left out of USD totals: no index price for " + a + " (source: pricing-service)"));
      }
    });
    if (marginOutcome.warning() != null) {
      warnings.add(marginOutcome.warning());
    }
    MarginResponse margin = marginOutcome.margin();
    io.levex.core.risk.ExposureReport core = ExposureCalculator.DEFAULT.compute(now, valued, balances, context.usdPrices(),
        context.fundingRates8h(), config.staleAfter().toMillis() / 1000.0);
    return ExposureMapper.toProto(book.account().id.toString(), core, positions, used, balances, margin, warnings);
  }

  private static ItemError warning(ErrorCode code, String field, String value, String message) {
    return ItemError.newBuilder().setCode(code).setField(field).setValue(value).setMessage(message).build();
  }
}
