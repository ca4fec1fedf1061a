package io.levex.pricing.service;

import io.levex.api.convert.MarkMapper;
import io.levex.api.v1.Mark;
import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.MarketDataResolver;
import io.levex.core.market.MarketSnapshot;
import io.levex.core.market.PricingInputs;
import io.levex.core.market.PricingOverrides;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import io.levex.pricing.config.PricingConfig;
import io.levex.pricing.mapping.MarketDataMapper;
import io.levex.pricing.repository.MarkCacheRepository;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Values instruments against the current snapshot with risk-core, caches the marks in Redis and publishes them
 * to mark watchers.
 */
@ApplicationScoped
public class MarkService {

  private static final Logger LOG = Logger.getLogger(MarkService.class);

  private final MarketState state;
  private final MarkCacheRepository cache;
  private final PricingConfig config;
  private final VolSurfaceService surfaces;
  private final BroadcastProcessor<Mark> published = BroadcastProcessor.create();

  /**
   * Creates the service.
   *
   * @param state  the market state
   * @param cache  the Redis mark cache
   * @param config  the configuration
   * @param surfaces  the volatility surfaces (the last source of option vols)
   */
  public MarkService(MarketState state, MarkCacheRepository cache, PricingConfig config, VolSurfaceService surfaces) {
    this.state = state;
    this.cache = cache;
    this.config = config;
    this.surfaces = surfaces;
  }

  /**
   * Values one instrument.
   *
   * @param instrument  the instrument
   * @param overrides  explicit inputs ({@link PricingOverrides#NONE} to use the snapshot only)
   * @param valuation  the valuation instant
   * @return the valuation
   * @throws InvalidInputException when inputs are missing or the instrument has expired
   */
  public Valuation value(Instrument instrument, PricingOverrides overrides, Instant valuation) {
    MarketSnapshot snapshot = state.snapshot();
    PricingInputs inputs = MarketDataResolver.DEFAULT.resolve(instrument, snapshot, overrides, valuation,
        underlying -> surfaces.lookup(snapshot, underlying));
    return InstrumentPricer.DEFAULT.value(instrument, inputs, valuation);
  }

  /**
   * Converts a valuation to an API mark with the staleness flag.
   *
   * @param valuation  the valuation
   * @return the mark
   */
  public Mark toMark(Valuation valuation) {
    return MarkMapper.toProto(valuation, config.staleAfter().toMillis() / 1000.0);
  }

  /**
   * Caches marks in Redis without waiting (failures are logged by the repository).
   *
   * @param marks  the marks
   */
  @WithSpan("MarkService.cache")
  public void cache(@SpanAttribute("levex.marks") Collection<Mark> marks) {
    cache.save(List.copyOf(marks)).subscribe().with(n -> { }, f -> LOG.warn("mark cache write failed", f));
  }

  /**
   * Re-marks what a market-data update affects, caches and publishes the new marks: the instrument itself for a
   * ticker or funding update; every instrument of the underlying with a ticker for an index or forward update.
   * Instruments that cannot be valued yet (e.g. no vol) are skipped.
   *
   * @param applied  the applied update
   * @return the new marks
   */
  public List<Mark> remark(MarketDataMapper.Applied applied) {
    Instant now = Instant.now();
    MarketSnapshot snapshot = applied.snapshot();
    List<Instrument> affected = new ArrayList<>();
    if (applied.instrument().isPresent()) {
      affected.add(applied.instrument().get());
    } else {
      Asset underlying = applied.underlying();
      for (String name : snapshot.tickers().keySet()) {
        Instrument i = DeribitInstrumentNames.parse(name);
        if (i.underlying().equals(underlying)) {
          affected.add(i);
        }
      }
    }
    List<Mark> marks = new ArrayList<>();
    for (Instrument i : affected) {
      try {
        PricingInputs inputs = MarketDataResolver.DEFAULT.resolve(i, snapshot, PricingOverrides.NONE, now);
        marks.add(toMark(InstrumentPricer.DEFAULT.value(i, inputs, now)));
      } catch (InvalidInputException ex) {
        LOG.debugf("not re-marking %s: %s", i.name(), ex.getMessage());
      }
    }
    if (!marks.isEmpty()) {
      cache(marks);
      marks.forEach(published::onNext);
    }
    return marks;
  }

  /**
   * Gets the hot stream of published marks.
   *
   * @return the stream (no replay)
   */
  public Multi<Mark> published() {
    return published;
  }

  /**
   * Values every instrument with a ticker in the snapshot (for GetMarketSnapshot and WatchMarks' initial
   * state); instruments that cannot be valued are skipped.
   *
   * @param filter  which instruments to include
   * @param valuation  the valuation instant
   * @return the marks by instrument name
   */
  public Map<String, Mark> currentMarks(java.util.function.Predicate<Instrument> filter, Instant valuation) {
    Map<String, Mark> out = new java.util.TreeMap<>();
    MarketSnapshot snapshot = state.snapshot();
    for (String name : snapshot.tickers().keySet()) {
      Instrument i = DeribitInstrumentNames.parse(name);
      if (!filter.test(i)) {
        continue;
      }
      try {
        PricingInputs inputs = MarketDataResolver.DEFAULT.resolve(i, snapshot, PricingOverrides.NONE, valuation);
        out.put(name, toMark(InstrumentPricer.DEFAULT.value(i, inputs, valuation)));
      } catch (InvalidInputException ex) {
        LOG.debugf("no mark for %s: %s", name, ex.getMessage());
      }
    }
    return out;
  }
}
