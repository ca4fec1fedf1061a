package io.levex.core.product;

import io.levex.core.basics.Asset;
import io.levex.core.basics.PutCall;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.InvalidInputException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats Deribit instrument names.
 * <p>
 * Accepted forms (the base may carry a quote suffix, {@code _USDC}, for linear contracts):
 * <ul>
 * <li>{@code BTC-PERPETUAL} inverse perpetual; {@code BTC_USDC-PERPETUAL} linear perpetual;</li>
 * <li>{@code BTC-27MAR26} inverse future; {@code BTC_USDC-27MAR26} linear future;</li>
 * <li>{@code BTC-27MAR26-90000-C} inverse option; {@code SOL_USDC-27MAR26-150-P} linear option; a decimal
 * strike writes {@code d} for the point ({@code XRP_USDC-27MAR26-0d625-C});</li>
 * <li>{@code BTC_USDC} spot.</li>
 * </ul>
 * The day has no leading zero ({@code BTC-1JAN26}); expiry is 08:00 UTC on the named date.
 * Unqualified contracts are inverse and quoted in USD, as at Deribit.
 */
public final class DeribitInstrumentNames {

  /** The venue code of Deribit. */
  public static final String DERIBIT = "DERIBIT";

  private static final String BASE = "([A-Z0-9]{1,20})(?:_([A-Z0-9]{1,20}))?";
  private static final String DATE = "([0-9]{1,2})([A-Z]{3})([0-9]{2})";
  private static final Pattern PERPETUAL = Pattern.compile(BASE + "-PERPETUAL");
  private static final Pattern FUTURE = Pattern.compile(BASE + "-" + DATE);
  private static final Pattern OPTION = Pattern.compile(BASE + "-" + DATE + "-([0-9]+(?:d[0-9]+)?)-([CP])");
  private static final Pattern SPOT = Pattern.compile("([A-Z0-9]{1,20})_([A-Z0-9]{1,20})");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final int EXPIRY_HOUR_UTC = 8;

  private DeribitInstrumentNames() {
  }

  /**
   * Parses a Deribit instrument name.
   *
   * @param name  the name, e.g. {@code BTC-27MAR26-90000-C}; surrounding spaces are ignored
   * @return the instrument
   * @throws InvalidInputException (INVALID_ARGUMENT, field {@code instrument}) if the name is malformed
   */
  public static Instrument parse(String name) {
    if (name == null || name.isBlank()) {
      throw InvalidInputException.invalid("instrument", "", "is required");
    }
    String text = name.trim();
    Matcher m = OPTION.matcher(text);
    if (m.matches()) {
      Asset base = Asset.of(m.group(1));
      Asset quote = quote(m.group(2));
      SettlementType settlement = settlementOf(m.group(2));
      Instant expiry = expiry(text, m.group(3), m.group(4), m.group(5));
      double strike = strike(text, m.group(6));
      PutCall putCall = "C".equals(m.group(7)) ? PutCall.CALL : PutCall.PUT;
      return new OptionInstrument(base, quote, settlement, expiry, strike, putCall,
          ContractSizes.defaultSize(io.levex.core.basics.InstrumentKind.OPTION, settlement, base), DERIBIT);
    }
    m = PERPETUAL.matcher(text);
    if (m.matches()) {
      Asset base = Asset.of(m.group(1));
      SettlementType settlement = settlementOf(m.group(2));
      return new PerpetualInstrument(base, quote(m.group(2)), settlement,
          ContractSizes.defaultSize(io.levex.core.basics.InstrumentKind.PERPETUAL, settlement, base), DERIBIT);
    }
    m = FUTURE.matcher(text);
    if (m.matches()) {
      Asset base = Asset.of(m.group(1));
      SettlementType settlement = settlementOf(m.group(2));
      Instant expiry = expiry(text, m.group(3), m.group(4), m.group(5));
      return new FutureInstrument(base, quote(m.group(2)), settlement, expiry,
          ContractSizes.defaultSize(io.levex.core.basics.InstrumentKind.FUTURE, settlement, base), DERIBIT);
    }
    m = SPOT.matcher(text);
    if (m.matches()) {
      return new SpotInstrument(Asset.of(m.group(1)), Asset.of(m.group(2)), DERIBIT);
    }
    throw InvalidInputException.invalid("instrument", text,
        "is not a Deribit instrument name (expected e.g. BTC-PERPETUAL, BTC_USDC-PERPETUAL, BTC-27MAR26 or BTC-27MAR26-90000-C)");
  }

