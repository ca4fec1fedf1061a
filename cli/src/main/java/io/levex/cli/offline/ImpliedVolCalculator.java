package io.levex.cli.offline;

import io.levex.core.collect.Checks;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.ImpliedVolatilitySolver;
import java.util.List;

/**
 * {@code levex iv}: Black-76 implied vol of one option price per row, given in USD ({@code price_usd}) or in
 * coin ({@code price_coin}; price_usd = price_coin x forward). When both cells are filled, price_usd is used
 * and price_coin must agree with it to 1e-9 relative. Output column: {@code iv} (decimal). Stateless.
 */
public final class ImpliedVolCalculator implements RowCalculator {

  /** Column {@code price_usd}: USD per option. */
  public static final String PRICE_USD = "price_usd";
  /** Column {@code price_coin}: coin per option. */
  public static final String PRICE_COIN = "price_coin";
  /** The computed columns. */
  public static final List<String> COLUMNS = List.of("iv");

  private static final double AGREEMENT = 1e-9;

  @Override
  public void checkHeader(CsvHeader header) {
    OptionInputs.requireColumns(header);
    if (!header.has(PRICE_USD) && !header.has(PRICE_COIN)) {
      throw InvalidInputException.invalid("header", String.join(",", header.names()),
          "lacks the required column price_usd or price_coin");
    }
  }

  @Override
  public List<String> outputColumns() {
    return COLUMNS;
  }

  @Override
  public List<String> compute(CsvRow row) {
    OptionInputs in = OptionInputs.read(row);
    String usdText = row.text(PRICE_USD);
    String coinText = row.text(PRICE_COIN);
    if (usdText.isEmpty() && coinText.isEmpty()) {
      throw InvalidInputException.invalid(PRICE_USD, "", "is required (or price_coin)");
    }
    double priceUsd = usdText.isEmpty() ? Double.NaN : Checks.nonNegative(PRICE_USD, row.number(PRICE_USD));
    double priceCoin = coinText.isEmpty() ? Double.NaN : Checks.nonNegative(PRICE_COIN, row.number(PRICE_COIN));
    boolean fromCoin = usdText.isEmpty();
    if (fromCoin) {
      priceUsd = priceCoin * in.forward();
    } else if (!coinText.isEmpty() && Math.abs(priceCoin * in.forward() - priceUsd) > AGREEMENT * Math.max(priceUsd, Double.MIN_NORMAL)) {
      throw InvalidInputException.invalid(PRICE_COIN, coinText,
          "disagrees with price_usd " + usdText + " (price_coin x forward = " + Checks.format(priceCoin * in.forward()) + ")");
    }
    if (in.tYears() == 0) {
      throw InvalidInputException.failedPrecondition(OptionInputs.T_YEARS, "0", "must be > 0 for an implied volatility (at expiry none exists)");
    }
    try {
      double iv = ImpliedVolatilitySolver.DEFAULT.impliedVol(in.call(), in.forward(), in.strike(), in.tYears(), in.rate(), priceUsd);
      return List.of(Csv.number(iv));
    } catch (InvalidInputException ex) {
      if (!fromCoin) {
        throw ex;
      }
      InputError e = ex.error();
      throw new InvalidInputException(new InputError(e.kind(), PRICE_COIN, coinText,
          "price_coin " + coinText + " (x forward = price_usd " + Checks.format(priceUsd) + "): " + e.message()));
    }
  }
}
