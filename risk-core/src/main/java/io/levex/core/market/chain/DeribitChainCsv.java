package io.levex.core.market.chain;

import io.levex.core.basics.Asset;
import io.levex.core.basics.PutCall;
import io.levex.core.collect.InputError;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import io.levex.core.product.OptionInstrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a Deribit chain snapshot CSV in the format of {@code deribit_chain_btc_eth_20251230T173115Z.csv}
 * (columns {@code timestamp, instrument_name, underlying, underlying_name, option_type, strike,
 * expiry_datetime, bid_price, ask_price, mark_price, implied_volatility, delta, vega, open_interest, currency,
 * index_price}; others are ignored, column order is free; lines starting with {@code #} are comments).
 * <p>
 * A bad line is rejected alone with an error naming its column and value; the rest still parse. Times are
 * truncated to milliseconds. The file's {@code time_to_maturity} (365.25-day years) is ignored: use
 * {@link DeribitChainRow#timeToExpiryYears()}. Stateless.
 */
public final class DeribitChainCsv {

  private static final String[] REQUIRED = {
      "timestamp", "instrument_name", "underlying", "option_type", "strike", "expiry_datetime", "mark_price",
      "implied_volatility", "currency"};

  private DeribitChainCsv() {
  }

  /**
   * Parses the text of a chain snapshot.
   *
   * @param reader  the CSV text; not closed
   * @return the rows and the rejected lines
   * @throws InvalidInputException INVALID_ARGUMENT when the header lacks a required column
   */
  public static DeribitChain parse(Reader reader) {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    List<DeribitChainRow> rows = new ArrayList<>();
    Map<Integer, InputError> rejected = new LinkedHashMap<>();
    Map<String, Integer> columns = null;
    int lineNo = 0;
    try {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (columns == null) {
          columns = header(cells);
          continue;
        }
        try {
          rows.add(row(lineNo, cells, columns));
        } catch (InvalidInputException ex) {
          rejected.put(lineNo, ex.error());
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    if (columns == null) {
      throw InvalidInputException.invalid("header", "", "the chain file is empty: no header line");
    }
    return new DeribitChain(rows, rejected);
  }

  private static Map<String, Integer> header(String[] cells) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < cells.length; i++) {
      columns.put(cells[i].trim().toLowerCase(Locale.ROOT), i);
    }
    for (String c : REQUIRED) {
      if (!columns.containsKey(c)) {
        throw InvalidInputException.invalid("header", String.join(",", cells), "lacks the required column " + c);
      }
    }
    return columns;
  }

  private static DeribitChainRow row(int lineNo, String[] cells, Map<String, Integer> columns) {
    String name = text(cells, columns, "instrument_name");
    Instrument parsed;
    try {
      parsed = DeribitInstrumentNames.parse(name);
    } catch (InvalidInputException ex) {
      throw ex.withField("instrument_name");
    }
    if (!(parsed instanceof OptionInstrument option)) {
      throw InvalidInputException.invalid("instrument_name", name, "is not an option");
    }
    PutCall putCall = switch (text(cells, columns, "option_type").toLowerCase(Locale.ROOT)) {
      case "call", "c" -> PutCall.CALL;
      case "put", "p" -> PutCall.PUT;
      default -> throw InvalidInputException.invalid("option_type", text(cells, columns, "option_type"),
          "must be call or put");
    };
    if (putCall != option.putCall()) {
      throw InvalidInputException.invalid("option_type", putCall, "disagrees with the instrument name " + name);
    }
    double strike = positive(cells, columns, "strike");
    if (strike != option.strike()) {
      throw InvalidInputException.invalid("strike", text(cells, columns, "strike"), "disagrees with the instrument name " + name);
    }
    Instant expiry = instant(cells, columns, "expiry_datetime");
    if (!expiry.equals(option.expiry())) {
      throw InvalidInputException.invalid("expiry_datetime", text(cells, columns, "expiry_datetime"),
          "disagrees with the instrument name " + name + " (expected " + option.expiry() + ")");
    }
    Asset currency = Asset.of(text(cells, columns, "currency"));
    if (!currency.equals(option.underlying())) {
      throw InvalidInputException.invalid("currency", currency, "disagrees with the instrument name " + name);
    }
    double iv = positive(cells, columns, "implied_volatility");
    if (iv > 10) {
      throw InvalidInputException.invalid("implied_volatility", text(cells, columns, "implied_volatility"),
          "must be a decimal vol in (0, 10]");
    }
    return new DeribitChainRow(
        lineNo,
        instant(cells, columns, "timestamp"),
        name,
        currency,
        putCall,
        strike,
        expiry,
        positive(cells, columns, "underlying"),
        optionalText(cells, columns, "underlying_name"),
        optionalNumber(cells, columns, "index_price"),
        optionalNumber(cells, columns, "bid_price"),
        optionalNumber(cells, columns, "ask_price"),
        nonNegative(cells, columns, "mark_price"),
        iv,
        optionalNumber(cells, columns, "delta"),
        optionalNumber(cells, columns, "vega"),
        optionalNumber(cells, columns, "open_interest"));
  }

  private static String text(String[] cells, Map<String, Integer> columns, String column) {
    String value = optionalText(cells, columns, column);
    if (value.isEmpty()) {
      throw InvalidInputException.invalid(column, "", "is required");
    }
    return value;
  }

  private static String optionalText(String[] cells, Map<String, Integer> columns, String column) {
    Integer i = columns.get(column);
    return i == null || i >= cells.length ? "" : cells[i].trim();
  }

  private static double optionalNumber(String[] cells, Map<String, Integer> columns, String column) {
    String value = optionalText(cells, columns, column);
    if (value.isEmpty()) {
      return Double.NaN;
    }
    try {
      double d = Double.parseDouble(value);
      if (!Double.isFinite(d)) {
        throw InvalidInputException.invalid(column, value, "must be a finite number");
      }
      return d;
    } catch (NumberFormatException ex) {
      throw InvalidInputException.invalid(column, value, "is not a number");
    }
  }

  private static double positive(String[] cells, Map<String, Integer> columns, String column) {
    double d = optionalNumber(cells, columns, column);
    if (!(d > 0)) {
      throw InvalidInputException.invalid(column, optionalText(cells, columns, column), "must be a number > 0");
    }
    return d;
  }

  private static double nonNegative(String[] cells, Map<String, Integer> columns, String column) {
    double d = optionalNumber(cells, columns, column);
    if (!(d >= 0)) {
      throw InvalidInputException.invalid(column, optionalText(cells, columns, column), "must be a number >= 0");
    }
    return d;
  }

  private static Instant instant(String[] cells, Map<String, Integer> columns, String column) {
    String value = text(cells, columns, column);
    try {
      return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException ex) {
      try {
        return Instant.parse(value).truncatedTo(ChronoUnit.MILLIS);
      } catch (DateTimeParseException ex2) {
        throw InvalidInputException.invalid(column, value, "is not an ISO-8601 UTC time");
      }
    }
  }
}
