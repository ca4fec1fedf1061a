package io.levex.api.convert;

import io.levex.api.v1.Greeks;
import io.levex.api.v1.Mark;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.Instrument;

/**
 * Marks between the API ({@code Mark}) and risk-core ({@link Valuation}).
 */
public final class MarkMapper {

  private MarkMapper() {
  }

  /**
   * Converts a valuation to a mark.
   *
   * @param v  the valuation
   * @param staleAfterSeconds  age above which the mark is flagged stale
   * @return the mark
   */
  public static Mark toProto(Valuation v, double staleAfterSeconds) {
    var g = v.greeks();
    double age = v.ageSeconds();
    return Mark.newBuilder()
        .setInstrument(InstrumentMapper.toProto(v.instrument()))
        .setPrice(v.price())
        .setPriceUsd(v.priceUsd())
        .setPriceCoin(v.priceCoin())
        .setForwardUsd(v.forwardUsd())
        .setIndexPriceUsd(v.indexUsd())
        .setImpliedVol(v.impliedVol())
        .setTimeToExpiryYears(v.timeToExpiry())
        .setGreeks(Greeks.newBuilder()
            .setDelta(g.delta())
            .setGammaPerUsd(g.gammaPerUsd())
            .setVegaUsdPerVolPoint(g.vegaUsdPerVolPoint())
            .setThetaUsdPerDay(g.thetaUsdPerDay())
            .setRhoUsdPerUnitRate(g.rhoUsdPerUnitRate())
            .setVannaPerUnitVol(g.vannaPerUnitVol())
            .setVolgaUsdPerUnitVolSquared(g.volgaUsdPerUnitVolSquared())
            .setDeltaPremiumAdjustedCoin(g.deltaPremiumAdjustedCoin())
            .setGammaCoinPerUsd(g.gammaCoinPerUsd())
            .setVegaCoinPerVolPoint(g.vegaCoinPerVolPoint())
            .setThetaCoinPerDay(g.thetaCoinPerDay()))
        .setValuationTime(ProtoTimes.toProto(v.valuationTime()))
        .setSourceTime(ProtoTimes.toProto(v.sourceTime()))
        .setAgeSeconds(age)
        .setStale(age > staleAfterSeconds)
        .setSource(v.source())
        .build();
  }

  /**
   * Converts a mark back to a valuation.
   *
   * @param mark  the mark
   * @return the valuation
   */
  public static Valuation fromProto(Mark mark) {
    Instrument instrument = InstrumentMapper.fromSpec(mark.getInstrument().getSpec());
    Greeks g = mark.getGreeks();
    return new Valuation(
        instrument,
        mark.getPrice(),
        mark.getPriceUsd(),
        mark.getPriceCoin(),
        mark.getForwardUsd(),
        mark.getIndexPriceUsd(),
        mark.getImpliedVol(),
        mark.getTimeToExpiryYears(),
        new io.levex.core.pricer.Greeks(
            g.getDelta(),
            g.getGammaPerUsd(),
            g.getVegaUsdPerVolPoint(),
            g.getThetaUsdPerDay(),
            g.getRhoUsdPerUnitRate(),
            g.getVannaPerUnitVol(),
            g.getVolgaUsdPerUnitVolSquared(),
            g.getDeltaPremiumAdjustedCoin(),
            g.getGammaCoinPerUsd(),
            g.getVegaCoinPerVolPoint(),
            g.getThetaCoinPerDay()),
        ProtoTimes.toInstant(mark.getValuationTime()),
        ProtoTimes.toInstant(mark.getSourceTime()),
        mark.getSource());
  }
}
