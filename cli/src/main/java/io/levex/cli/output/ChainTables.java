package io.levex.cli.output;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.ColumnData;
import com.github.freva.asciitable.HorizontalAlign;
import io.levex.cli.offline.ChainRepricing;
import io.levex.cli.offline.ChainRepricing.Group;
import io.levex.core.collect.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a {@link ChainRepricing.Report} as text tables: errors per underlying and overall, the worst rows, and
 * the lines the parser rejected.
 */
public final class ChainTables {

  /** How many rejected lines are listed. */
  public static final int REJECTED_SHOWN = 5;

  private ChainTables() {
  }

  /**
   * Renders a report.
   *
   * @param report  the report
   * @param file  the chain file's name, for the title
   * @return the text
   */
  public static String render(ChainRepricing.Report report, String file) {
    StringBuilder out = new StringBuilder();
    out.append("Deribit chain repricing of ").append(file).append(": ")
        .append(report.rows()).append(" rows repriced, ").append(report.rejected().size()).append(" rejected\n");
    out.append("Black-76 on the forward: F = underlying (Deribit underlying_price), vol = mark IV, T = seconds to expiry / (365 x 86,400), r = 0\n\n");

    out.append("Absolute errors, ours vs Deribit (mark price in coin per option, delta Black-Scholes, vega USD per vol point)\n");
    List<Map.Entry<String, Group>> groups = new ArrayList<>(report.byUnderlying().entrySet());
    groups.add(Map.entry("All", report.overall()));
    out.append(table(groups, List.of(
        left("Underlying", Map.Entry::getKey),
        right("Rows", e -> Integer.toString(e.getValue().rows())),
        right("Mark max", e -> Numbers.sci(e.getValue().markPriceCoin().maxAbsErr(), 2)),
        right("Mark median", e -> Numbers.sci(e.getValue().markPriceCoin().medianAbsErr(), 2)),
        right("Delta max", e -> Numbers.sci(e.getValue().delta().maxAbsErr(), 2)),
        right("Delta median", e -> Numbers.sci(e.getValue().delta().medianAbsErr(), 2)),
        right("Vega max", e -> Numbers.sci(e.getValue().vega().maxAbsErr(), 2)),
        right("Vega median", e -> Numbers.sci(e.getValue().vega().medianAbsErr(), 2)))));

    if (!report.worst().isEmpty()) {
      out.append("\nWorst rows by mark price error (mark in coin, vega in USD per vol point)\n");
      out.append(table(report.worst(), List.of(
          left("Instrument", p -> p.row().instrumentName()),
          right("T days", p -> Numbers.fixed(p.row().timeToExpiryYears() * 365, 3)),
          right("Forward USD", p -> Numbers.usd2(p.row().underlyingPriceUsd())),
          right("IV", p -> Numbers.fixed(100 * p.row().markIv(), 2) + "%"),
          right("Mark ours", p -> Numbers.fixed(p.priceCoin(), 8)),
          right("Mark Deribit", p -> Numbers.fixed(p.row().markPriceCoin(), 8)),
          right("Mark err", p -> Numbers.sci(p.markErr(), 2)),
          right("Delta ours", p -> Numbers.fixed(p.delta(), 5)),
          right("Delta Deribit", p -> Numbers.fixed(p.row().delta(), 5)),
          right("Vega ours", p -> Numbers.fixed(p.vegaUsdPerVolPoint(), 4)),
          right("Vega Deribit", p -> Numbers.fixed(p.row().vegaUsdPerVolPoint(), 4)))));
    }

    if (!report.rejected().isEmpty()) {
      out.append("\nRejected lines: ").append(report.rejected().size()).append(" (not repriced)\n");
      int shown = 0;
      for (Map.Entry<Integer, InputError> e : report.rejected().entrySet()) {
        if (shown++ == REJECTED_SHOWN) {
          out.append("  ... and ").append(report.rejected().size() - REJECTED_SHOWN).append(" more\n");
          break;
        }
        out.append("  line ").append(e.getKey()).append(": ").append(e.getValue().message()).append('\n');
      }
    }
    return out.toString();
  }

  static <T> String table(List<T> rows, List<ColumnData<T>> columns) {
    return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, rows, columns) + "\n";
  }

  static <T> ColumnData<T> left(String header, Function<T, String> f) {
    return new Column().header(header).headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT).with(f);
  }

  static <T> ColumnData<T> right(String header, Function<T, String> f) {
    return new Column().header(header).headerAlign(HorizontalAlign.RIGHT).dataAlign(HorizontalAlign.RIGHT).with(f);
  }
}