  /**
   * Formats the canonical name of an instrument.
   *
   * @param instrument  the instrument
   * @return the name, e.g. {@code BTC-27MAR26-90000-C}
   */
  public static String format(Instrument instrument) {
    return switch (instrument) {
      case SpotInstrument s -> s.underlying() + "_" + s.quoteCurrency();
      case PerpetualInstrument p -> base(p) + "-PERPETUAL";
      case FutureInstrument f -> base(f) + "-" + formatDate(f.expiry());
      case OptionInstrument o -> base(o) + "-" + formatDate(o.expiry()) + "-" + formatStrike(o.strike())
          + "-" + (o.putCall() == PutCall.CALL ? "C" : "P");
    };
  }

  /**
   * Formats an expiry date the Deribit way: day without leading zero, month, two-digit year.
   *
   * @param expiry  the expiry instant
   * @return e.g. {@code 27MAR26}
   */
  public static String formatDate(Instant expiry) {
    ZonedDateTime t = expiry.atZone(ZoneOffset.UTC);
    return t.getDayOfMonth() + MONTHS.get(t.getMonthValue() - 1) + String.format(Locale.ROOT, "%02d", t.getYear() % 100);
  }

  /**
   * Gets the Deribit expiry instant of a date: 08:00 UTC.
   *
   * @param date  the date
   * @return the expiry instant
   */
  public static Instant expiryOf(LocalDate date) {
    return date.atTime(EXPIRY_HOUR_UTC, 0).toInstant(ZoneOffset.UTC);
  }

  private static String base(Instrument instrument) {
    return instrument.settlement() == SettlementType.INVERSE
        ? instrument.underlying().symbol()
        : instrument.underlying() + "_" + instrument.quoteCurrency();
  }

  private static String formatStrike(double strike) {
    String plain = new BigDecimal(Double.toString(strike)).stripTrailingZeros().toPlainString();
    return plain.replace('.', 'd');
  }

  private static Asset quote(String suffix) {
    return suffix == null ? Asset.USD : Asset.of(suffix);
  }

  private static SettlementType settlementOf(String suffix) {
    return suffix == null || suffix.equals("USD") ? SettlementType.INVERSE : SettlementType.LINEAR;
  }

  private static Instant expiry(String name, String day, String month, String year) {
    int monthIndex = MONTHS.indexOf(month);
    if (monthIndex < 0) {
      throw InvalidInputException.invalid("instrument", name, "has an unknown month " + month + " (expected JAN..DEC)");
    }
    if (day.length() == 2 && day.charAt(0) == '0') {
      throw InvalidInputException.invalid("instrument", name, "has a day with a leading zero (Deribit writes 1JAN26, not 01JAN26)");
    }
    try {
      return expiryOf(LocalDate.of(2000 + Integer.parseInt(year), monthIndex + 1, Integer.parseInt(day)));
    } catch (DateTimeException ex) {
      throw InvalidInputException.invalid("instrument", name, "has an invalid date " + day + month + year);
    }
  }

  private static double strike(String name, String text) {
    double strike = Double.parseDouble(text.replace('d', '.'));
    if (!(strike > 0) || Double.isInfinite(strike)) {
      throw InvalidInputException.invalid("instrument", name, "has a strike that is not > 0");
    }
    return strike;
  }
}
