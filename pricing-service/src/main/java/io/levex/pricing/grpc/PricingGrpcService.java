package io.levex.pricing.grpc;

import io.grpc.Status;
import io.levex.api.convert.GrpcErrors;
import io.levex.api.convert.InstrumentMapper;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.ComputeImpliedVolsRequest;
import io.levex.api.v1.ComputeImpliedVolsResponse;
import io.levex.api.v1.ForwardPoint;
import io.levex.api.v1.GetMarketSnapshotRequest;
import io.levex.api.v1.GetVolSurfaceRequest;
import io.levex.api.v1.ImpliedVolItem;
import io.levex.api.v1.ImpliedVolResult;
import io.levex.api.v1.IndexPrice;
import io.levex.api.v1.Mark;
import io.levex.api.v1.MarkUpdate;
import io.levex.api.v1.MarketDataUpdate;
import io.levex.api.v1.MarketSnapshot;
import io.levex.api.v1.PriceInstrumentsRequest;
import io.levex.api.v1.PriceInstrumentsResponse;
import io.levex.api.v1.PriceItem;
import io.levex.api.v1.PriceResult;
import io.levex.api.v1.PricingService;
import io.levex.api.v1.PublishMarketDataSummary;
import io.levex.api.v1.RejectedUpdate;
import io.levex.api.v1.VolSurface;
import io.levex.api.v1.WatchMarksRequest;
import io.levex.core.basics.Asset;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.ImpliedVolatilitySolver;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.Instrument;
import io.levex.pricing.config.PricingConfig;
import io.levex.pricing.mapping.MarketDataMapper;
import io.levex.pricing.mapping.PricingRequestMapper;
import io.levex.pricing.mapping.VolSurfaceMapper;
import io.levex.pricing.service.MarkService;
import io.levex.pricing.service.MarketState;
import io.levex.pricing.service.VolSurfaceService;
import io.opentelemetry.api.trace.Span;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * gRPC endpoint of pricing-service.
 */
@GrpcService
public class PricingGrpcService implements PricingService {

  private static final Logger LOG = Logger.getLogger(PricingGrpcService.class);
  private static final int MAX_REJECTIONS_REPORTED = 100;

  private final MarkService marks;
  private final MarketState state;
  private final PricingConfig config;
  private final VolSurfaceService surfaces;

  /**
   * Creates the endpoint.
   *
   * @param marks  the mark service
   * @param state  the market state
   * @param config  the configuration
   * @param surfaces  the volatility surfaces
   */
  public PricingGrpcService(MarkService marks, MarketState state, PricingConfig config, VolSurfaceService surfaces) {
    this.marks = marks;
    this.state = state;
    this.config = config;
    this.surfaces = surfaces;
  }

  @Override
  public Uni<PriceInstrumentsResponse> priceInstruments(PriceInstrumentsRequest request) {
    return Uni.createFrom().item(() -> {
      checkBatch(request.getItemsCount());
      Instant valuation = request.hasValuationTime() ? ProtoTimes.toInstant(request.getValuationTime()) : Instant.now();
      Span.current().setAttribute("levex.items", request.getItemsCount());
      PriceInstrumentsResponse.Builder out = PriceInstrumentsResponse.newBuilder().setValuationTime(ProtoTimes.toProto(valuation));
      List<Mark> toCache = new ArrayList<>();
      for (int i = 0; i < request.getItemsCount(); i++) {
        PriceItem item = request.getItems(i);
        String prefix = "items[" + i + "]";
        try {
          Instrument instrument = InstrumentMapper.fromProto(item.getInstrument(), prefix + ".instrument");
          var overrides = prefixed(prefix, () -> PricingRequestMapper.overrides(item));
          Valuation v = prefixed(prefix, () -> {
            try {
              return marks.value(instrument, overrides, valuation);
            } catch (InvalidInputException ex) {
              // resolver and pricer errors name "instrument": point at the item's instrument field
              throw ex.error().field().equals("instrument") ? ex.withField("instrument") : ex;
            }
          });
          Mark mark = marks.toMark(v);
          out.addResults(PriceResult.newBuilder().setMark(mark));
          if (overrides.equals(io.levex.core.market.PricingOverrides.NONE)) {
            toCache.add(mark);
          }
        } catch (InvalidInputException ex) {
          out.addResults(PriceResult.newBuilder().setError(GrpcErrors.toItemError(ex.error())));
        }
      }
      marks.cache(toCache);
      return out.build();
    }).onFailure().transform(GrpcErrors::toStatus);
  }

