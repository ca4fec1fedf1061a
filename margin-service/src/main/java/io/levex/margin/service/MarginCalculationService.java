package io.levex.margin.service;

import io.grpc.Status;
import io.levex.api.convert.GrpcErrors;
import io.levex.api.convert.MarkMapper;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.GetMarketSnapshotRequest;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.LiquidationRequest;
import io.levex.api.v1.LiquidationResponse;
import io.levex.api.v1.MarginModel;
import io.levex.api.v1.MarginRequest;
import io.levex.api.v1.Mark;
import io.levex.api.v1.PriceInstrumentsRequest;
import io.levex.api.v1.PriceItem;
import io.levex.api.v1.PriceResult;
import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginAccount;
import io.levex.core.margin.MarginCalculator;
import io.levex.core.margin.MarginParameterSets;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.MarginPosition;
import io.levex.core.margin.MarginResult;
import io.levex.core.margin.StandardMarginCalculator;
import io.levex.core.margin.liquidation.LiquidationAnalyzer;
import io.levex.core.margin.liquidation.MarginView;
import io.levex.core.margin.liquidation.ModelMarginShift;
import io.levex.core.margin.liquidation.UnderlyingLiquidation;
import io.levex.core.margin.portfolio.DeribitPortfolioMarginCalculator;
import io.levex.core.margin.span.SpanMarginCalculator;
import io.levex.core.position.PositionAccounting;
import io.levex.core.position.PositionState;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.Instrument;
import io.levex.core.scenario.ScenarioEngine;
import io.levex.margin.client.PricingClient;
import io.levex.margin.config.MarginConfig;
import io.levex.margin.mapping.LiquidationMapper;
import io.levex.margin.mapping.PortfolioMapper;
import io.levex.margin.mapping.PortfolioMapper.ParsedOrder;
import io.levex.margin.mapping.PortfolioMapper.ParsedPortfolio;
import io.levex.margin.mapping.PortfolioMapper.ParsedPosition;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes margin for portfolios: validates the request, gathers marks (from the request when given, so that a
 * caller gets margin consistent with the marks it holds, else from pricing-service), and runs the risk-core model
 * through {@link MarginCalculator} (standard or portfolio margin; SPAN: {@link #coreModel}); liquidation analysis
 * with risk-core's {@link LiquidationAnalyzer} over {@link ModelMarginShift}.
 */
@ApplicationScoped
public class MarginCalculationService {

  private final PricingClient pricing;
  private final MarginConfig config;

  /**
   * Creates the service.
   *
   * @param pricing  the pricing client
   * @param config  the configuration
   */
  public MarginCalculationService(PricingClient pricing, MarginConfig config) {
    this.pricing = pricing;
    this.config = config;
  }

  /**
   * A computed margin with the inputs it used.
   *
   * @param result  the margin
   * @param model  the model
   * @param valuation  the valuation instant
   */
  public record Computed(MarginResult result, MarginModel model, Instant valuation) {
  }

  /**
   * Computes the margin of a request.
   *
   * @param request  the request
   * @return the margin
   */
  @WithSpan("MarginCalculationService.margin")
  public Uni<Computed> margin(MarginRequest request) {
    return Uni.createFrom().item(() -> prepare(request, "", null))
        .flatMap(p -> withMarks(p).map(this::compute));
  }

  /**
   * Computes margin before and after an order.
   *
   * @param request  the margin request (portfolio, model, marks)
   * @param order  the order
   * @return before and after
   */
  @WithSpan("MarginCalculationService.whatIf")
  public Uni<Computed[]> whatIf(MarginRequest request, io.levex.api.v1.Order order) {
    return Uni.createFrom().item(() -> {
      ParsedOrder parsed = PortfolioMapper.parse(order, "order");
      return prepare(request, "margin.", parsed);
    }).flatMap(p -> withMarks(p).map(ready -> {
      Computed before = compute(ready);
      Prepared after = ready.withOrderApplied();
      return new Computed[] {before, compute(after)};
    }));
  }

  // ------------------------------------------------------------------

  /**
   * The risk-core model of an API model.
   * <p>
   * @param model  the API model (UNSPECIFIED = standard)
   * @param field  the request field, for errors
   * @return the risk-core model name
   */
  static String coreModel(MarginModel model, String field) {
    return switch (model) {
      case MARGIN_MODEL_UNSPECIFIED, MARGIN_MODEL_STANDARD -> StandardMarginCalculator.MODEL;
      case MARGIN_MODEL_PORTFOLIO -> DeribitPortfolioMarginCalculator.MODEL;
      case MARGIN_MODEL_SPAN -> SpanMarginCalculator.MODEL;
      case UNRECOGNIZED -> throw InvalidInputException.invalid(field, model.getNumber(),
          "is not a margin model (known: MARGIN_MODEL_STANDARD, MARGIN_MODEL_PORTFOLIO, MARGIN_MODEL_SPAN)");
    };
  }

  private Prepared prepare(MarginRequest request, String prefix, ParsedOrder order) {
    MarginModel model = request.getModel() == MarginModel.MARGIN_MODEL_UNSPECIFIED ? MarginModel.MARGIN_MODEL_STANDARD : request.getModel();
    String coreModel = coreModel(request.getModel(), prefix + "model");
    MarginParameters params;
    try {
      params = request.getParameterSet().isBlank()
          ? MarginParameterSets.current(coreModel)
          : MarginParameterSets.named(request.getParameterSet());
    } catch (InvalidInputException ex) {
      throw ex.withField(prefix + "parameter_set");
    }
    if (!params.model().equals(coreModel)) {
      throw InvalidInputException.invalid(prefix + "parameter_set", request.getParameterSet(),
          "is a " + params.model() + " set, not a " + coreModel + " set (model " + model.name() + ")");
    }
    try {
      params = params.withOverrides(request.getParameterOverridesMap());
    } catch (InvalidInputException ex) {
      throw ex.withFieldPrefix(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
    }
    ParsedPortfolio portfolio = PortfolioMapper.parse(request.getPortfolio(), prefix + "portfolio", config.maxPositions());
    Instant valuation = request.hasValuationTime() ? ProtoTimes.toInstant(request.getValuationTime()) : Instant.now();
    Map<Asset, Double> openOrders = addOns(request.getOpenOrdersMarginMap(), prefix + "open_orders_margin");
    Map<Asset, Double> mmp = addOns(request.getMmpMarginMap(), prefix + "mmp_margin");
    return new Prepared(portfolio, order, params, model, valuation, request.getMarksList(), prefix, Map.of(), Map.of(),
        openOrders, mmp);
  }

  /** Parses an IM add-on map: currency symbol -> amount >= 0 (the facade checks the currency is held). */
  private static Map<Asset, Double> addOns(Map<String, Double> in, String field) {
    Map<Asset, Double> out = new TreeMap<>();
    for (Map.Entry<String, Double> e : in.entrySet()) {
      String f = field + "[" + e.getKey() + "]";
      Asset asset;
      try {
        asset = Asset.of(e.getKey());
      } catch (InvalidInputException ex) {
        throw ex.withField(f);
      }
      Checks.nonNegative(f, e.getValue());
      out.merge(asset, e.getValue(), Double::sum);
    }
    return out;
  }

  private Uni<Prepared> withMarks(Prepared p) {
    Map<String, Instrument> needed = new LinkedHashMap<>();
    p.portfolio().positions().forEach(pos -> needed.putIfAbsent(pos.instrument().name(), pos.instrument()));
    if (p.order() != null) {
      needed.putIfAbsent(p.order().instrument().name(), p.order().instrument());
    }
    Uni<Map<String, Valuation>> marks = p.givenMarks().isEmpty() ? fetchMarks(p, needed) : Uni.createFrom().item(() -> givenMarks(p, needed));
    return marks.flatMap(m -> usdPrices(p, m).map(usd -> p.with(m, usd)));
  }

  private Map<String, Valuation> givenMarks(Prepared p, Map<String, Instrument> needed) {
    Map<String, Valuation> byName = new HashMap<>();
    for (int i = 0; i < p.givenMarks().size(); i++) {
      Mark m = p.givenMarks().get(i);
      try {
        Valuation v = MarkMapper.fromProto(m);
        byName.put(v.instrument().name(), v);
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix(p.prefix() + "marks[" + i + "].instrument.spec");
      }
    }
    for (ParsedPosition pos : p.portfolio().positions()) {
      if (!byName.containsKey(pos.instrument().name())) {
        throw InvalidInputException.failedPrecondition(p.prefix() + "portfolio.positions[" + pos.index() + "].instrument",
            pos.instrument().name(), "has no mark among the request's marks (give every position a mark, or none)");
      }
    }
    if (p.order() != null && !byName.containsKey(p.order().instrument().name())) {
      throw InvalidInputException.failedPrecondition("order.instrument", p.order().instrument().name(),
          "has no mark among the request's marks");
    }
    return byName;
  }

  private Uni<Map<String, Valuation>> fetchMarks(Prepared p, Map<String, Instrument> needed) {
    if (needed.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    List<String> names = new ArrayList<>(needed.keySet());
    PriceInstrumentsRequest.Builder req = PriceInstrumentsRequest.newBuilder().setValuationTime(ProtoTimes.toProto(p.valuation()));
    names.forEach(n -> req.addItems(PriceItem.newBuilder().setInstrument(InstrumentRef.newBuilder().setName(n))));
    return pricing.price(req.build()).map(response -> {
      Map<String, Valuation> out = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        PriceResult r = response.getResults(i);
        if (r.hasError()) {
          throw new InvalidInputException(pricingError(p, names.get(i), GrpcErrors.fromItemError(r.getError())));
        }
        out.put(names.get(i), MarkMapper.fromProto(r.getMark()));
      }
      return out;
    });
  }

  private InputError pricingError(Prepared p, String instrument, InputError fromPricing) {
    String field = p.order() != null && p.order().instrument().name().equals(instrument) ? "order.instrument" : null;
    if (field == null) {
      for (ParsedPosition pos : p.portfolio().positions()) {
        if (pos.instrument().name().equals(instrument)) {
          field = p.prefix() + "portfolio.positions[" + pos.index() + "].instrument";
          break;
        }
      }
    }
    String detail = fromPricing.message();
    int firstSpace = detail.indexOf(' ');
    String text = firstSpace < 0 ? detail : detail.substring(firstSpace + 1);
    return new InputError(fromPricing.kind(), field, instrument, field + " " + text + " (source: pricing-service)");
  }

  private Uni<Map<Asset, Double>> usdPrices(Prepared p, Map<String, Valuation> marks) {
    Map<Asset, Double> usd = new TreeMap<>();
    marks.values().forEach(v -> usd.putIfAbsent(v.instrument().underlying(), v.indexUsd()));
    List<Asset> missing = p.portfolio().collateral().keySet().stream()
        .filter(a -> !a.isUsdLike() && !usd.containsKey(a)).toList();
    if (missing.isEmpty()) {
      return Uni.createFrom().item(usd);
    }
    GetMarketSnapshotRequest.Builder req = GetMarketSnapshotRequest.newBuilder();
    missing.forEach(a -> req.addUnderlyings(a.symbol()));
    return pricing.snapshot(req.build()).map(snap -> {
      snap.getIndexPricesList().forEach(ix -> usd.put(Asset.of(ix.getUnderlying()), ix.getPriceUsd()));
      for (Asset a : missing) {
        if (!usd.containsKey(a)) {
          throw InvalidInputException.notFound(p.prefix() + "portfolio.collateral", a.symbol(),
              "holds an asset with no index price in pricing-service (publish an index price for it)");
        }
      }
      return usd;
    });
  }

  /**
   * Analyses the liquidation levels of a request's portfolio under its model.
   * <p>
   * Per underlying U of the positions: the view is the segregated one of U's settlement currency when all positions
   * on U settle in one currency (Deribit S:SM / S:PM), else the cross-collateral view in USD. Distances in sigmas use
   * the ATM vol of the book's options on U ({@link ModelMarginShift#atmVol}); NaN without one.
   *
   * @param request  the request
   * @return the response
   */
  @WithSpan("MarginCalculationService.liquidation")
  public Uni<LiquidationResponse> liquidation(LiquidationRequest request) {
    return Uni.createFrom().item(() -> {
      double h = request.getHorizonDays();
      if (h == 0.0) {
        h = 1.0;
      } else if (!(h > 0) || !Double.isFinite(h)) {
        throw InvalidInputException.invalid("horizon_days", Checks.format(h), "must be a finite number of days > 0 (0 = the default, 1 day)");
      }
      double horizon = h;
      Prepared prepared = prepare(request.getMargin(), "margin.", null);
      if (prepared.portfolio().positions().isEmpty()) {
        throw InvalidInputException.invalid("margin.portfolio.positions", "[]",
            "is empty: an account without positions has no liquidation level");
      }
      return new Object[] {prepared, horizon};
    }).flatMap(o -> withMarks((Prepared) o[0]).map(ready -> analyse(ready, (Double) o[1], request.getIncludeSurface())));
  }

  /** Relative index moves of the liquidation surface: -50% ... +50% by 5%. */
  public static final List<Double> SURFACE_MOVES = java.util.stream.IntStream.rangeClosed(-10, 10)
      .mapToObj(i -> i * 0.05).toList();
  /** Vol shifts of the liquidation surface, decimal vol points: -20 ... +40 by 10. */
  public static final List<Double> SURFACE_VOL_SHIFTS = List.of(-0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4);

  private LiquidationResponse analyse(Prepared p, double horizonDays, boolean surface) {
    MarginAccount account = account(p);
    MarginCalculator calculator = MarginCalculator.of(p.params());
    LiquidationResponse.Builder out = LiquidationResponse.newBuilder();
    try {
      for (Asset u : ModelMarginShift.underlyings(account.positions())) {
        Set<Asset> currencies = new TreeSet<>();
        account.positions().stream().filter(x -> x.instrument().underlying().equals(u))
            .forEach(x -> currencies.add(x.instrument().settlementCurrency()));
        MarginView view = currencies.size() == 1 ? MarginView.segregated(currencies.iterator().next()) : MarginView.CROSS;
        ModelMarginShift f = new ModelMarginShift(calculator, account, p.params(), view, ScenarioEngine.DEFAULT);
        OptionalDouble atm = ModelMarginShift.atmVol(account.positions(), u);
        UnderlyingLiquidation r = LiquidationAnalyzer.DEFAULT.analyze(f, u, p.usd().get(u), atm.orElse(1.0), horizonDays);
        out.addUnderlyings(LiquidationMapper.toProto(r, atm.isPresent()));
        if (surface) {
          out.addSurfaces(LiquidationMapper.toProto(LiquidationAnalyzer.DEFAULT.surface(f, u, SURFACE_MOVES, SURFACE_VOL_SHIFTS)));
        }
      }
    } catch (InvalidInputException ex) {
      throw prefixed(p, ex);
    }
    return out.build();
  }

  private static MarginAccount account(Prepared p) {
    List<MarginPosition> positions = new ArrayList<>();
    for (ParsedPosition pos : p.portfolio().positions()) {
      positions.add(new MarginPosition(pos.instrument(), pos.size(), pos.averagePrice(), p.marks().get(pos.instrument().name())));
    }
    return new MarginAccount(positions, p.portfolio().collateral(), p.usd(), p.openOrdersMargin(), p.mmpMargin());
  }

  private static InvalidInputException prefixed(Prepared p, InvalidInputException ex) {
    String field = ex.error().field();
    if (field != null && field.startsWith("positions[")) {
      return ex.withFieldPrefix(p.prefix() + "portfolio");
    }
    if (field != null && !p.prefix().isEmpty() && (field.startsWith("open_orders_margin[") || field.startsWith("mmp_margin["))) {
      return ex.withFieldPrefix(p.prefix().substring(0, p.prefix().length() - 1));
    }
    return ex;
  }

  private Computed compute(Prepared p) {
    try {
      MarginResult result = MarginCalculator.of(p.params()).margin(account(p), p.params());
      return new Computed(result, p.model(), p.valuation());
    } catch (InvalidInputException ex) {
      throw prefixed(p, ex);
    }
  }

  /** A validated request with its marks. */
  private record Prepared(
      ParsedPortfolio portfolio,
      ParsedOrder order,
      MarginParameters params,
      MarginModel model,
      Instant valuation,
      List<Mark> givenMarks,
      String prefix,
      Map<String, Valuation> marks,
      Map<Asset, Double> usd,
      Map<Asset, Double> openOrdersMargin,
      Map<Asset, Double> mmpMargin) {

    Prepared with(Map<String, Valuation> newMarks, Map<Asset, Double> newUsd) {
      return new Prepared(portfolio, order, params, model, valuation, givenMarks, prefix, newMarks, newUsd,
          openOrdersMargin, mmpMargin);
    }

    /** The portfolio after the order fills at its limit price (or the mark). */
    Prepared withOrderApplied() {
      Valuation mark = marks.get(order.instrument().name());
      double price = Double.isNaN(order.price()) ? mark.price() : order.price();
      List<ParsedPosition> positions = new ArrayList<>(portfolio.positions());
      int existing = -1;
      for (int i = 0; i < positions.size(); i++) {
        if (positions.get(i).instrument().name().equals(order.instrument().name())) {
          existing = i;
          break;
        }
      }
      PositionState before = PositionState.FLAT;
      if (existing >= 0) {
        ParsedPosition pos = positions.get(existing);
        BigDecimal size = PositionAccounting.decimal(pos.size());
        BigDecimal avg = PositionAccounting.decimal(pos.averagePrice() > 0 ? pos.averagePrice() : mark.price());
        BigDecimal face = order.instrument().settlement() == io.levex.core.basics.SettlementType.INVERSE ? size.multiply(avg) : BigDecimal.ZERO;
        before = new PositionState(size, avg, BigDecimal.ZERO, face);
      }
      var outcome = PositionAccounting.DEFAULT.apply(order.instrument(), before, PositionAccounting.decimal(order.size()),
          PositionAccounting.decimal(price), BigDecimal.ZERO);
      ParsedPosition after = new ParsedPosition(existing >= 0 ? positions.get(existing).index() : positions.size(),
          order.instrument(), outcome.position().size().doubleValue(), outcome.position().averagePrice().doubleValue());
      if (existing >= 0) {
        positions.set(existing, after);
      } else if (!(order.instrument() instanceof io.levex.core.product.SpotInstrument)) {
        positions.add(after);
      }
      Map<Asset, Double> collateral = new TreeMap<>(portfolio.collateral());
      outcome.cashFlows().forEach(cf -> collateral.merge(cf.asset(), cf.amount().doubleValue(), Double::sum));
      return new Prepared(new ParsedPortfolio(positions, collateral), order, params, model, valuation, givenMarks, prefix,
          marks, usd, openOrdersMargin, mmpMargin);
    }
  }
}
