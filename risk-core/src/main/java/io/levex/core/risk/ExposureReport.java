package io.levex.core.risk;

import io.levex.core.basics.Asset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exposure of an account.
 *
 * @param valuationTime  the valuation instant
 * @param positions  per position, in input order
 * @param underlyings  per underlying, sorted by symbol
 * @param totals  over every position
 * @param equityByCurrency  equity per currency (cash + futures PnL + option values), in that currency
 * @param equityUsd  total equity in USD at the index
 * @param grossLeverage  gross notional / equity (0 without positions; +Inf when equity <= 0 with positions)
 * @param deltaLeverage  |net delta USD| / equity (same conventions)
 * @param oldestMarkTime  source time of the oldest mark used; empty without positions
 * @param oldestMarkAgeSeconds  its age at the valuation time, seconds
 * @param stale  whether any mark is older than the staleness threshold
 */
public record ExposureReport(
    Instant valuationTime,
    List<PositionExposure> positions,
    List<UnderlyingExposure> underlyings,
    ExposureTotals totals,
    Map<Asset, Double> equityByCurrency,
    double equityUsd,
    double grossLeverage,
    double deltaLeverage,
    Optional<Instant> oldestMarkTime,
    double oldestMarkAgeSeconds,
    boolean stale) {

  /** Makes the collections immutable. */
  public ExposureReport {
    positions = List.copyOf(positions);
    underlyings = List.copyOf(underlyings);
    equityByCurrency = Map.copyOf(equityByCurrency);
  }
}
