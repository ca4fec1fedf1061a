package io.levex.cli.margin;

import io.levex.core.basics.Asset;
import io.levex.core.margin.MarginStatus;
import io.levex.core.pricer.Valuation;
import java.util.List;
import java.util.Map;

/**
 * The margin of a portfolio under one model, in a model-neutral shape (rendered with Deribit's field names).
 *
 * @param model  the model name
 * @param parameterSet  the parameter set used (with {@code +overrides} when the file overrides any value)
 * @param currencies  per settlement or collateral currency, sorted by currency
 * @param positions  per position, in file order
 * @param totalsUsd  the currencies summed in USD at their index
 * @param notes  remarks for the reader, e.g. what this build does not compute
 */
public record MarginReport(
    String model,
    String parameterSet,
    List<CurrencyMargin> currencies,
    List<PositionMargin> positions,
    UsdTotals totalsUsd,
    List<String> notes) {

  /** Copies the lists. */
  public MarginReport {
    currencies = List.copyOf(currencies);
    positions = List.copyOf(positions);
    notes = List.copyOf(notes);
  }

  /**
   * Returns a copy with the liquidation analysis of each currency and an extra note.
   *
   * @param byCurrency  per currency, per underlying; currencies absent keep theirs
   * @param note  a note to add, or null
   * @return the new report
   */
  public MarginReport withLiquidation(Map<Asset, Map<Asset, UnderlyingLiquidation>> byCurrency, String note) {
    List<CurrencyMargin> c = currencies.stream()
        .map(m -> byCurrency.containsKey(m.currency()) ? m.withLiquidation(byCurrency.get(m.currency())) : m)
        .toList();
    List<String> n = new java.util.ArrayList<>(notes);
    if (note != null) {
      n.add(note);
    }
    return new MarginReport(model, parameterSet, c, positions, totalsUsd, n);
  }

  /**
   * Margin of one currency; amounts in that currency.
   *
   * @param currency  the currency
   * @param indexUsd  USD per unit (1 for USD stablecoins)
   * @param equity  cash + unrealised futures PnL + option mark values
   * @param marginBalance  equity used against margin
   * @param initialMargin  IM, including {@code openOrdersMargin} and {@code mmpMargin}
   * @param maintenanceMargin  MM
   * @param availableFunds  margin balance - IM
   * @param marginRatio  MM / margin balance; +Inf when the balance is <= 0 with MM > 0; 0 without requirement
   * @param status  status from the coverage bands
   * @param openOrdersMargin  the file's {@code open_orders_margin} of the currency (0 when absent)
   * @param mmpMargin  the file's {@code mmp_margin} of the currency (0 when absent)
   * @param riskMatrix  Deribit PM's {@code risk_matrix_margin_details}; null for other models
   * @param liquidation  liquidation prices per underlying; null when not computed
   */
  public record CurrencyMargin(
      Asset currency,
      double indexUsd,
      double equity,
      double marginBalance,
      double initialMargin,
      double maintenanceMargin,
      double availableFunds,
      double marginRatio,
      MarginStatus status,
      double openOrdersMargin,
      double mmpMargin,
      RiskMatrixDetails riskMatrix,
      Map<Asset, UnderlyingLiquidation> liquidation) {

    /**
     * Returns a copy with the liquidation analysis.
     *
     * @param byUnderlying  per underlying
     * @return the copy
     */
    public CurrencyMargin withLiquidation(Map<Asset, UnderlyingLiquidation> byUnderlying) {
      return new CurrencyMargin(currency, indexUsd, equity, marginBalance, initialMargin, maintenanceMargin, availableFunds,
          marginRatio, status, openOrdersMargin, mmpMargin, riskMatrix, Map.copyOf(byUnderlying));
    }
  }

  /**
   * Margin and value of one position, in its settlement currency.
   *
   * @param instrument  the instrument name
   * @param size  signed size, base coin
   * @param averagePrice  average entry price as given (0 when unknown), quote unit
   * @param currency  the settlement currency of the amounts
   * @param initialMargin  IM (for portfolio models: the position's contribution, or NaN when not separable)
   * @param maintenanceMargin  MM (likewise)
   * @param unrealizedPnl  unrealised PnL of futures and perpetuals (0 when the average price is unknown)
   * @param marketValue  mark value of options (mark x size, signed), 0 for futures
   * @param mark  the valuation the position was margined at
   * @param worstCaseContribution  portfolio models: the position's PnL in the worst scenario of its risk matrix
   *     (a loss is negative), settlement currency; NaN for other models
   */
  public record PositionMargin(
      String instrument,
      double size,
      double averagePrice,
      Asset currency,
      double initialMargin,
      double maintenanceMargin,
      double unrealizedPnl,
      double marketValue,
      Valuation mark,
      double worstCaseContribution) {
  }

  /**
   * Deribit PM's {@code risk_matrix_margin_details}, amounts in the currency.
   *
   * @param worstCase  the worst scenario loss (positive)
   * @param worstCaseBucket  where it occurred
   * @param rollShock  the roll-shock add-on
   * @param deltaShock  the delta-shock add-on
   * @param correlationContingency  the correlation contingency
   */
  public record RiskMatrixDetails(
      double worstCase, WorstCaseBucket worstCaseBucket, double rollShock, double deltaShock, double correlationContingency) {
  }

  /**
   * Deribit's {@code worst_case_bucket}.
   *
   * @param bucket  the expiry bucket, 1-based
   * @param side  {@code left} or {@code right}
   * @param source  {@code standard} or {@code extended}
   * @param index  the scenario index within the vector
   * @param label  readable, e.g. {@code -16% / vol up}
   */
  public record WorstCaseBucket(int bucket, String side, String source, int index, String label) {
  }

  /**
   * The liquidation analysis of one underlying: every index price at which margin balance = MM, everything else fixed.
   *
   * @param pricesUsd  the liquidation prices, USD per coin, ascending (may be empty)
   * @param distancePct  per price, (price / index - 1) x 100, percent
   * @param distanceSigmas  per price, ln(price / index) / (atmVol sqrt(horizonDays / 365)); NaN when the book holds no
   *     live option on the underlying (no ATM vol)
   * @param atmVol  the ATM vol used, decimal; NaN when none
   * @param horizonDays  the horizon of the sigma distances, days
   * @param drivers  the positions whose value - MM falls on the way to the nearest price, most negative first
   */
  public record UnderlyingLiquidation(List<Double> pricesUsd, List<Double> distancePct, List<Double> distanceSigmas,
      double atmVol, double horizonDays, List<Driver> drivers) {

    /** Copies the lists. */
    public UnderlyingLiquidation {
      pricesUsd = List.copyOf(pricesUsd);
      distancePct = List.copyOf(distancePct);
      distanceSigmas = List.copyOf(distanceSigmas);
      drivers = List.copyOf(drivers);
    }
  }

  /**
   * A position driving a liquidation.
   *
   * @param instrument  the instrument
   * @param excessChange  the change of its value - MM share between now and the nearest liquidation price, settlement
   *     currency (negative: it pushes towards liquidation)
   */
  public record Driver(String instrument, double excessChange) {
  }

  /**
   * The currencies summed in USD.
   *
   * @param equity  equity, USD
   * @param marginBalance  margin balance, USD
   * @param initialMargin  IM, USD
   * @param maintenanceMargin  MM, USD
   * @param availableFunds  margin balance - IM, USD
   * @param status  the worst status over the currencies
   */
  public record UsdTotals(
      double equity, double marginBalance, double initialMargin, double maintenanceMargin, double availableFunds, MarginStatus status) {
  }
}