  @Override
  public Uni<ComputeImpliedVolsResponse> computeImpliedVols(ComputeImpliedVolsRequest request) {
    return Uni.createFrom().item(() -> {
      checkBatch(request.getItemsCount());
      ComputeImpliedVolsResponse.Builder out = ComputeImpliedVolsResponse.newBuilder();
      for (int i = 0; i < request.getItemsCount(); i++) {
        String prefix = "items[" + i + "]";
        try {
          ImpliedVolItem item = request.getItems(i);
          double iv = prefixed(prefix, () -> impliedVol(item));
          out.addResults(ImpliedVolResult.newBuilder().setImpliedVol(iv));
        } catch (InvalidInputException ex) {
          out.addResults(ImpliedVolResult.newBuilder().setError(GrpcErrors.toItemError(ex.error())));
        }
      }
      return out.build();
    }).onFailure().transform(GrpcErrors::toStatus);
  }

  private static double impliedVol(ImpliedVolItem item) {
    boolean call = switch (item.getOptionType()) {
      case OPTION_TYPE_CALL -> true;
      case OPTION_TYPE_PUT -> false;
      default -> throw InvalidInputException.invalid("option_type", item.getOptionType().name(), "must be CALL or PUT");
    };
    return switch (item.getPriceCase()) {
      case PRICE_USD -> ImpliedVolatilitySolver.DEFAULT.impliedVol(call, item.getForwardUsd(), item.getStrikeUsd(),
          item.getTimeToExpiryYears(), item.getRate(), item.getPriceUsd());
      case PRICE_COIN -> {
        io.levex.core.collect.Checks.nonNegative("price_coin", item.getPriceCoin());
        try {
          yield ImpliedVolatilitySolver.DEFAULT.impliedVol(call, item.getForwardUsd(), item.getStrikeUsd(),
              item.getTimeToExpiryYears(), item.getRate(), item.getPriceCoin() * item.getForwardUsd());
        } catch (InvalidInputException ex) {
          if (!ex.error().field().equals("price_usd")) {
            throw ex;
          }
          InputError e = ex.error();
          throw new InvalidInputException(new InputError(e.kind(), "price_coin", Double.toString(item.getPriceCoin()),
              "price_coin " + item.getPriceCoin() + " (= " + e.value() + " USD at the forward): "
                  + e.message().substring("price_usd ".length())));
        }
      }
      default -> throw InvalidInputException.invalid("price", "", "is required (price_usd or price_coin)");
    };
  }

  @Override
  public Uni<VolSurface> getVolSurface(GetVolSurfaceRequest request) {
    return Uni.createFrom().item(() -> {
      String underlying = request.getUnderlying().trim();
      if (underlying.isEmpty()) {
        throw InvalidInputException.invalid("underlying", request.getUnderlying(), "is required (a coin such as BTC)");
      }
      Asset asset;
      try {
        asset = Asset.of(underlying);
      } catch (InvalidInputException ex) {
        throw ex.withField("underlying");
      }
      return VolSurfaceMapper.toProto(surfaces.surface(asset));
    }).onFailure().transform(GrpcErrors::toStatus);
  }

  @Override
  public Uni<PublishMarketDataSummary> publishMarketData(Multi<MarketDataUpdate> updates) {
    AtomicLong index = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    List<RejectedUpdate> rejections = java.util.Collections.synchronizedList(new ArrayList<>());
    return updates
        .onItem().invoke(update -> {
          long i = index.getAndIncrement();
          try {
            MarketDataMapper.Applied applied = state.apply(update);
            accepted.incrementAndGet();
            marks.remark(applied);
          } catch (InvalidInputException ex) {
            rejected.incrementAndGet();
            if (rejections.size() < MAX_REJECTIONS_REPORTED) {
              rejections.add(RejectedUpdate.newBuilder().setIndex(i).setError(GrpcErrors.toItemError(ex.error())).build());
            }
            LOG.debugf("rejected market-data update #%d: %s", i, ex.getMessage());
          }
        })
        .onItem().ignoreAsUni()
        .map(v -> PublishMarketDataSummary.newBuilder()
            .setAccepted(accepted.get())
            .setRejected(rejected.get())
            .addAllRejections(rejections)
            .setValuationTime(ProtoTimes.toProto(state.snapshot().lastUpdate()))
            .build())
        .onFailure().transform(GrpcErrors::toStatus);
  }

