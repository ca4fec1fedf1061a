package io.levex.cli.output;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.levex.cli.offline.ChainRepricing;
import io.levex.cli.offline.ChainRepricing.ErrorStats;
import io.levex.cli.offline.ChainRepricing.Group;
import io.levex.cli.offline.ChainRepricing.Repriced;
import io.levex.core.collect.InputError;
import java.util.Map;

/**
 * Renders a {@link ChainRepricing.Report} as JSON (shape documented in {@code docs/cli.md}): {@code file},
 * {@code rows}, {@code rejected}, {@code overall}, {@code by_underlying}, {@code worst}. Numbers are full
 * precision; a statistic without data is {@code null}.
 */
public final class ChainJson {

  private ChainJson() {
  }

  /**
   * Renders a report.
   *
   * @param report  the report
   * @param file  the chain file's name
   * @return the JSON text, pretty-printed, with a final line break
   */
  public static String render(ChainRepricing.Report report, String file) {
    JsonObject root = new JsonObject();
    root.addProperty("file", file);
    root.addProperty("rows", report.rows());
    JsonObject rejected = new JsonObject();
    rejected.addProperty("count", report.rejected().size());
    JsonArray first = new JsonArray();
    report.rejected().entrySet().stream().limit(ChainTables.REJECTED_SHOWN).forEach(e -> first.add(rejectedLine(e)));
    rejected.add("first", first);
    root.add("rejected", rejected);
    root.add("overall", group(report.overall()));
    JsonObject byUnderlying = new JsonObject();
    report.byUnderlying().forEach((k, v) -> byUnderlying.add(k, group(v)));
    root.add("by_underlying", byUnderlying);
    JsonArray worst = new JsonArray();
    report.worst().forEach(p -> worst.add(worstRow(p)));
    root.add("worst", worst);
    return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  private static JsonObject rejectedLine(Map.Entry<Integer, InputError> e) {
    JsonObject o = new JsonObject();
    o.addProperty("line", e.getKey());
    o.addProperty("kind", e.getValue().kind().name());
    o.addProperty("field", e.getValue().field());
    o.addProperty("value", e.getValue().value());
    o.addProperty("message", e.getValue().message());
    return o;
  }

  private static JsonObject group(Group g) {
    JsonObject o = new JsonObject();
    o.addProperty("rows", g.rows());
    o.add("mark_price_coin", stats(g.markPriceCoin()));
    o.add("delta", stats(g.delta()));
    o.add("vega", stats(g.vega()));
    return o;
  }

  private static JsonObject stats(ErrorStats s) {
    JsonObject o = new JsonObject();
    o.addProperty("count", s.count());
    o.add("max_abs_err", number(s.maxAbsErr()));
    o.add("median_abs_err", number(s.medianAbsErr()));
    return o;
  }

  private static JsonObject worstRow(Repriced p) {
    JsonObject o = new JsonObject();
    o.addProperty("instrument", p.row().instrumentName());
    o.addProperty("underlying", p.row().currency().symbol());
    o.addProperty("line", p.row().line());
    o.add("t_years", number(p.row().timeToExpiryYears()));
    o.add("forward_usd", number(p.row().underlyingPriceUsd()));
    o.add("mark_iv", number(p.row().markIv()));
    o.add("mark_price_coin", comparison(p.priceCoin(), p.row().markPriceCoin(), p.markErr()));
    o.add("delta", comparison(p.delta(), p.row().delta(), p.deltaErr()));
    o.add("vega", comparison(p.vegaUsdPerVolPoint(), p.row().vegaUsdPerVolPoint(), p.vegaErr()));
    return o;
  }

  private static JsonObject comparison(double ours, double deribit, double absErr) {
    JsonObject o = new JsonObject();
    o.add("ours", number(ours));
    o.add("deribit", number(deribit));
    o.add("abs_err", number(absErr));
    return o;
  }

  private static JsonElement number(double v) {
    return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
  }
}
