package io.levex.gateway.service;

import io.levex.api.convert.GrpcErrors;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.AssetAmount;
import io.levex.api.v1.GetMarketSnapshotRequest;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.MarginModel;
import io.levex.api.v1.MarginRequest;
import io.levex.api.v1.MarginResponse;
import io.levex.api.v1.Mark;
import io.levex.api.v1.Portfolio;
import io.levex.api.v1.PortfolioPosition;
import io.levex.api.v1.PriceInstrumentsRequest;
import io.levex.api.v1.PriceItem;
import io.levex.api.v1.PriceResult;
import io.levex.core.basics.Asset;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import io.levex.gateway.client.MarginClient;
import io.levex.gateway.client.PricingClient;
import io.levex.gateway.repository.PositionEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Market and margin inputs of a book, from pricing-service and margin-service.
 */
@ApplicationScoped
public class RiskService {

  private final PricingClient pricing;
  private final MarginClient margin;

  /**
   * Creates the service.
   *
   * @param pricing  the pricing client
   * @param margin  the margin client
   */
  public RiskService(PricingClient pricing, MarginClient margin) {
    this.pricing = pricing;
    this.margin = margin;
  }

  /**
   * Marks of instruments, in one pricing call.
   *
   * @param marks  the marks by instrument name
   * @param errors  per-instrument errors (missing market data, ...)
   */
  public record Marks(Map<String, Mark> marks, Map<String, InputError> errors) {
  }

  /**
   * Prices instruments at a valuation time.
   *
   * @param instruments  canonical names
   * @param valuation  the valuation instant
   * @return marks and per-instrument errors
   */
  public Uni<Marks> marks(Collection<String> instruments, Instant valuation) {
    if (instruments.isEmpty()) {
      return Uni.createFrom().item(new Marks(Map.of(), Map.of()));
    }
    List<String> names = List.copyOf(new java.util.LinkedHashSet<>(instruments));
    PriceInstrumentsRequest.Builder req = PriceInstrumentsRequest.newBuilder().setValuationTime(ProtoTimes.toProto(valuation));
    names.forEach(n -> req.addItems(PriceItem.newBuilder().setInstrument(InstrumentRef.newBuilder().setName(n))));
    return pricing.price(req.build()).map(r -> {
      Map<String, Mark> marks = new LinkedHashMap<>();
      Map<String, InputError> errors = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        PriceResult pr = r.getResults(i);
        if (pr.hasMark()) {
          marks.put(names.get(i), pr.getMark());
        } else {
          errors.put(names.get(i), GrpcErrors.fromItemError(pr.getError()));
        }
      }
      return new Marks(marks, errors);
    });
  }

  /**
   * Index prices and funding rates for an exposure report.
   *
   * @param usdPrices  USD per unit of coin assets (USD stablecoins excluded)
   * @param fundingRates8h  current funding rate per perpetual, decimal per 8 h
   */
  public record MarketContext(Map<Asset, Double> usdPrices, Map<String, Double> fundingRates8h) {
  }

  /**
   * USD prices of coin assets (from the marks' indices, then pricing-service's index prices) and the funding
   * rates of perpetuals.
   *
   * @param assets  assets needing a USD price
   * @param marks  marks already fetched
   * @return the context; assets without a known index are absent
   */
  public Uni<MarketContext> context(Set<Asset> assets, Collection<Mark> marks) {
    Map<Asset, Double> usd = new TreeMap<>();
    marks.forEach(m -> usd.putIfAbsent(Asset.of(m.getInstrument().getSpec().getUnderlying()), m.getIndexPriceUsd()));
    List<Asset> missing = assets.stream().filter(a -> !a.isUsdLike() && !usd.containsKey(a)).toList();
    boolean perps = marks.stream().anyMatch(m -> m.getInstrument().getSpec().getKind() == io.levex.api.v1.InstrumentKind.INSTRUMENT_KIND_PERPETUAL);
    if (missing.isEmpty() && !perps) {
      return Uni.createFrom().item(new MarketContext(usd, Map.of()));
    }
    GetMarketSnapshotRequest.Builder req = GetMarketSnapshotRequest.newBuilder();
    if (!perps) {
      missing.forEach(a -> req.addUnderlyings(a.symbol()));
    }
    return pricing.snapshot(req.build()).map(s -> {
      s.getIndexPricesList().forEach(ix -> usd.putIfAbsent(Asset.of(ix.getUnderlying()), ix.getPriceUsd()));
      Map<String, Double> funding = new TreeMap<>();
      s.getFundingRatesList().forEach(f -> funding.put(f.getInstrument(), f.getRate8H()));
      return new MarketContext(usd, funding);
    });
  }

  /**
   * Margin of a book with the given marks.
   *
   * @param book  the book
   * @param balances  cash to use (the book's or a hypothetical one)
   * @param marks  marks of every position
   * @param valuation  the valuation instant
   * @return the margin
   */
  public Uni<MarginResponse> margin(Book book, Map<Asset, BigDecimal> balances, Collection<Mark> marks, Instant valuation) {
    return margin.margin(marginRequest(book, balances, marks, valuation));
  }

  /**
   * Margin of a book after a change of cash (pricing marks first).
   *
   * @param book  the book
   * @param balances  the cash after the change
   * @return the margin
   */
  public Uni<MarginResponse> marginAfter(Book book, Map<Asset, BigDecimal> balances) {
    Instant now = Instant.now();
    return marks(book.positions().stream().map(p -> p.instrument).toList(), now).flatMap(m -> {
      if (!m.errors().isEmpty()) {
        Map.Entry<String, InputError> first = m.errors().entrySet().iterator().next();
        throw InvalidInputException.failedPrecondition("account_id", book.account().id,
            "cannot be margin-checked: no mark for " + first.getKey() + " (" + first.getValue().message() + ")");
      }
      return margin(book, balances, m.marks().values(), now);
    });
  }

  /**
   * Builds a margin request for a book.
   *
   * @param book  the book
   * @param balances  cash
   * @param marks  marks
   * @param valuation  valuation time
   * @return the request
   */
  public static MarginRequest marginRequest(Book book, Map<Asset, BigDecimal> balances, Collection<Mark> marks, Instant valuation) {
    return MarginRequest.newBuilder()
        .setPortfolio(portfolio(book.positions(), balances))
        .setModel(MarginModel.valueOf(book.account().marginModel))
        .addAllMarks(marks)
        .setValuationTime(ProtoTimes.toProto(valuation))
        .build();
  }

  /**
   * Builds a portfolio message.
   *
   * @param positions  positions
   * @param balances  cash
   * @return the portfolio
   */
  public static Portfolio portfolio(List<PositionEntity> positions, Map<Asset, BigDecimal> balances) {
    Portfolio.Builder p = Portfolio.newBuilder();
    for (PositionEntity e : positions) {
      p.addPositions(PortfolioPosition.newBuilder()
          .setInstrument(InstrumentRef.newBuilder().setName(e.instrument))
          .setSize(e.size.doubleValue())
          .setAveragePrice(e.averagePrice.doubleValue()));
    }
    balances.forEach((a, v) -> p.addCollateral(AssetAmount.newBuilder().setAsset(a.symbol()).setAmount(v.doubleValue())));
    return p.build();
  }
}
