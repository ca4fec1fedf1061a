package io.levex.cli.output;

import static io.levex.cli.output.ChainTables.left;
import static io.levex.cli.output.ChainTables.right;
import static io.levex.cli.output.ChainTables.table;

import io.levex.cli.margin.MarginReport;
import io.levex.cli.margin.MarginReport.CurrencyMargin;
import io.levex.cli.margin.MarginReport.PositionMargin;
import io.levex.core.basics.Asset;
import io.levex.core.basics.SettlementType;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link MarginReport} as text tables: the currencies, the positions, USD totals, the PM risk-matrix
 * details (when the model has them), the liquidation prices (or why there are none), and the notes.
 */
public final class MarginTables {

  private MarginTables() {
  }

  /**
   * Renders a report.
   *
   * @param report  the report
   * @param file  the portfolio file's name, for the title
   * @param asOf  the valuation instant
   * @return the text
   */
  public static String render(MarginReport report, String file, Instant asOf) {
    StringBuilder out = new StringBuilder();
    out.append("Margin of ").append(file).append(": model ").append(report.model()).append(", parameter set ")
        .append(report.parameterSet()).append(", as of ").append(asOf).append('\n');
    out.append("Units: (ccy) = the row's currency (coin for inverse contracts, USDC for linear ones); USD at the index; ")
        .append("margin ratio = MM / margin balance; IM includes open-orders and MMP margin\n\n");

    out.append("Currencies\n");
    out.append(table(report.currencies(), List.of(
        left("Currency", c -> c.currency().symbol()),
        right("Index (USD)", c -> c.currency().isUsdLike() ? "1" : Numbers.usd2(c.indexUsd())),
        right("Equity (ccy)", c -> amount(c.equity(), c.currency())),
        right("Margin balance (ccy)", c -> amount(c.marginBalance(), c.currency())),
        right("IM (ccy)", c -> amount(c.initialMargin(), c.currency())),
        right("MM (ccy)", c -> amount(c.maintenanceMargin(), c.currency())),
        right("Available (ccy)", c -> amount(c.availableFunds(), c.currency())),
        right("Margin ratio (%)", c -> Numbers.fixed(100 * c.marginRatio(), 2)),
        left("Status", c -> MarginJson.status(c.status())),
        right("IM (USD)", c -> Numbers.usd2(c.initialMargin() * c.indexUsd())),
        right("MM (USD)", c -> Numbers.usd2(c.maintenanceMargin() * c.indexUsd())))));

    if (!report.positions().isEmpty()) {
      out.append("\nPositions (size in base coin; mark: USD(C) per coin for futures and perpetuals, coin per option for "
          + "inverse options, USDC per option for linear ones; amounts in the settlement currency)\n");
      out.append(table(report.positions(), List.of(
          left("Instrument", PositionMargin::instrument),
          right("Size (coin)", p -> plain(p.size())),
          left("Ccy", p -> p.currency().symbol()),
          right("Mark", p -> markText(p)),
          right("Forward (USD)", p -> isOption(p) ? Numbers.usd2(p.mark().forwardUsd()) : ""),
          right("IV (%)", p -> isOption(p) ? Numbers.fixed(100 * p.mark().impliedVol(), 2) : ""),
          right("Value (ccy)", p -> isOption(p) ? amount(p.marketValue(), p.currency()) : ""),
          right("UPnL (ccy)", p -> isOption(p) ? "" : amount(p.unrealizedPnl(), p.currency())),
          right("IM (ccy)", p -> Double.isNaN(p.initialMargin()) ? "-" : amount(p.initialMargin(), p.currency())),
          right("MM (ccy)", p -> Double.isNaN(p.maintenanceMargin()) ? "-" : amount(p.maintenanceMargin(), p.currency())),
          right("Worst case (ccy)", p -> Double.isNaN(p.worstCaseContribution()) ? "" : amount(p.worstCaseContribution(), p.currency())))));
    }

    MarginReport.UsdTotals t = report.totalsUsd();
    out.append("\nTotals (USD): equity ").append(Numbers.usd2(t.equity()))
        .append(", margin balance ").append(Numbers.usd2(t.marginBalance()))
        .append(", IM ").append(Numbers.usd2(t.initialMargin()))
        .append(", MM ").append(Numbers.usd2(t.maintenanceMargin()))
        .append(", available ").append(Numbers.usd2(t.availableFunds()))
        .append(", status ").append(MarginJson.status(t.status())).append('\n');

    List<CurrencyMargin> pm = report.currencies().stream().filter(c -> c.riskMatrix() != null).toList();
    if (!pm.isEmpty()) {
      out.append("\nRisk matrix margin details (ccy)\n");
      out.append(table(pm, List.of(
          left("Currency", c -> c.currency().symbol()),
          right("Worst case", c -> amount(c.riskMatrix().worstCase(), c.currency())),
          left("Worst case bucket", c -> c.riskMatrix().worstCaseBucket() == null ? "" : c.riskMatrix().worstCaseBucket().label()
              + " (" + c.riskMatrix().worstCaseBucket().source() + " bucket " + c.riskMatrix().worstCaseBucket().bucket()
              + " " + c.riskMatrix().worstCaseBucket().side() + " #" + c.riskMatrix().worstCaseBucket().index() + ")"),
          right("Roll shock", c -> amount(c.riskMatrix().rollShock(), c.currency())),
          right("Delta shock", c -> amount(c.riskMatrix().deltaShock(), c.currency())),
          right("Correlation contingency", c -> amount(c.riskMatrix().correlationContingency(), c.currency())))));
    }

    List<LiquidationRow> liq = new java.util.ArrayList<>();
    List<String> sigmaNotes = new java.util.ArrayList<>();
    for (CurrencyMargin c : report.currencies()) {
      if (c.liquidation() == null) {
        continue;
      }
      c.liquidation().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        MarginReport.UnderlyingLiquidation u = e.getValue();
        double index = report.positions().stream().filter(p -> p.mark().instrument().underlying().equals(e.getKey()))
            .findFirst().map(p -> p.mark().indexUsd()).orElse(Double.NaN);
        String drivers = u.drivers().stream().limit(3).map(MarginReport.Driver::instrument)
            .collect(java.util.stream.Collectors.joining(", "));
        if (u.pricesUsd().isEmpty()) {
          liq.add(new LiquidationRow(c.currency(), e.getKey(), index, Double.NaN, Double.NaN, Double.NaN, ""));
        }
        for (int i = 0; i < u.pricesUsd().size(); i++) {
          liq.add(new LiquidationRow(c.currency(), e.getKey(), index, u.pricesUsd().get(i), u.distancePct().get(i),
              u.distanceSigmas().get(i), i == 0 ? drivers : ""));
        }
        if (!u.pricesUsd().isEmpty() && Double.isFinite(u.atmVol())) {
          sigmaNotes.add(e.getKey().symbol() + ": sigmas over " + Numbers.fixed(u.horizonDays(), 2) + " day(s) at ATM vol "
              + Numbers.fixed(100 * u.atmVol(), 2) + "%");
        }
      });
    }
    if (!liq.isEmpty()) {
      out.append("\nLiquidation (index levels in -99% ... +1000% where margin balance = MM, everything else fixed; "
          + "segregated: each currency against its own MM)\n");
      out.append(table(liq, List.of(
          left("Currency", r -> r.currency().symbol()),
          left("Underlying", r -> r.underlying().symbol()),
          right("Index (USD)", r -> Numbers.usd2(r.indexUsd())),
          right("Liquidation price (USD)", r -> Double.isNaN(r.priceUsd()) ? "none in range" : Numbers.usd2(r.priceUsd())),
          right("Distance (%)", r -> Double.isNaN(r.distancePct()) ? "" : Numbers.fixed(r.distancePct(), 2)),
          right("Distance (sigmas)", r -> Double.isNaN(r.distanceSigmas()) ? "" : Numbers.fixed(r.distanceSigmas(), 2)),
          left("Drivers (to the nearest)", LiquidationRow::drivers))));
      sigmaNotes.forEach(n -> out.append("  ").append(n).append('\n'));
    }
    if (!report.notes().isEmpty()) {
      out.append("\nNotes\n");
      report.notes().forEach(n -> out.append("  ").append(n).append('\n'));
    }
    return out.toString();
  }

  /** One liquidation level of the table (NaN price: none in range). */
  private record LiquidationRow(Asset currency, Asset underlying, double indexUsd, double priceUsd, double distancePct,
      double distanceSigmas, String drivers) {
  }

  private static boolean isOption(PositionMargin p) {
    return p.mark().instrument() instanceof OptionInstrument;
  }

  private static String markText(PositionMargin p) {
    Instrument i = p.mark().instrument();
    if (i instanceof OptionInstrument o) {
      return o.settlement() == SettlementType.INVERSE
          ? Numbers.fixed(p.mark().price(), 8) + " " + o.underlying()
          : Numbers.usd2(p.mark().price()) + " " + o.quoteCurrency();
    }
    return Numbers.usd2(p.mark().price()) + " " + i.quoteCurrency();
  }

  private static String amount(double v, Asset currency) {
    return currency.isUsdLike() ? Numbers.usd2(v) : Numbers.fixed(v, 8);
  }

  private static String plain(double v) {
    return Double.isFinite(v) ? new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString() : Double.toString(v);
  }
}
