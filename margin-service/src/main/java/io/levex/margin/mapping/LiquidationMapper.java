package io.levex.margin.mapping;

import io.levex.api.v1.LiquidationSurface;
import io.levex.api.v1.UnderlyingLiquidation;
import io.levex.core.margin.liquidation.LiquidationDriver;
import io.levex.core.margin.liquidation.LiquidationPoint;

/**
 * Liquidation analyses from risk-core to the API.
 */
public final class LiquidationMapper {

  private LiquidationMapper() {
  }

  /**
   * Converts one underlying's analysis.
   * <p>
   * {@code distance_pct} and {@code distance_sigmas} are those of the nearest level (smallest |ln(P / S)|), NaN
   * without a level in range; {@code distance_sigmas} is NaN too when the book has no option on the underlying to
   * take an ATM vol from. {@code drivers}: the positions whose value - MM falls on the way to the nearest level,
   * most negative first.
   *
   * @param r  the analysis
   * @param hasAtmVol  whether r's ATM vol came from the book (else its sigma distance is not reported)
   * @return the API message
   */
  public static UnderlyingLiquidation toProto(io.levex.core.margin.liquidation.UnderlyingLiquidation r, boolean hasAtmVol) {
    UnderlyingLiquidation.Builder b = UnderlyingLiquidation.newBuilder()
        .setUnderlying(r.underlying().symbol())
        .setIndexPriceUsd(r.indexUsd())
        .setDistancePct(r.nearest().map(LiquidationPoint::distancePct).orElse(Double.NaN))
        .setDistanceSigmas(hasAtmVol ? r.nearest().map(LiquidationPoint::distanceSigmas).orElse(Double.NaN) : Double.NaN);
    r.points().forEach(p -> b.addLiquidationPricesUsd(p.indexUsd()));
    for (LiquidationDriver d : r.drivers()) {
      if (d.excessChange() < 0) {
        b.addDrivers(d.instrument());
      }
    }
    return b.build();
  }

  /**
   * Converts a surface (row-major: spot move, then vol shift).
   *
   * @param s  the surface
   * @return the API message
   */
  public static LiquidationSurface toProto(io.levex.core.margin.liquidation.LiquidationSurface s) {
    LiquidationSurface.Builder b = LiquidationSurface.newBuilder()
        .setUnderlying(s.underlying().symbol())
        .addAllSpotMoves(s.moves())
        .addAllVolShifts(s.volShifts());
    s.marginRatio().forEach(b::addAllMarginRatios);
    return b.build();
  }
}
