package io.levex.cli.demo;

import io.levex.api.convert.ProtoTimes;
import io.levex.api.v1.IndexPrice;
import io.levex.api.v1.InstrumentTicker;
import io.levex.api.v1.MarketDataUpdate;
import io.levex.core.basics.Asset;
import io.levex.core.basics.PutCall;
import io.levex.core.basics.SettlementType;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.OptionInstrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo market: real Deribit BTC quotes of one instant (resource {@code demo/deribit-btc-20251230.csv}), replayed
 * at a chosen time with each option's expiry re-dated to that day plus its original tenor.
 */
public final class DemoMarket {

  /** The resource holding the quotes. */
  public static final String RESOURCE = "/demo/deribit-btc-20251230.csv";
  /** When the quotes were recorded. */
  public static final String RECORDED_AT = "2025-12-30T17:31:15Z";

  private final double index;
  private final double perpetualMark;
  private final double funding8h;
  private final Map<String, DemoOption> options;

  /**
   * An option quote of the snapshot, re-dated.
   *
   * @param sourceName  its name in the snapshot, e.g. BTC-30JAN26-100000-C
   * @param instrument  the re-dated instrument
   * @param forwardUsd  Deribit underlying_price
   * @param markIv  mark IV, decimal
   * @param markPriceCoin  mark, coin per option
   */
  public record DemoOption(String sourceName, OptionInstrument instrument, double forwardUsd, double markIv, double markPriceCoin) {
  }

  private DemoMarket(double index, double perpetualMark, double funding8h, Map<String, DemoOption> options) {
    this.index = index;
    this.perpetualMark = perpetualMark;
    this.funding8h = funding8h;
    this.options = options;
  }

  /**
   * Loads the snapshot and re-dates it to a day.
   *
   * @param today  the replay day (UTC)
   * @return the market
   */
  public static DemoMarket load(LocalDate today) {
    try (InputStream in = DemoMarket.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      double index = Double.NaN;
      double perp = Double.NaN;
      double funding = Double.NaN;
      Map<String, DemoOption> options = new LinkedHashMap<>();
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",", -1);
        switch (f[0]) {
          case "index" -> index = Double.parseDouble(f[7]);
          case "perpetual" -> {
            perp = Double.parseDouble(f[7]);
            funding = Double.parseDouble(f[8]);
          }
          case "option" -> {
            long days = Math.max(2, Math.round(Double.parseDouble(f[2])));
            Instant expiry = DeribitInstrumentNames.expiryOf(today.plusDays(days));
            OptionInstrument o = new OptionInstrument(Asset.BTC, Asset.USD, SettlementType.INVERSE, expiry,
                Double.parseDouble(f[3]), "call".equals(f[4]) ? PutCall.CALL : PutCall.PUT, 1, DeribitInstrumentNames.DERIBIT);
            options.put(f[1], new DemoOption(f[1], o, Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7])));
          }
          default -> throw new IllegalStateException("unknown row kind " + f[0] + " in " + RESOURCE);
        }
      }
      return new DemoMarket(index, perp, funding, options);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Gets the market-data updates that publish this market at an instant.
   *
   * @param time  the source time to stamp
   * @return index, perpetual ticker (with funding) and option tickers
   */
  public List<MarketDataUpdate> updates(Instant time) {
    List<MarketDataUpdate> out = new ArrayList<>();
    var t = ProtoTimes.toProto(time);
    out.add(MarketDataUpdate.newBuilder().setIndexPrice(IndexPrice.newBuilder().setUnderlying("BTC").setPriceUsd(index).setTime(t)).build());
    out.add(MarketDataUpdate.newBuilder().setTicker(InstrumentTicker.newBuilder().setInstrument("BTC-PERPETUAL")
        .setMarkPrice(perpetualMark).setIndexPrice(index).setFunding8H(funding8h).setTime(t)).build());
    for (DemoOption o : options.values()) {
      out.add(MarketDataUpdate.newBuilder().setTicker(InstrumentTicker.newBuilder().setInstrument(o.instrument().name())
          .setMarkPrice(o.markPriceCoin()).setMarkIv(o.markIv()).setUnderlyingPrice(o.forwardUsd()).setIndexPrice(index)
          .setTime(t)).build());
    }
    return out;
  }

  /**
   * Gets an option by its snapshot name.
   *
   * @param sourceName  e.g. BTC-30JAN26-100000-C
   * @return the re-dated option
   */
  public DemoOption option(String sourceName) {
    DemoOption o = options.get(sourceName);
    if (o == null) {
      throw new IllegalArgumentException("no option " + sourceName + " in " + RESOURCE);
    }
    return o;
  }

  /**
   * Gets the index.
   *
   * @return USD per BTC
   */
  public double index() {
    return index;
  }

  /**
   * Gets the perpetual's mark.
   *
   * @return USD per BTC
   */
  public double perpetualMark() {
    return perpetualMark;
  }
}
