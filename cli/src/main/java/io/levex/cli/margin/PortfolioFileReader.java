package io.levex.cli.margin;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.levex.cli.offline.CsvBatch;
import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.chain.DeribitChain;
import io.levex.core.market.chain.DeribitChainCsv;
import io.levex.core.portfolio.PortfolioMarket;
import io.levex.core.portfolio.PortfolioPosition;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.OptionInstrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a portfolio file (JSON, UTF-8; format in {@code docs/cli.md}, "Portfolio files").
 * <p>
 * Strict about content: unknown fields (other than {@code description} and names starting with {@code _}, kept for
 * notes), numbers that are not finite, negative collateral or add-ons, bad instrument names and sizes are rejected
 * with an {@link InvalidInputException} naming the field by its path ({@code positions[2].size},
 * {@code collateral[BTC]}, {@code market.marks[BTC-PERPETUAL]}). A {@code market.chain_csv} path is relative to the
 * portfolio file's directory; its rows complete the explicit market data (explicit entries win).
 */
public final class PortfolioFileReader {

  private static final Set<String> TOP = Set.of("as_of", "model", "params", "collateral", "market", "positions",
      "open_orders_margin", "mmp_margin", "description");
  private static final Set<String> MARKET = Set.of("index", "marks", "vols", "chain_csv");
  private static final Set<String> POSITION = Set.of("instrument", "size", "average_price");

  private PortfolioFileReader() {
  }

