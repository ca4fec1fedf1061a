package io.levex.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored high-precision (mpmath, 60 digits) references of the benchmark input sets, read from the class path
 * ({@code /reference/}, see its PROVENANCE.md): prices and greeks of the first {@link #ROWS} options of the core,
 * wings and short sets, and implied vols of the core and hard-IV sets. Each loader checks that the stored inputs
 * are, bit for bit, the ones {@link InputSet} generates, so a change of the generator cannot silently decouple
 * the gate from the timed inputs.
 */
public final class Reference {

  /** Options per stored reference (the in-cache size of the benchmarks). */
  public static final int ROWS = 4096;

  private Reference() {
  }

  /** Reference prices and greeks, Levex units (USD, per vol point, per day). */
  public record Greeks(OptionInputs inputs, double[] price, double[] delta, double[] gamma, double[] vegaPerVolPoint,
      double[] thetaPerDay) {
  }

  /** Reference implied vols; {@code ivExact} and {@code ivPerPriceUlp} are NaN where not well posed. */
  public record Iv(OptionInputs inputs, double[] price, double[] ivExact, boolean[] wellPosed, double[] ivPerPriceUlp,
      double[] timeValueOverForward) {
  }

  /**
   * Loads the greek reference of a set.
   *
   * @param set  core, wings or short
   * @return the reference, with the generated inputs
   */
  public static Greeks greeks(InputSet set) {
    List<Map<String, String>> rows = read("/reference/bench_" + set.id() + "_greeks.csv");
    OptionInputs in = set.generate(rows.size());
    int n = rows.size();
    double[] price = new double[n];
    double[] delta = new double[n];
    double[] gamma = new double[n];
    double[] vega = new double[n];
    double[] theta = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, String> r = rows.get(i);
      checkInputs(set, i, r, in, true);
      price[i] = d(r, "price_usd");
      delta[i] = d(r, "delta");
      gamma[i] = d(r, "gamma");
      vega[i] = d(r, "vega_per_vol_pt");
      theta[i] = d(r, "theta_per_day");
    }
    return new Greeks(in, price, delta, gamma, vega, theta);
  }

  /**
   * Loads the implied-vol reference of a set.
   *
   * @param set  core or hard-IV
   * @return the reference, with the generated inputs
   */
  public static Iv impliedVols(InputSet set) {
    List<Map<String, String>> rows = read("/reference/bench_" + set.id() + "_iv.csv");
    OptionInputs in = set.generate(rows.size());
    int n = rows.size();
    double[] price = new double[n];
    double[] iv = new double[n];
    boolean[] well = new boolean[n];
    double[] floor = new double[n];
    double[] tv = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, String> r = rows.get(i);
      checkInputs(set, i, r, in, false);
      price[i] = d(r, "price_usd");
      well[i] = r.get("well_posed").equals("1");
      iv[i] = well[i] ? d(r, "iv_exact") : Double.NaN;
      floor[i] = well[i] ? d(r, "iv_per_price_ulp") : Double.NaN;
      tv[i] = d(r, "time_value_over_forward");
    }
    return new Iv(in, price, iv, well, floor, tv);
  }

  private static void checkInputs(InputSet set, int i, Map<String, String> r, OptionInputs in, boolean withVol) {
    boolean ok = r.get("option_type").equals(in.call[i] ? "call" : "put")
        && same(d(r, "forward"), in.forward[i]) && same(d(r, "strike"), in.strike[i])
        && same(d(r, "t_years"), in.t[i]) && same(d(r, "rate"), in.rate[i])
        && (!withVol || same(d(r, "vol"), in.vol[i]));
    if (!ok) {
      throw new IllegalStateException("reference for input set " + set.id() + " is out of date at row " + i + ": "
          + r + " (regenerate it: benchmarks/src/main/resources/reference/PROVENANCE.md)");
    }
  }

  private static boolean same(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }

  private static double d(Map<String, String> r, String column) {
    return Double.parseDouble(r.get(column));
  }

  /**
   * Reads a CSV resource with '#' comment lines and a header line.
   *
   * @param resource  the class-path resource
   * @return the rows, keyed by column
   */
  public static List<Map<String, String>> read(String resource) {
    try (InputStream s = Reference.class.getResourceAsStream(resource)) {
      if (s == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8));
      String[] header = null;
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (header == null) {
          header = cells;
          continue;
        }
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
          row.put(header[c], c < cells.length ? cells[c] : "");
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
