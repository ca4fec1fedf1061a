package io.levex.cli.output;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.ColumnData;
import com.github.freva.asciitable.HorizontalAlign;
import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.CurrencyMargin;
import io.levex.api.v1.ExposureReport;
import io.levex.api.v1.ItemError;
import io.levex.api.v1.PositionExposure;
import io.levex.api.v1.UnderlyingExposure;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders an exposure report as text tables: positions, exposure per underlying, account and margin.
 */
public final class ExposureTables {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ExposureTables() {
  }

  /**
   * Renders a report.
   *
   * @param report  the report
   * @return the text
   */
  public static String render(ExposureReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Exposure of account ").append(report.getAccountId())
        .append(", valued ").append(TIME.format(ProtoTimes.toInstant(report.getValuationTime())))
        .append(String.format(Locale.ROOT, " (oldest mark %.1f s old%s)%n%n", report.getOldestMarkAgeSeconds(), report.getStale() ? ", STALE" : ""));

    out.append("Positions (greeks are position greeks: per-unit x size; delta in BTC is Black-Scholes delta)\n");
    out.append(table(report.getPositionsList(), List.of(
        left("Instrument", p -> p.getPosition().getInstrument().getName()),
        right("Size", p -> Numbers.fixed(p.getPosition().getSize(), 4)),
        right("Mark", ExposureTables::mark),
        right("IV", p -> p.getMark().getImpliedVol() > 0 ? Numbers.pct(p.getMark().getImpliedVol()) : ""),
        right("Delta BTC", p -> Numbers.fixed(p.getDeltaCoin(), 4)),
        right("Delta USD", p -> Numbers.usd(p.getDeltaUsd())),
        right("Gamma USD/1%", p -> Numbers.usd2(p.getCashGammaUsdPerPct())),
        right("Vega USD/vol pt", p -> Numbers.usd2(p.getVegaUsdPerVolPoint())),
        right("Theta USD/day", p -> Numbers.usd2(p.getThetaUsdPerDay())),
        right("Notional USD", p -> Numbers.usd(p.getNotionalUsd())),
        right("UPnL", p -> Numbers.coin(p.getUnrealizedPnl()) + " " + p.getMark().getInstrument().getSettlementCurrency()))));

    out.append("\nExposure by underlying\n");
    out.append(table(report.getUnderlyingsList(), List.of(
        left("Underlying", UnderlyingExposure::getUnderlying),
        right("Index USD", u -> Numbers.usd2(u.getIndexPriceUsd())),
        right("Gross notional USD", u -> Numbers.usd(u.getTotals().getGrossNotionalUsd())),
        right("Net delta USD", u -> Numbers.usd(u.getTotals().getNetDeltaUsd())),
        right("Delta total BTC", u -> Numbers.fixed(u.getTotals().getDeltaTotalCoin(), 4)),
        right("Equity BTC", u -> Numbers.fixed(u.getEquityCoin(), 4)),
        right("Equity+delta total", u -> Numbers.fixed(u.getDeltaTotalWithEquityCoin(), 4)),
        right("Gamma USD/1%", u -> Numbers.usd2(u.getTotals().getCashGammaUsdPerPct())),
        right("Vega USD/vol pt", u -> Numbers.usd2(u.getTotals().getVegaUsdPerVolPoint())),
        right("Theta USD/day", u -> Numbers.usd2(u.getTotals().getThetaUsdPerDay())),
        right("Funding USD/day", u -> Numbers.usd2(u.getFundingUsdPerDay())))));

    out.append("\nAccount\n");
    Object[][] account = {
        {"Equity (USD)", Numbers.usd2(report.getEquityUsd())},
        {"Gross notional (USD)", Numbers.usd(report.getTotals().getGrossNotionalUsd())},
        {"Gross leverage (notional / equity)", Numbers.times(report.getGrossLeverage())},
        {"Delta leverage (|net delta| / equity)", Numbers.times(report.getDeltaLeverage())},
        {"Cash balances", String.join(", ", report.getBalancesList().stream()
            .map(b -> Numbers.fixed(b.getAmount(), 6) + " " + b.getAsset()).toList())},
    };
    out.append(AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, new Column[] {
        new Column().header("Measure").dataAlign(HorizontalAlign.LEFT),
        new Column().header("Value").dataAlign(HorizontalAlign.RIGHT)}, account)).append('\n');

    if (report.hasMargin()) {
      var m = report.getMargin();
      out.append("\nMargin (").append(m.getModel().name().replace("MARGIN_MODEL_", "").toLowerCase(Locale.ROOT))
          .append(" model, from margin-service): status ").append(m.getStatus().name().replace("MARGIN_STATUS_", ""))
          .append(", ratio MM / margin balance ").append(Numbers.pct(m.getMarginRatio())).append('\n');
      out.append(table(m.getCurrenciesList(), List.of(
          left("Currency", CurrencyMargin::getCurrency),
          right("Initial margin", c -> Numbers.coin(c.getInitialMargin())),
          right("Maintenance margin", c -> Numbers.coin(c.getMaintenanceMargin())),
          right("Margin balance", c -> Numbers.coin(c.getMarginBalance())),
          right("Available funds", c -> Numbers.coin(c.getAvailableFunds())),
          right("MM / balance", c -> Numbers.pct(c.getMarginRatio())),
          left("Status", c -> c.getStatus().name().replace("MARGIN_STATUS_", "")))));
    }
    if (report.getWarningsCount() > 0) {
      out.append("\nWarnings\n");
      for (ItemError w : report.getWarningsList()) {
        out.append("  - ").append(w.getMessage()).append('\n');
      }
    }
    return out.toString();
  }

  private static String mark(PositionExposure p) {
    String ccy = p.getMark().getInstrument().getSpec().getQuoteCurrency();
    boolean coinQuoted = p.getMark().getInstrument().getSpec().getKind() == io.levex.api.v1.InstrumentKind.INSTRUMENT_KIND_OPTION
        && p.getMark().getInstrument().getSpec().getSettlement() == io.levex.api.v1.Settlement.SETTLEMENT_INVERSE;
    return coinQuoted ? Numbers.coin(p.getMark().getPrice()) + " " + p.getMark().getInstrument().getSpec().getUnderlying()
        : Numbers.usd2(p.getMark().getPrice()) + " " + ccy;
  }

  private static <T> String table(List<T> rows, List<ColumnData<T>> columns) {
    return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, rows, columns) + "\n";
  }

  private static <T> ColumnData<T> left(String header, Function<T, String> f) {
    return new Column().header(header).headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT).with(f);
  }

  private static <T> ColumnData<T> right(String header, Function<T, String> f) {
    return new Column().header(header).headerAlign(HorizontalAlign.RIGHT).dataAlign(HorizontalAlign.RIGHT).with(f);
  }
}