  /** Thrown when the file cannot be read (the portfolio file itself or its chain file) or is not JSON. */
  public static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Reads a portfolio file.
   *
   * @param file  the file
   * @return the parsed portfolio
   * @throws UnreadableException when the file or its chain file cannot be read, or the file is not JSON
   * @throws InvalidInputException naming the field when the content is invalid
   */
  public static PortfolioFile read(Path file) throws UnreadableException {
    JsonElement root;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = JsonParser.parseReader(in);
    } catch (IOException ex) {
      throw new UnreadableException("cannot read portfolio file " + file + ": " + CsvBatch.describe(ex), ex);
    } catch (JsonParseException ex) {
      Throwable cause = ex.getCause() == null ? ex : ex.getCause();
      throw new UnreadableException("portfolio file " + file + " is not valid JSON: " + cause.getMessage(), ex);
    }
    if (!root.isJsonObject()) {
      throw new UnreadableException("portfolio file " + file + " is not a JSON object (expected {\"as_of\": ..., \"model\": ..., ...})", null);
    }
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    return parse(root.getAsJsonObject(), name, file.toAbsolutePath().getParent());
  }

  /**
   * Parses the content of a portfolio file.
   *
   * @param o  the top-level object
   * @param name  the file's name
   * @param dir  the directory a {@code chain_csv} path is relative to
   * @return the portfolio
   * @throws UnreadableException when the chain file cannot be read
   */
  static PortfolioFile parse(JsonObject o, String name, Path dir) throws UnreadableException {
    checkKeys(o, TOP, "");
    Instant asOf = asOf(required(o, "as_of"));
    String model = string(required(o, "model"), "model");
    ParameterChoice params = params(o.get("params"));
    Map<Asset, Double> collateral = amounts(required(o, "collateral"), "collateral");
    JsonObject market = object(required(o, "market"), "market");
    checkKeys(market, MARKET, "market.");
    List<PortfolioPosition> positions = positions(required(o, "positions"));
    Map<Asset, Double> openOrders = o.has("open_orders_margin") ? amounts(o.get("open_orders_margin"), "open_orders_margin") : Map.of();
    Map<Asset, Double> mmp = o.has("mmp_margin") ? amounts(o.get("mmp_margin"), "mmp_margin") : Map.of();

    Map<Asset, Double> index = new TreeMap<>();
    if (market.has("index")) {
      object(market.get("index"), "market.index").entrySet().forEach(e ->
          index.put(asset(e.getKey(), "market.index"), number(e.getValue(), "market.index[" + e.getKey() + "]")));
    }
    Map<String, Double> marks = instrumentNumbers(market, "marks", false);
    Map<String, Double> vols = instrumentNumbers(market, "vols", true);
    PortfolioMarket pm = new PortfolioMarket(asOf, index, marks, vols, Map.of());
    int rejected = 0;
    if (market.has("chain_csv")) {
      String csv = string(market.get("chain_csv"), "market.chain_csv");
      Path chainFile = dir == null ? Path.of(csv) : dir.resolve(csv);
      DeribitChain chain = chain(chainFile);
      rejected = chain.rejected().size();
      pm = pm.withChain(chain);
    }
    for (Asset a : collateral.keySet()) {
      needsIndex(pm, a, "collateral[" + a + "]");
    }
    for (Asset a : openOrders.keySet()) {
      needsIndex(pm, a, "open_orders_margin[" + a + "]");
    }
    for (Asset a : mmp.keySet()) {
      needsIndex(pm, a, "mmp_margin[" + a + "]");
    }
    return new PortfolioFile(name, model, params, collateral, pm, positions, openOrders, mmp, rejected);
  }

  private static DeribitChain chain(Path chainFile) throws UnreadableException {
    try (BufferedReader in = Files.newBufferedReader(chainFile, StandardCharsets.UTF_8)) {
      return DeribitChainCsv.parse(in);
    } catch (IOException | UncheckedIOException ex) {
      IOException cause = ex instanceof UncheckedIOException u ? u.getCause() : (IOException) ex;
      throw new UnreadableException("market.chain_csv: cannot read chain file " + chainFile + ": " + CsvBatch.describe(cause), cause);
    } catch (InvalidInputException ex) {
      throw new UnreadableException("market.chain_csv: chain file " + chainFile + ": " + ex.getMessage(), ex);
    }
  }

  private static void needsIndex(PortfolioMarket market, Asset asset, String field) {
    if (!asset.isUsdLike() && !market.indexUsd().containsKey(asset)) {
      throw InvalidInputException.notFound("market.index", asset,
          "has no price for " + field + " (needed to value it in USD; give the index in USD per coin)");
    }
  }

  private static Instant asOf(JsonElement e) {
    String text = string(e, "as_of");
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException ex) {
      throw InvalidInputException.invalid("as_of", text, "must be an RFC 3339 time with an offset, e.g. 2026-01-05T12:00:00Z");
    }
  }

  private static ParameterChoice params(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return ParameterChoice.CURRENT;
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      return new ParameterChoice(e.getAsString().trim(), Map.of());
    }
    if (!e.isJsonObject()) {
      throw InvalidInputException.invalid("params", e.toString(),
          "must be the name of a shipped parameter set or an object of overrides by the venue's key names");
    }
    Map<String, Double> overrides = new LinkedHashMap<>();
    e.getAsJsonObject().entrySet().forEach(en -> overrides.put(en.getKey(), number(en.getValue(), "params[" + en.getKey() + "]")));
    return new ParameterChoice(null, overrides);
  }

  private static List<PortfolioPosition> positions(JsonElement e) {
    if (!e.isJsonArray()) {
      throw InvalidInputException.invalid("positions", e.toString(), "must be a list of {\"instrument\": ..., \"size\": ...}");
    }
    List<PortfolioPosition> out = new ArrayList<>();
    for (int i = 0; i < e.getAsJsonArray().size(); i++) {
      String field = "positions[" + i + "]";
      JsonObject p = object(e.getAsJsonArray().get(i), field);
      checkKeys(p, POSITION, field + ".");
      String instrument = string(required(p, "instrument", field + "."), field + ".instrument");
      double size = number(required(p, "size", field + "."), field + ".size");
      double average = p.has("average_price") ? number(p.get("average_price"), field + ".average_price") : 0.0;
      try {
        out.add(new PortfolioPosition(instrument, size, average));
      } catch (InvalidInputException ex) {
        throw ex.withFieldPrefix(field);
      }
    }
    return out;
  }

  private static Map<String, Double> instrumentNumbers(JsonObject market, String key, boolean optionsOnly) {
    Map<String, Double> out = new TreeMap<>();
    if (!market.has(key)) {
      return out;
    }
    for (Map.Entry<String, JsonElement> e : object(market.get(key), "market." + key).entrySet()) {
      String field = "market." + key + "[" + e.getKey() + "]";
      io.levex.core.product.Instrument instrument;
      try {
        instrument = DeribitInstrumentNames.parse(e.getKey().trim());
      } catch (InvalidInputException ex) {
        throw ex.withField(field);
      }
      if (optionsOnly && !(instrument instanceof OptionInstrument)) {
        throw InvalidInputException.invalid(field, e.getKey(), "is not an option: market.vols holds option vols only");
      }
      out.put(instrument.name(), number(e.getValue(), field));
    }
    return out;
  }

  private static Map<Asset, Double> amounts(JsonElement e, String field) {
    Map<Asset, Double> out = new TreeMap<>();
    for (Map.Entry<String, JsonElement> en : object(e, field).entrySet()) {
      Asset a = asset(en.getKey(), field);
      String f = field + "[" + a + "]";
      double v = number(en.getValue(), f);
      if (v < 0) {
        throw InvalidInputException.invalid(f, Checks.format(v), "must be >= 0");
      }
      if (out.put(a, v) != null) {
        throw InvalidInputException.invalid(f, en.getKey(), "repeats an asset (keys are case-insensitive)");
      }
    }
    return out;
  }

  private static Asset asset(String symbol, String field) {
    try {
      return Asset.of(symbol);
    } catch (InvalidInputException ex) {
      throw InvalidInputException.invalid(field, symbol, "has a key that is not an asset symbol (1-20 characters of A-Z, 0-9)");
    }
  }

  private static void checkKeys(JsonObject o, Set<String> known, String prefix) {
    for (String k : o.keySet()) {
      if (!known.contains(k) && !k.startsWith("_")) {
        throw InvalidInputException.invalid(prefix + k, k, "is not a field of a portfolio file here (known: "
            + String.join(", ", sorted(known)) + "; names starting with _ are notes)");
      }
    }
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  private static JsonElement required(JsonObject o, String key) {
    return required(o, key, "");
  }

  private static JsonElement required(JsonObject o, String key, String prefix) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      throw InvalidInputException.invalid(prefix + key, "", "is required");
    }
    return e;
  }

  private static JsonObject object(JsonElement e, String field) {
    if (e == null || !e.isJsonObject()) {
      throw InvalidInputException.invalid(field, String.valueOf(e), "must be a JSON object");
    }
    return e.getAsJsonObject();
  }

  private static String string(JsonElement e, String field) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
      throw InvalidInputException.invalid(field, e.toString(), "must be a non-empty string");
    }
    return e.getAsString().trim();
  }

  /** A number: a JSON number, or a string holding one (NaN and Infinity are read, then rejected as not finite). */
  private static double number(JsonElement e, String field) {
    if (e == null || !e.isJsonPrimitive()) {
      throw InvalidInputException.invalid(field, String.valueOf(e), "must be a number");
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    double v;
    if (p.isNumber()) {
      v = p.getAsDouble();
    } else if (p.isString()) {
      try {
        v = Double.parseDouble(p.getAsString().trim());
      } catch (NumberFormatException ex) {
        throw InvalidInputException.invalid(field, p.getAsString(), "must be a number");
      }
    } else {
      throw InvalidInputException.invalid(field, p.toString(), "must be a number");
    }
    return Checks.finite(field, v);
  }
}
