package io.levex.cli.output;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.levex.cli.margin.MarginReport;
import io.levex.cli.margin.MarginReport.CurrencyMargin;
import io.levex.cli.margin.MarginReport.PositionMargin;
import io.levex.cli.margin.MarginReport.RiskMatrixDetails;
import io.levex.cli.margin.MarginReport.UnderlyingLiquidation;
import io.levex.core.basics.Asset;
import io.levex.core.margin.MarginStatus;
import io.levex.core.product.OptionInstrument;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link MarginReport} as JSON with Deribit's field names (shape documented in {@code docs/cli.md}):
 * {@code file}, {@code as_of}, {@code model}, {@code parameter_set}, {@code currencies.<CCY>}, {@code positions},
 * {@code totals_usd}, {@code notes}. Numbers are full precision; a value that does not exist (or is infinite, like
 * the margin ratio of a non-positive balance) is {@code null}.
 */
public final class MarginJson {

  private MarginJson() {
  }

  /**
   * Renders a report.
   *
   * @param report  the report
   * @param file  the portfolio file's name
   * @param asOf  the valuation instant
   * @return the JSON text, pretty-printed, with a final line break
   */
  public static String render(MarginReport report, String file, Instant asOf) {
    JsonObject root = new JsonObject();
    root.addProperty("file", file);
    root.addProperty("as_of", asOf.toString());
    root.addProperty("model", report.model());
    root.addProperty("parameter_set", report.parameterSet());
    JsonObject currencies = new JsonObject();
    report.currencies().forEach(c -> currencies.add(c.currency().symbol(), currency(c)));
    root.add("currencies", currencies);
    JsonArray positions = new JsonArray();
    report.positions().forEach(p -> positions.add(position(p)));
    root.add("positions", positions);
    JsonObject totals = new JsonObject();
    MarginReport.UsdTotals t = report.totalsUsd();
    totals.add("equity", number(t.equity()));
    totals.add("margin_balance", number(t.marginBalance()));
    totals.add("initial_margin", number(t.initialMargin()));
    totals.add("maintenance_margin", number(t.maintenanceMargin()));
    totals.add("available_funds", number(t.availableFunds()));
    totals.addProperty("status", status(t.status()));
    root.add("totals_usd", totals);
    JsonArray notes = new JsonArray();
    report.notes().forEach(notes::add);
    root.add("notes", notes);
    return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  /**
   * The status as written in the output: {@code healthy}, {@code warning}, {@code reduce_only}, {@code liquidation}.
   *
   * @param s  the status
   * @return the text
   */
  public static String status(MarginStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static JsonObject currency(CurrencyMargin c) {
    JsonObject o = new JsonObject();
    o.add("initial_margin", number(c.initialMargin()));
    o.add("maintenance_margin", number(c.maintenanceMargin()));
    o.add("margin_balance", number(c.marginBalance()));
    o.add("margin_ratio", number(c.marginRatio()));
    o.addProperty("status", status(c.status()));
    o.add("equity", number(c.equity()));
    o.add("available_funds", number(c.availableFunds()));
    o.add("open_orders_margin", number(c.openOrdersMargin()));
    o.add("mmp_margin", number(c.mmpMargin()));
    o.add("index_price", number(c.indexUsd()));
    o.add("risk_matrix_margin_details", c.riskMatrix() == null ? JsonNull.INSTANCE : riskMatrix(c.riskMatrix()));
    o.add("liquidation", c.liquidation() == null ? JsonNull.INSTANCE : liquidation(c.liquidation()));
    return o;
  }

  private static JsonObject riskMatrix(RiskMatrixDetails d) {
    JsonObject o = new JsonObject();
    o.add("worst_case", number(d.worstCase()));
    if (d.worstCaseBucket() == null) {
      o.add("worst_case_bucket", JsonNull.INSTANCE);
    } else {
      JsonObject b = new JsonObject();
      b.addProperty("bucket", d.worstCaseBucket().bucket());
      b.addProperty("side", d.worstCaseBucket().side());
      b.addProperty("source", d.worstCaseBucket().source());
      b.addProperty("index", d.worstCaseBucket().index());
      b.addProperty("label", d.worstCaseBucket().label());
      o.add("worst_case_bucket", b);
    }
    o.add("roll_shock", number(d.rollShock()));
    o.add("delta_shock", number(d.deltaShock()));
    o.add("correlation_contingency", number(d.correlationContingency()));
    return o;
  }

  private static JsonObject liquidation(Map<Asset, UnderlyingLiquidation> byUnderlying) {
    JsonObject o = new JsonObject();
    byUnderlying.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      JsonObject u = new JsonObject();
      UnderlyingLiquidation l = e.getValue();
      u.add("prices", numbers(l.pricesUsd()));
      u.add("distance_pct", numbers(l.distancePct()));
      u.add("distance_sigmas", numbers(l.distanceSigmas()));
      u.add("atm_vol", number(l.atmVol()));
      u.add("horizon_days", number(l.horizonDays()));
      JsonArray drivers = new JsonArray();
      l.drivers().forEach(d -> {
        JsonObject x = new JsonObject();
        x.addProperty("instrument", d.instrument());
        x.add("excess_change", number(d.excessChange()));
        drivers.add(x);
      });
      u.add("drivers", drivers);
      o.add(e.getKey().symbol(), u);
    });
    return o;
  }

  private static JsonObject position(PositionMargin p) {
    JsonObject o = new JsonObject();
    o.addProperty("instrument", p.instrument());
    o.add("size", number(p.size()));
    o.add("average_price", p.averagePrice() > 0 ? number(p.averagePrice()) : JsonNull.INSTANCE);
    o.addProperty("currency", p.currency().symbol());
    o.add("mark_price", number(p.mark().price()));
    o.add("index_price", number(p.mark().indexUsd()));
    boolean option = p.mark().instrument() instanceof OptionInstrument;
    o.add("forward_price", option ? number(p.mark().forwardUsd()) : JsonNull.INSTANCE);
    o.add("implied_volatility", option ? number(p.mark().impliedVol()) : JsonNull.INSTANCE);
    o.add("initial_margin", number(p.initialMargin()));
    o.add("maintenance_margin", number(p.maintenanceMargin()));
    o.add("unrealized_pnl", number(p.unrealizedPnl()));
    o.add("market_value", number(p.marketValue()));
    o.add("worst_case_contribution", number(p.worstCaseContribution()));
    o.addProperty("pricing_source", p.mark().source());
    return o;
  }

  private static JsonArray numbers(List<Double> values) {
    JsonArray a = new JsonArray();
    values.forEach(v -> a.add(number(v)));
    return a;
  }

  private static JsonElement number(double v) {
    return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
  }
}
