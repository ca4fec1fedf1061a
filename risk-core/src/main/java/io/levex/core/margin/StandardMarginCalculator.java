package io.levex.core.margin;

import io.levex.core.basics.Asset;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.account.AccountCalculator;
import io.levex.core.margin.account.Collateral;
import io.levex.core.margin.account.CollateralHaircuts;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import io.levex.core.product.PerpetualInstrument;
import io.levex.core.product.SpotInstrument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deribit standard margin (SM): each position gets its own IM and MM, summed per settlement currency; hedges
 * earn no offset.
 * <p>
 * Futures and perpetuals: {@code IM = |q| (im_base + increase_per_coin |q|)}, MM likewise with
 * {@code mm_base}, where q is the coin size at the mark (inverse: USD face / mark). Linear contracts are
 * margined in coin and converted to the quote at the index. Short options: the OTM-adjusted rules of the
 * parameter file, per option in coin (linear options: the same rule in USD, x index); long options need no
 * margin. Equity per currency = cash + unrealised futures PnL + option mark values.
 * <p>
 * The result carries both views of the account: segregated (S:SM, per currency, {@link MarginResult#currencies()})
 * and cross collateral (X:SM, {@link MarginResult#account()}, with the {@code collateral.<ASSET>.haircut}
 * parameters; see {@link AccountCalculator}).
 * <p>
 * Stateless and thread-safe.
 */
public final class StandardMarginCalculator {

  /** The model name of this calculator's parameter sets. */
  public static final String MODEL = "deribit-sm";

  /** Default instance. */
  public static final StandardMarginCalculator DEFAULT = new StandardMarginCalculator();

  private StandardMarginCalculator() {
  }

  /**
   * Computes the margin of a portfolio holding deposited collateral.
   *
   * @param positions  positions with their marks
   * @param collateral  the deposited collateral (amounts {@code >= 0})
   * @param usdPrices  USD per unit of every non-USD currency present (the index); USD stablecoins are 1
   * @param params  the parameter set
   * @return the margin
   * @throws InvalidInputException when parameters or USD prices are missing
   */
  public MarginResult margin(
      List<MarginPosition> positions, Collateral collateral, Map<Asset, Double> usdPrices, MarginParameters params) {
    return margin(positions, collateral.amounts(), usdPrices, params);
  }

  /**
   * Computes the margin of a portfolio from cash balances.
   * <p>
   * Use {@link #margin(List, Collateral, Map, MarginParameters)} for deposits (which rejects negative amounts);
   * this form also takes the negative cash balances that trading can leave (a what-if premium larger than the
   * cash held).
   *
   * @param positions  positions with their marks
   * @param collateral  cash per asset, asset units (may be negative after trades)
   * @param usdPrices  USD per unit of every non-USD currency present (the index); USD stablecoins are 1
   * @param params  the parameter set
   * @return the margin
   * @throws InvalidInputException when parameters or USD prices are missing
   */
  public MarginResult margin(
      List<MarginPosition> positions, Map<Asset, Double> collateral, Map<Asset, Double> usdPrices, MarginParameters params) {

    StatusBands bands = StatusBands.of(params);
    CollateralHaircuts haircuts = CollateralHaircuts.of(params);
    Map<Asset, double[]> perCurrency = new TreeMap<>(); // im, mm, equity
    collateral.forEach((asset, amount) -> {
      Checks.finite("collateral[" + asset + "]", amount);
      perCurrency.computeIfAbsent(asset, a -> new double[3])[2] += amount;
    });
    List<PositionMarginResult> results = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      MarginPosition p = positions.get(i);
      PositionMarginResult r;
      try {
        r = positionMargin(p, params);
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix("positions[" + i + "]");
      }
      results.add(r);
      double[] acc = perCurrency.computeIfAbsent(r.currency(), a -> new double[3]);
      acc[0] += r.initialMargin();
      acc[1] += r.maintenanceMargin();
      acc[2] += r.unrealizedPnl() + r.marketValue();
    }
    List<CurrencyMarginResult> currencies = new ArrayList<>();
    double imUsd = 0;
    double mmUsd = 0;
    double mbUsd = 0;
    MarginStatus worst = MarginStatus.HEALTHY;
    for (Map.Entry<Asset, double[]> e : perCurrency.entrySet()) {
      Asset ccy = e.getKey();
      double usd = usdPrice(ccy, usdPrices);
      double im = e.getValue()[0];
      double mm = e.getValue()[1];
      double equity = e.getValue()[2];
      MarginStatus status = bands.classify(equity, mm);
      currencies.add(new CurrencyMarginResult(ccy, im, mm, equity, equity, equity - im,
          StatusBands.marginRatio(equity, mm), status, usd));
      imUsd += im * usd;
      mmUsd += mm * usd;
      mbUsd += equity * usd;
      worst = worst.worse(status);
    }
    return new MarginResult(MODEL, params.name(), currencies, results, imUsd, mmUsd, mbUsd, worst,
        AccountCalculator.DEFAULT.cross(currencies, haircuts, bands));
  }

  /**
   * Margin of one position.
   *
   * @param p  the position with its mark
   * @param params  the parameters
   * @return the position's margin, in its settlement currency
   */
  public PositionMarginResult positionMargin(MarginPosition p, MarginParameters params) {
    Instrument inst = p.instrument();
    Checks.finite("size", p.size());
    double mark = p.mark().price();
    double index = p.mark().indexUsd();
    return switch (inst) {
      case FutureInstrument f -> deltaOne(p, f.settlement(), params, mark, index);
      case PerpetualInstrument pp -> deltaOne(p, pp.settlement(), params, mark, index);
      case OptionInstrument o -> option(p, o, params, index);
      case SpotInstrument s -> new PositionMarginResult(inst.name(), p.size(), s.quoteCurrency(), 0, 0, 0, 0);
    };
  }

  private static PositionMarginResult deltaOne(
      MarginPosition p, SettlementType settlement, MarginParameters params, double mark, double index) {
    Instrument inst = p.instrument();
    String prefix = "futures." + inst.underlying().symbol() + ".";
    if (!params.has(prefix + "im_base")) {
      throw InvalidInputException.failedPrecondition("instrument", inst.name(),
          "has no standard-margin parameters for underlying " + inst.underlying() + " in " + params.name());
    }
    double imBase = params.get(prefix + "im_base");
    double mmBase = params.get(prefix + "mm_base");
    double slope = params.get(prefix + "increase_per_coin");
    boolean known = p.averagePrice() > 0;
    if (settlement == SettlementType.INVERSE) {
      double face = p.size() * (known ? p.averagePrice() : mark);
      double q = Math.abs(face) / mark;
      double im = q * (imBase + slope * q);
      double mm = q * (mmBase + slope * q);
      double upnl = known ? face * (1.0 / p.averagePrice() - 1.0 / mark) : 0.0;
      return new PositionMarginResult(inst.name(), p.size(), inst.settlementCurrency(), im, mm, upnl, 0.0);
    }
    double q = Math.abs(p.size());
    double im = q * (imBase + slope * q) * index;
    double mm = q * (mmBase + slope * q) * index;
    double upnl = known ? p.size() * (mark - p.averagePrice()) : 0.0;
    return new PositionMarginResult(inst.name(), p.size(), inst.settlementCurrency(), im, mm, upnl, 0.0);
  }

  private static PositionMarginResult option(MarginPosition p, OptionInstrument o, MarginParameters params, double index) {
    double marketValue = p.size() * p.mark().price();
    if (p.size() >= 0) {
      return new PositionMarginResult(o.name(), p.size(), o.settlementCurrency(), 0, 0, 0, marketValue);
    }
    double markCoin = p.mark().priceCoin();
    double[] perOption = shortOptionMarginCoin(o.putCall().isCall(), o.strike(), index, markCoin, params);
    double scale = Math.abs(p.size()) * (o.settlement() == SettlementType.INVERSE ? 1.0 : index);
    return new PositionMarginResult(o.name(), p.size(), o.settlementCurrency(),
        perOption[0] * scale, perOption[1] * scale, 0.0, marketValue);
  }

  /**
   * Deribit SM for one short option, in coin per option.
   *
   * @param call  true for a call
   * @param strike  K, USD per coin
   * @param index  S, USD per coin
   * @param markCoin  the option mark, coin per option
   * @param params  parameters with {@code options.*} keys
   * @return {IM, MM} in coin per option
   */
  public static double[] shortOptionMarginCoin(boolean call, double strike, double index, double markCoin, MarginParameters params) {
    double otmBase = params.get("options.im_otm_base");
    double floor = params.get("options.im_floor");
    double mmBase = params.get("options.mm_base");
    double otm = call ? Math.max(strike - index, 0.0) : Math.max(index - strike, 0.0);
    double imCore = Math.max(otmBase - otm / index, floor) + markCoin;
    if (call) {
      return new double[] {imCore, mmBase + markCoin};
    }
    double mm = Math.max(mmBase, mmBase * markCoin) + markCoin;
    return new double[] {Math.max(imCore, mm), mm};
  }

  private static double usdPrice(Asset ccy, Map<Asset, Double> usdPrices) {
    if (ccy.isUsdLike()) {
      return 1.0;
    }
    Double p = usdPrices.get(ccy);
    if (p == null || !(p > 0)) {
      throw InvalidInputException.notFound("currency", ccy.symbol(), "has no index price to convert to USD");
    }
    return p;
  }
}
