package io.levex.cli.offline;

import io.levex.core.pricer.Black76OptionPricer;
import io.levex.core.pricer.Greeks;
import java.util.List;

/**
 * {@code levex price}: Black-76 price and greeks of one long option per row, in USD and in coin (V/F).
 * <p>
 * Output columns: {@code price_usd} (discounted Black-76 value V, USD), {@code delta} (dV/dF),
 * {@code gamma} (d2V/dF2, per USD), {@code vega_per_vol_pt} (dV/dsigma / 100, USD per vol point),
 * {@code theta_per_day} (dV/dt with F fixed / 365, USD per calendar day), {@code vanna} (d2V/dF dsigma, per 1.00
 * vol), {@code volga} (d2V/dsigma2, USD per 1.00 vol squared), {@code price_coin} (V/F), {@code delta_coin_pa}
 * (delta - V/F), {@code gamma_coin} (d2(V/F)/dF2), {@code vega_coin_per_vol_pt} and {@code theta_coin_per_day}
 * (USD figures / F). Stateless.
 */
public final class PriceCalculator implements RowCalculator {

  /** The computed columns, in output order. */
  public static final List<String> COLUMNS = List.of(
      "price_usd", "delta", "gamma", "vega_per_vol_pt", "theta_per_day", "vanna", "volga",
      "price_coin", "delta_coin_pa", "gamma_coin", "vega_coin_per_vol_pt", "theta_coin_per_day");

  @Override
  public void checkHeader(CsvHeader header) {
    OptionInputs.requireColumns(header);
    header.require(OptionInputs.VOL);
  }

  @Override
  public List<String> outputColumns() {
    return COLUMNS;
  }

  @Override
  public List<String> compute(CsvRow row) {
    OptionInputs in = OptionInputs.read(row);
    double vol = OptionInputs.readVol(row);
    Black76OptionPricer pricer = Black76OptionPricer.DEFAULT;
    double priceUsd = pricer.priceUsd(in.call(), in.forward(), in.strike(), in.tYears(), vol, in.rate());
    Greeks g = pricer.greeks(in.call(), in.forward(), in.strike(), in.tYears(), vol, in.rate());
    return List.of(
        Csv.number(priceUsd),
        Csv.number(g.delta()),
        Csv.number(g.gammaPerUsd()),
        Csv.number(g.vegaUsdPerVolPoint()),
        Csv.number(g.thetaUsdPerDay()),
        Csv.number(g.vannaPerUnitVol()),
        Csv.number(g.volgaUsdPerUnitVolSquared()),
        Csv.number(priceUsd / in.forward()),
        Csv.number(g.deltaPremiumAdjustedCoin()),
        Csv.number(g.gammaCoinPerUsd()),
        Csv.number(g.vegaCoinPerVolPoint()),
        Csv.number(g.thetaCoinPerDay()));
  }
}
