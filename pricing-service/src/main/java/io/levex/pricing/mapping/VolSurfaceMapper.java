package io.levex.pricing.mapping;

import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.ArbitrageViolation;
import io.levex.api.v1.SkippedSlice;
import io.levex.api.v1.SviParameters;
import io.levex.api.v1.VolQuote;
import io.levex.api.v1.VolSlice;
import io.levex.api.v1.VolSurface;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.surface.ArbitrageViolation.Kind;
import io.levex.core.market.surface.DeltaSmile;
import io.levex.core.market.surface.SliceQuote;
import io.levex.core.market.surface.SviSlice;
import java.util.HashSet;
import java.util.Set;

/**
 * Maps risk-core volatility surfaces to the API's {@code VolSurface} (units as in pricing.proto: vols decimal,
 * strikes and forwards USD per coin, times in 365-day years).
 */
public final class VolSurfaceMapper {

  private VolSurfaceMapper() {
  }

  /**
   * Converts a surface.
   *
   * @param surface  the surface
   * @return the API message
   */
  public static VolSurface toProto(io.levex.core.market.surface.VolSurface surface) {
    Set<java.time.Instant> butterflyViolated = new HashSet<>();
    VolSurface.Builder out = VolSurface.newBuilder()
        .setUnderlying(surface.underlying().symbol())
        .setValuationTime(ProtoTimes.toProto(surface.valuation()));
    for (io.levex.core.market.surface.ArbitrageViolation v : surface.arbitrageViolations()) {
      if (v.kind() == Kind.BUTTERFLY) {
        butterflyViolated.add(v.expiry());
      }
      out.addViolations(ArbitrageViolation.newBuilder()
          .setKind(v.kind().label())
          .setExpiry(ProtoTimes.toProto(v.expiry()))
          .setLogMoneyness(v.logMoneyness())
          .setFromLogMoneyness(v.fromLogMoneyness())
          .setToLogMoneyness(v.toLogMoneyness())
          .setWorstValue(v.worstValue())
          .setMessage(v.message()));
    }
    for (SviSlice slice : surface.slices()) {
      out.addSlices(slice(slice, !butterflyViolated.contains(slice.expiry())));
    }
    for (io.levex.core.market.surface.SkippedSlice s : surface.skipped()) {
      out.addSkipped(SkippedSlice.newBuilder()
          .setExpiry(ProtoTimes.toProto(s.expiry()))
          .setQuoteCount(s.quoteCount())
          .setReason(s.reason()));
    }
    return out.build();
  }

  private static VolSlice slice(SviSlice slice, boolean butterflyFree) {
    var p = slice.parameters();
    VolSlice.Builder b = VolSlice.newBuilder()
        .setExpiry(ProtoTimes.toProto(slice.expiry()))
        .setTimeToExpiryYears(slice.timeToExpiry())
        .setForwardUsd(slice.forwardUsd())
        .setSvi(SviParameters.newBuilder().setA(p.a()).setB(p.b()).setRho(p.rho()).setM(p.m()).setSigma(p.sigma()))
        .setFitRmsVolError(slice.rmsVolError())
        .setFitMaxVolError(slice.maxAbsVolError())
        .setAtmVol(slice.atmVol())
        .setButterflyArbitrageFree(butterflyFree);
    try {
      DeltaSmile smile = slice.deltaSmile(0.25);
      b.setRiskReversal25D(smile.riskReversal())
          .setButterfly25D(smile.butterfly())
          .setCall25DStrikeUsd(smile.callStrikeUsd())
          .setCall25DVol(smile.callVol())
          .setPut25DStrikeUsd(smile.putStrikeUsd())
          .setPut25DVol(smile.putVol());
    } catch (InvalidInputException | ArithmeticException ex) {
      // no 25-delta strike on this smile (e.g. a very short expiry): the fields stay 0
    }
    for (SliceQuote q : slice.quotes()) {
      b.addQuotes(VolQuote.newBuilder()
          .setInstrument(q.instrument())
          .setStrikeUsd(q.strikeUsd())
          .setLogMoneyness(q.logMoneyness())
          .setImpliedVol(q.marketVol())
          .setFittedVol(q.fittedVol())
          .setWeight(q.weight()));
    }
    return b.build();
  }
}
