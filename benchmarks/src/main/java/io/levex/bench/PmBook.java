package io.levex.bench;

import io.levex.core.basics.Asset;
import io.levex.core.margin.MarginParameterSets;
import io.levex.core.margin.MarginParameters;
import io.levex.core.margin.portfolio.DeribitPmParameters;
import io.levex.core.margin.portfolio.DeribitPmScenarios;
import io.levex.core.market.PricingInputs;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import io.levex.core.scenario.ScenarioInputs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The B4 inputs (performance-benchmarks.md section 6.1, B4a and B4b): a synthetic BTC inverse option chain of 1,600
 * instruments (10 expiries from 1 day to 10 months x 80 strikes from 0.5 to 2 times the index x call/put, a smile
 * {@code 0.45 + 0.25 ln(K/F)^2}, forwards with a 5%/year basis), the 35 scenarios of Deribit PM for BTC (27 standard
 * + 8 extended, parameter set {@code deribit-pm-2026-02-15}), and the generators of the B4b accounts. Deterministic.
 */
final class PmBook {

  /** The valuation time. */
  static final Instant NOW = Instant.parse("2026-02-15T08:00:00Z");
  /** The BTC index, USD. */
  static final double INDEX = 68_000;
  /** The parameter set. */
  static final MarginParameters PARAMS = MarginParameterSets.named("deribit-pm-2026-02-15");
  /** Deribit expiries after {@link #NOW}: 10 of them, 1 day to 10 months. */
  static final String[] EXPIRIES =
      {"16FEB26", "17FEB26", "20FEB26", "27FEB26", "6MAR26", "27MAR26", "24APR26", "26JUN26", "25SEP26", "25DEC26"};
  /** Strikes per expiry. */
  static final int STRIKES = 80;
  /** Instruments in the chain. */
  static final int INSTRUMENTS = EXPIRIES.length * STRIKES * 2;

  private PmBook() {
  }

  /**
   * The marks of the chain at an index.
   *
   * @param index  the BTC index, USD
   * @return 1,600 valuations (expiry-major, then strike, then call/put)
   */
  static List<Valuation> marks(double index) {
    List<Valuation> out = new ArrayList<>(INSTRUMENTS);
    for (String expiry : EXPIRIES) {
      Instrument probe = DeribitInstrumentNames.parse("BTC-" + expiry);
      double years = (probe.expiryTime().orElseThrow().getEpochSecond() - NOW.getEpochSecond()) / (365.0 * 86_400);
      double f = index * Math.exp(0.05 * years);
      for (int s = 0; s < STRIKES; s++) {
        long k = Math.round(INDEX * Math.exp(-0.7 + 1.4 * s / (STRIKES - 1)) / 100) * 100;
        double lm = Math.log(k / f);
        double vol = 0.45 + 0.25 * lm * lm;
        for (String pc : new String[] {"-C", "-P"}) {
          Instrument i = DeribitInstrumentNames.parse("BTC-" + expiry + "-" + k + pc);
          out.add(InstrumentPricer.DEFAULT.value(i, new PricingInputs(f, vol, 0, index, NOW, "bench"), NOW));
        }
      }
    }
    return out;
  }

  /**
   * The scenario inputs of the chain at the reference index.
   *
   * @return 1,600 inputs
   */
  static List<ScenarioInputs> inputs() {
    return marks(INDEX).stream().map(ScenarioInputs::of).toList();
  }

  /**
   * The 35 Deribit PM scenarios of BTC for the BTC settlement currency.
   *
   * @return the scenarios
   */
  static DeribitPmScenarios scenarios() {
    return DeribitPmScenarios.of(Asset.BTC, DeribitPmParameters.of(PARAMS, Asset.BTC, Asset.BTC));
  }

  /** Accounts stored as concatenated arrays: account a holds positions {@code offsets[a]} to {@code offsets[a+1]-1}. */
  record Accounts(int[] offsets, int[] rows, double[] units) {
    int count() {
      return offsets.length - 1;
    }

    int positions() {
      return rows.length;
    }
  }

  /**
   * Generates accounts: position counts from {@code sizes}, distinct instruments per account, sizes in coin
   * (options: +-0.1 to 25, signs even).
   *
   * @param counts  the position count of every account
   * @param seed  the seed
   * @return the accounts
   */
  static Accounts accounts(int[] counts, long seed) {
    SplitMix64 rnd = new SplitMix64(seed);
    int[] offsets = new int[counts.length + 1];
    for (int a = 0; a < counts.length; a++) {
      offsets[a + 1] = offsets[a] + counts[a];
    }
    int total = offsets[counts.length];
    int[] rows = new int[total];
    double[] units = new double[total];
    int[] perm = new int[INSTRUMENTS];
    for (int i = 0; i < INSTRUMENTS; i++) {
      perm[i] = i;
    }
    for (int a = 0; a < counts.length; a++) {
      // a partial Fisher-Yates shuffle: the first counts[a] entries are distinct random rows
      for (int p = 0; p < counts[a]; p++) {
        int j = p + (int) (rnd.nextDouble() * (INSTRUMENTS - p));
        int tmp = perm[p];
        perm[p] = perm[j];
        perm[j] = tmp;
        rows[offsets[a] + p] = perm[p];
        double q = Math.round((0.1 + 24.9 * Math.pow(rnd.nextDouble(), 3)) * 10) / 10.0;
        units[offsets[a] + p] = rnd.nextDouble() < 0.5 ? -q : q;
      }
    }
    return new Accounts(offsets, rows, units);
  }

  /**
   * Position counts uniform on 1..19 (mean 10).
   *
   * @param accounts  the number of accounts
   * @param seed  the seed
   * @return the counts
   */
  static int[] uniformCounts(int accounts, long seed) {
    SplitMix64 rnd = new SplitMix64(seed);
    int[] out = new int[accounts];
    for (int a = 0; a < accounts; a++) {
      out[a] = 1 + (int) (rnd.nextDouble() * 19);
    }
    return out;
  }

  /**
   * Position counts Zipf-distributed on 1..max with exponent 1 ({@code P(n) ~ 1/n}; mean max/H_max, 133.6 for
   * 1,000).
   *
   * @param accounts  the number of accounts
   * @param max  the largest count
   * @param seed  the seed
   * @return the counts
   */
  static int[] zipfCounts(int accounts, int max, long seed) {
    double[] cdf = new double[max];
    double sum = 0;
    for (int n = 1; n <= max; n++) {
      sum += 1.0 / n;
      cdf[n - 1] = sum;
    }
    SplitMix64 rnd = new SplitMix64(seed);
    int[] out = new int[accounts];
    for (int a = 0; a < accounts; a++) {
      double u = rnd.nextDouble() * sum;
      int lo = 0;
      int hi = max - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cdf[mid] < u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      out[a] = lo + 1;
    }
    return out;
  }
}
