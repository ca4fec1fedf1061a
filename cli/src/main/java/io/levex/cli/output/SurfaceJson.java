package io.levex.cli.output;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.levex.cli.offline.SurfaceFitting;
import io.levex.cli.offline.SurfaceFitting.SliceView;
import io.levex.cli.offline.SurfaceFitting.UnderlyingSurface;
import io.levex.core.collect.InputError;
import io.levex.core.market.surface.ArbitrageViolation;
import io.levex.core.market.surface.SkippedSlice;
import io.levex.core.market.surface.SliceQuote;
import io.levex.core.market.surface.SviParameters;
import io.levex.core.market.surface.SviSlice;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link SurfaceFitting.Report} as JSON (shape documented in {@code docs/cli.md}): {@code file},
 * {@code snapshot_time}, {@code rows}, {@code rejected}, {@code settings}, {@code by_underlying}. Vols, risk
 * reversals, butterflies and fit errors are decimals (0.01 = 1 vol point); numbers are full precision; a value
 * that does not exist is {@code null}.
 */
public final class SurfaceJson {

  private SurfaceJson() {
  }

  /**
   * Renders a report.
   *
   * @param report  the report
   * @param file  the chain file's name
   * @return the JSON text, pretty-printed, with a final line break
   */
  public static String render(SurfaceFitting.Report report, String file) {
    JsonObject root = new JsonObject();
    root.addProperty("file", file);
    root.addProperty("snapshot_time", report.snapshotTime().toString());
    root.addProperty("rows", report.rows());
    JsonObject rejected = new JsonObject();
    rejected.addProperty("count", report.rejected().size());
    JsonArray first = new JsonArray();
    report.rejected().entrySet().stream().limit(ChainTables.REJECTED_SHOWN).forEach(e -> first.add(rejectedLine(e)));
    rejected.add("first", first);
    root.add("rejected", rejected);
    JsonObject settings = new JsonObject();
    settings.addProperty("weighting", report.settings().weighting().name().toLowerCase(Locale.ROOT));
    settings.addProperty("min_quotes", report.settings().minQuotes());
    settings.add("min_abs_delta", number(report.settings().minAbsDelta()));
    root.add("settings", settings);
    JsonObject byUnderlying = new JsonObject();
    report.surfaces().forEach(s -> byUnderlying.add(s.underlying().symbol(), surface(s)));
    root.add("by_underlying", byUnderlying);
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

  private static JsonObject surface(UnderlyingSurface s) {
    JsonObject o = new JsonObject();
    o.addProperty("rows", s.rows());
    o.add("error", s.error() == null ? JsonNull.INSTANCE : new JsonPrimitive(s.error().message()));
    JsonArray slices = new JsonArray();
    s.slices().forEach(v -> slices.add(slice(v)));
    o.add("slices", slices);
    JsonArray violations = new JsonArray();
    JsonArray skipped = new JsonArray();
    if (s.surface() != null) {
      s.surface().arbitrageViolations().forEach(v -> violations.add(violation(v)));
      s.surface().skipped().forEach(k -> skipped.add(skipped(k)));
    }
    o.add("violations", violations);
    o.add("skipped", skipped);
    return o;
  }

  private static JsonObject slice(SliceView v) {
    SviSlice s = v.slice();
    JsonObject o = new JsonObject();
    o.addProperty("expiry", s.expiry().toString());
    o.add("t_years", number(s.timeToExpiry()));
    o.add("forward_usd", number(s.forwardUsd()));
    SviParameters p = s.parameters();
    JsonObject svi = new JsonObject();
    svi.add("a", number(p.a()));
    svi.add("b", number(p.b()));
    svi.add("rho", number(p.rho()));
    svi.add("m", number(p.m()));
    svi.add("sigma", number(p.sigma()));
    o.add("svi", svi);
    o.add("atm_vol", number(s.atmVol()));
    boolean pillars = v.smile25() != null;
    o.add("rr25", pillars ? number(v.smile25().riskReversal()) : JsonNull.INSTANCE);
    o.add("bf25", pillars ? number(v.smile25().butterfly()) : JsonNull.INSTANCE);
    o.add("call25", pillars ? pillar(v.smile25().callStrikeUsd(), v.smile25().callVol()) : JsonNull.INSTANCE);
    o.add("put25", pillars ? pillar(v.smile25().putStrikeUsd(), v.smile25().putVol()) : JsonNull.INSTANCE);
    o.add("pillars_error", v.smile25Error() == null ? JsonNull.INSTANCE : new JsonPrimitive(v.smile25Error()));
    JsonObject fit = new JsonObject();
    fit.addProperty("quotes", s.quotes().size());
    fit.add("rms_vol_error", number(s.rmsVolError()));
    fit.add("max_abs_vol_error", number(s.maxAbsVolError()));
    o.add("fit", fit);
    o.addProperty("butterfly_arbitrage_free", v.butterflyFree());
    JsonArray quotes = new JsonArray();
    for (SliceQuote q : s.quotes()) {
      JsonObject j = new JsonObject();
      j.addProperty("instrument", q.instrument());
      j.addProperty("option_type", q.putCall().isCall() ? "call" : "put");
      j.add("strike_usd", number(q.strikeUsd()));
      j.add("log_moneyness", number(q.logMoneyness()));
      j.add("market_vol", number(q.marketVol()));
      j.add("fitted_vol", number(q.fittedVol()));
      j.add("weight", number(q.weight()));
      quotes.add(j);
    }
    o.add("quotes", quotes);
    return o;
  }

  private static JsonObject pillar(double strike, double vol) {
    JsonObject o = new JsonObject();
    o.add("strike_usd", number(strike));
    o.add("vol", number(vol));
    return o;
  }

  private static JsonObject violation(ArbitrageViolation v) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", v.kind().label());
    o.addProperty("expiry", v.expiry().toString());
    o.add("log_moneyness", number(v.logMoneyness()));
    o.add("from_log_moneyness", number(v.fromLogMoneyness()));
    o.add("to_log_moneyness", number(v.toLogMoneyness()));
    o.add("worst_value", number(v.worstValue()));
    o.addProperty("message", v.message());
    return o;
  }

  private static JsonObject skipped(SkippedSlice k) {
    JsonObject o = new JsonObject();
    o.addProperty("expiry", k.expiry().toString());
    o.addProperty("quote_count", k.quoteCount());
    o.addProperty("reason", k.reason());
    return o;
  }

  private static JsonElement number(double v) {
    return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
  }
}