  @Override
  public Multi<MarkUpdate> watchMarks(WatchMarksRequest request) {
    Predicate<Instrument> filter;
    try {
      filter = filter(request.getInstrumentsList(), request.getUnderlyingsList());
    } catch (InvalidInputException ex) {
      return Multi.createFrom().failure(GrpcErrors.toStatus(ex));
    }
    double rate = request.getMaxUpdatesPerSecond() > 0 ? request.getMaxUpdatesPerSecond() : config.watchDefaultRate();
    Duration period = Duration.ofNanos(Math.max(1_000_000L, (long) (1e9 / rate)));
    return Multi.createFrom().emitter(emitter -> {
      Map<String, Mark> pending = new ConcurrentHashMap<>();
      if (request.getSendInitial()) {
        marks.currentMarks(filter, Instant.now()).values().forEach(m -> emitter.emit(MarkUpdate.newBuilder().setMark(m).build()));
      }
      Cancellable source = marks.published()
          .subscribe().with(m -> {
            if (filter.test(InstrumentMapper.fromSpec(m.getInstrument().getSpec()))) {
              pending.put(m.getInstrument().getName(), m);
            }
          });
      Cancellable ticker = Multi.createFrom().ticks().every(period)
          .subscribe().with(t -> {
            for (String name : List.copyOf(pending.keySet())) {
              Mark latest = pending.remove(name);
              if (latest != null) {
                emitter.emit(MarkUpdate.newBuilder().setMark(latest).build());
              }
            }
          });
      emitter.onTermination(() -> {
        source.cancel();
        ticker.cancel();
      });
    });
  }

  @Override
  public Uni<MarketSnapshot> getMarketSnapshot(GetMarketSnapshotRequest request) {
    return Uni.createFrom().item(() -> {
      Set<Asset> underlyings = new HashSet<>();
      for (int i = 0; i < request.getUnderlyingsCount(); i++) {
        try {
          underlyings.add(Asset.of(request.getUnderlyings(i)));
        } catch (InvalidInputException ex) {
          throw ex.withField("underlyings[" + i + "]");
        }
      }
      Predicate<Asset> wanted = a -> underlyings.isEmpty() || underlyings.contains(a);
      var snap = state.snapshot();
      Instant now = Instant.now();
      MarketSnapshot.Builder out = MarketSnapshot.newBuilder().setValuationTime(ProtoTimes.toProto(now));
      snap.indices().values().stream().filter(q -> wanted.test(q.underlying()))
          .sorted(java.util.Comparator.comparing(q -> q.underlying().symbol()))
          .forEach(q -> out.addIndexPrices(IndexPrice.newBuilder().setUnderlying(q.underlying().symbol())
              .setPriceUsd(q.priceUsd()).setTime(ProtoTimes.toProto(q.time()))));
      snap.forwards().forEach((asset, curve) -> {
        if (wanted.test(asset)) {
          curve.values().forEach(f -> out.addForwards(ForwardPoint.newBuilder().setUnderlying(asset.symbol())
              .setExpiry(ProtoTimes.toProto(f.expiry())).setForwardUsd(f.forwardUsd()).setSource("forward quote")
              .setTime(ProtoTimes.toProto(f.time()))));
        }
      });
      snap.fundingRates().values().forEach(f -> out.addFundingRates(io.levex.api.v1.FundingRate.newBuilder()
          .setInstrument(f.instrument()).setRate8H(f.rate8h()).setTime(ProtoTimes.toProto(f.time()))));
      Predicate<Instrument> instrumentFilter = i -> wanted.test(i.underlying());
      int count = (int) snap.tickers().keySet().stream()
          .map(io.levex.core.product.DeribitInstrumentNames::parse).filter(instrumentFilter).count();
      out.setInstrumentCount(count);
      if (request.getIncludeMarks()) {
        out.addAllMarks(marks.currentMarks(instrumentFilter, now).values());
      }
      return out.build();
    }).onFailure().transform(GrpcErrors::toStatus);
  }

  private Predicate<Instrument> filter(List<String> instruments, List<String> underlyings) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < instruments.size(); i++) {
      try {
        names.add(InstrumentMapper.parseName(instruments.get(i)).name());
      } catch (InvalidInputException ex) {
        throw ex.withField("instruments[" + i + "]");
      }
    }
    Set<Asset> assets = new HashSet<>();
    for (int i = 0; i < underlyings.size(); i++) {
      try {
        assets.add(Asset.of(underlyings.get(i)));
      } catch (InvalidInputException ex) {
        throw ex.withField("underlyings[" + i + "]");
      }
    }
    if (names.isEmpty() && assets.isEmpty()) {
      return i -> true;
    }
    return i -> names.contains(i.name()) || assets.contains(i.underlying());
  }

  private void checkBatch(int count) {
    if (count == 0) {
      throw InvalidInputException.invalid("items", "0 items", "must hold at least one item");
    }
    if (count > config.maxBatchSize()) {
      throw InvalidInputException.invalid("items", count + " items", "must hold at most " + config.maxBatchSize() + " items");
    }
  }

  private static <T> T prefixed(String prefix, java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (InvalidInputException ex) {
      throw prefix.isEmpty() ? ex : ex.withFieldPrefix(prefix);
    }
  }
}
