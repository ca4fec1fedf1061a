package io.levex.bench;

import com.opengamma.strata.market.surface.InterpolatedNodalSurface;
import com.opengamma.strata.pricer.impl.volatility.smile.SabrFormulaData;
import io.levex.core.market.surface.SliceQuote;
import io.levex.core.market.surface.SviSlice;
import io.levex.core.market.surface.VolSurface;
import io.levex.core.pricer.ImpliedVolatilitySolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The accuracy gate of B3 SurfaceBuild, run before timing (performance-benchmarks.md section 6.0 rule 3): each
 * subject builds the surface once from the chain and is checked on what it produced.
 * <p>
 * <b>Like-for-like conditions (every subject):</b> all 12 expiries fitted; each slice fitted to exactly the quotes
 * that {@link SurfaceChain#select} picks from the Levex vols (for levex this proves that the selection written out
 * for the Strata pipeline is the builder's; for the Strata subjects, that their own vols select the same quotes); on
 * those quotes the subject's implied vols within {@link #IV_AGREEMENT} of Levex's (a sanity check of the two IV
 * solvers: Strata's tolerance is 1e-9); all 600 grid vols finite and positive; every slice's fit RMSE at most
 * {@link #SANE_RMSE} (a fit that did not break down).
 * <p>
 * <b>Strict (levex, and peers with {@code -Dlevex.bench.peerGate=strict}):</b> in addition every slice's fit RMSE at
 * most {@link #STRICT_RMSE} (one vol point).
 * <p>
 * <b>Fit RMSE</b> of a slice: sqrt(mean over its quotes of (model vol - the subject's solved vol)^2), vol decimal,
 * equal weights (both fitters minimise exactly this). The pooled RMSE of a surface is the same over all its quotes.
 * The <i>surface</i> RMSE evaluates the final surface object at (T, K) of each quote instead of the smile model: for
 * levex it is the fit RMSE (at a slice's T the VolSurface is the slice); for Strata it adds the error of linear
 * interpolation between the 50 grid nodes of the slice. The target "RMSE no worse than Strata's" is checked by
 * {@link ResultsChecker} on the pooled fit RMSE.
 */
public final class SurfaceGate {

  /** Like-for-like: maximum |sigma - sigma_levex| on the fitted quotes. */
  public static final double IV_AGREEMENT = 1e-6;
  /** Like-for-like: maximum fit RMSE of a slice (10 vol points). */
  public static final double SANE_RMSE = 0.10;
  /** Strict: maximum fit RMSE of a slice (1 vol point). */
  public static final double STRICT_RMSE = 0.01;

  private static final Map<SurfaceBuildSubject, SurfaceReport> CACHE = new HashMap<>();

  private SurfaceGate() {
  }

  /** The fit of one slice. */
  public record SliceFit(Instant expiry, double t, int quotes, double rmse, double maxAbsError, double surfaceRmse) {
  }

  /** Result of the B3 gate of one subject. */
  public record SurfaceReport(String subject, int rows, int solved, int slices, List<SliceFit> fits, double rmse,
      double maxAbsError, double surfaceRmse, boolean sameQuotes, double maxIvDiffVsLevex, double maxIvDiffVsVenue,
      int gridPoints, int gridValid, boolean strict, boolean likeForLike, String failure) {

    /**
     * The slice fits by expiry.
     *
     * @param expiry  the expiry
     * @return the fit, or null
     */
    public SliceFit fit(Instant expiry) {
      for (SliceFit f : fits) {
        if (f.expiry().equals(expiry)) {
          return f;
        }
      }
      return null;
    }
  }

  /**
   * Runs the gate of a subject (cached: the pipeline is deterministic).
   *
   * @param subject  the subject
   * @return the report
   */
  public static synchronized SurfaceReport report(SurfaceBuildSubject subject) {
    return CACHE.computeIfAbsent(subject, SurfaceGate::compute);
  }

  private static SurfaceReport compute(SurfaceBuildSubject subject) {
    SurfaceChain c = SurfaceChain.get();
    int n = c.size;
    // the reference selection: from the Levex vols
    double[] levexVol = new double[n];
    byte[] levexStatus = new byte[n];
    SurfaceBuildSubject.LEVEX.impliedVols(c, levexVol, levexStatus);
    int[][] reference = c.select(levexVol, levexStatus);

    double[] vol = new double[n];
    byte[] status = new byte[n];
    subject.impliedVols(c, vol, status);
    int solved = 0;
    for (byte s : status) {
      if (s == ImpliedVolatilitySolver.OK) {
        solved++;
      }
    }
    Object fitted = subject.fit(c, vol, status);
    double[] grid = new double[c.gridT.length];
    Object surface = subject.grid(c, fitted, grid);
    int gridValid = 0;
    for (double v : grid) {
      if (v > 0 && Double.isFinite(v)) {
        gridValid++;
      }
    }
    Map<String, Integer> rowOfName = new HashMap<>();
    for (int i = 0; i < n; i++) {
      rowOfName.put(c.rows.get(i).instrumentName(), i);
    }
    List<SliceFit> fits = new ArrayList<>();
    boolean sameQuotes = true;
    double maxIvDiff = 0;
    double maxVenueDiff = 0;
    double sum = 0;
    double sumSurface = 0;
    double maxErr = 0;
    int count = 0;
    int slices = 0;
    StringBuilder failure = new StringBuilder();
    for (int e = 0; e < c.expiryCount(); e++) {
      int[] rows;
      double[] model;
      if (subject.isLevex()) {
        VolSurface s = (VolSurface) fitted;
        SviSlice slice = s.slice(c.expiries[e]).orElse(null);
        if (slice == null) {
          continue;
        }
        List<SliceQuote> q = slice.quotes();
        rows = new int[q.size()];
        model = new double[q.size()];
        for (int j = 0; j < rows.length; j++) {
          rows[j] = rowOfName.get(q.get(j).instrument());
          model[j] = q.get(j).fittedVol();
          if (q.get(j).marketVol() != vol[rows[j]]) {
            sameQuotes = false;
            append(failure, "slice " + c.expiries[e] + " quote " + q.get(j).instrument() + " market vol "
                + q.get(j).marketVol() + " is not the solved vol " + vol[rows[j]]);
          }
        }
      } else {
        SurfaceBuildSubject.StrataSmiles sm = (SurfaceBuildSubject.StrataSmiles) fitted;
        SabrFormulaData d = sm.params()[e];
        if (d == null) {
          continue;
        }
        rows = sm.selection()[e];
        model = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
          model[j] = SurfaceBuildSubject.SABR.volatility(c.expiryForward[e], c.strike[rows[j]], c.expiryT[e], d);
        }
      }
      slices++;
      if (!Arrays.equals(rows, reference[e])) {
        sameQuotes = false;
        append(failure, "slice " + c.expiries[e] + " fitted " + rows.length + " quotes, not the " + reference[e].length
            + " of the reference selection");
      }
      double s2 = 0;
      double ss2 = 0;
      double mx = 0;
      for (int j = 0; j < rows.length; j++) {
        int i = rows[j];
        double err = model[j] - vol[i];
        double surfaceVol = surfaceVol(surface, c.expiryT[e], c.strike[i]);
        double surfaceErr = surfaceVol - vol[i];
        s2 += err * err;
        ss2 += surfaceErr * surfaceErr;
        mx = Math.max(mx, Math.abs(err));
        maxIvDiff = Math.max(maxIvDiff, Math.abs(vol[i] - levexVol[i]));
        maxVenueDiff = Math.max(maxVenueDiff, Math.abs(vol[i] - c.venueIv[i]));
      }
      double rmse = Math.sqrt(s2 / rows.length);
      fits.add(new SliceFit(c.expiries[e], c.expiryT[e], rows.length, nanToInf(rmse), mx,
          nanToInf(Math.sqrt(ss2 / rows.length))));
      sum += s2;
      sumSurface += ss2;
      maxErr = Math.max(maxErr, mx);
      count += rows.length;
    }
    double rmse = nanToInf(Math.sqrt(sum / count));
    double surfaceRmse = nanToInf(Math.sqrt(sumSurface / count));
    boolean like = true;
    if (slices != c.expiryCount()) {
      like = false;
      append(failure, "fitted " + slices + " of " + c.expiryCount() + " expiries");
    }
    like &= sameQuotes;
    if (!(maxIvDiff <= IV_AGREEMENT)) {
      like = false;
      append(failure, String.format(Locale.ROOT, "implied vols differ from Levex's by up to %.2e on fitted quotes",
          maxIvDiff));
    }
    if (gridValid != grid.length) {
      like = false;
      append(failure, (grid.length - gridValid) + " of " + grid.length + " grid vols not finite and positive");
    }
    double worst = 0;
    for (SliceFit f : fits) {
      worst = Math.max(worst, f.rmse());
    }
    if (!(worst <= SANE_RMSE)) {
      like = false;
      append(failure, String.format(Locale.ROOT, "a slice fit RMSE of %.4f > %.2f", worst, SANE_RMSE));
    }
    boolean strict = like && worst <= STRICT_RMSE;
    if (like && !strict) {
      append(failure, String.format(Locale.ROOT, "strict: a slice fit RMSE of %.4f > %.2f", worst, STRICT_RMSE));
    }
    return new SurfaceReport(subject.id(), n, solved, slices, List.copyOf(fits), rmse, maxErr, surfaceRmse, sameQuotes,
        maxIvDiff, maxVenueDiff, grid.length, gridValid, strict, like, failure.toString());
  }

  private static double surfaceVol(Object surface, double t, double strike) {
    if (surface instanceof VolSurface s) {
      return s.impliedVol(t, strike);
    }
    return ((InterpolatedNodalSurface) surface).zValue(t, strike);
  }

  private static double nanToInf(double v) {
    return v == v ? v : Double.POSITIVE_INFINITY;
  }

  private static void append(StringBuilder b, String s) {
    b.append(b.length() == 0 ? "" : "; ").append(s);
  }

  /**
   * Whether a report passes the gate its subject is held to (strict for levex and under
   * {@code levex.bench.peerGate=strict}; like-for-like for peers otherwise).
   *
   * @param r  the report
   * @return true if it passes
   */
  public static boolean passes(SurfaceReport r) {
    return SurfaceBuildSubject.of(r.subject()).isLevex() || AccuracyGates.peersStrict() ? r.strict() : r.likeForLike();
  }

  /**
   * Runs the gate of a subject and throws if it fails (a failing subject is not timed), unless
   * {@code levex.bench.gate=report}.
   *
   * @param subject  the subject
   * @return the report
   */
  public static SurfaceReport require(SurfaceBuildSubject subject) {
    SurfaceReport r = report(subject);
    if (!passes(r)) {
      String gate = subject.isLevex() || AccuracyGates.peersStrict() ? "strict" : "like-for-like";
      if (AccuracyGates.reportOnly()) {
        System.out.println("FAIL accuracy gate (" + gate + "), timed anyway (levex.bench.gate=report): " + format(r));
      } else {
        throw new IllegalStateException("FAIL accuracy gate (" + gate + "), not timed: " + format(r));
      }
    }
    return r;
  }

  /**
   * One line describing a report.
   *
   * @param r  the report
   * @return the line
   */
  public static String format(SurfaceReport r) {
    return String.format(Locale.ROOT,
        "B3 %-12s rows=%d solved=%d slices=%d quotes=%d: fit RMSE %.5f (max |err| %.5f), surface RMSE %.5f; same"
            + " quotes %s, max |iv - levex iv| %.2e, max |iv - venue mark iv| %.2e; grid %d/%d valid; strict %s,"
            + " like-for-like %s%s",
        r.subject(), r.rows(), r.solved(), r.slices(), r.fits().stream().mapToInt(SliceFit::quotes).sum(), r.rmse(),
        r.maxAbsError(), r.surfaceRmse(), r.sameQuotes() ? "yes" : "NO", r.maxIvDiffVsLevex(), r.maxIvDiffVsVenue(),
        r.gridValid(), r.gridPoints(), r.strict() ? "PASS" : "FAIL", r.likeForLike() ? "PASS" : "FAIL",
        r.failure().isEmpty() ? "" : "; " + r.failure());
  }

  /**
   * The per-slice table of every subject: fit RMSE (and surface RMSE) per expiry.
   *
   * @param markdown  a Markdown table instead of text
   * @return the lines
   */
  public static List<String> sliceTable(boolean markdown) {
    SurfaceChain c = SurfaceChain.get();
    List<SurfaceReport> reports = new ArrayList<>();
    for (SurfaceBuildSubject s : SurfaceBuildSubject.values()) {
      reports.add(report(s));
    }
    List<String> out = new ArrayList<>();
    StringBuilder head = new StringBuilder(markdown ? "| expiry | T (days) | quotes |" : String.format(Locale.ROOT,
        "%-11s %9s %6s", "expiry", "T (days)", "quotes"));
    StringBuilder rule = new StringBuilder("|---|---:|---:|");
    for (SurfaceReport r : reports) {
      head.append(markdown ? " " + r.subject() + " fit RMSE |" : String.format(Locale.ROOT, " %14s", r.subject()));
      rule.append("---:|");
    }
    for (SurfaceReport r : reports) {
      if (!SurfaceBuildSubject.of(r.subject()).isLevex()) {
        head.append(markdown ? " " + r.subject() + " surface RMSE |" : String.format(Locale.ROOT, " %14s",
            r.subject() + "/grid"));
        rule.append("---:|");
      }
    }
    head.append(markdown ? " best |" : "  best");
    rule.append("---|");
    out.add(head.toString());
    if (markdown) {
      out.add(rule.toString());
    }
    for (int e = 0; e < c.expiryCount(); e++) {
      Instant expiry = c.expiries[e];
      SliceFit lf = reports.get(0).fit(expiry);
      StringBuilder line = new StringBuilder(markdown
          ? String.format(Locale.ROOT, "| %s | %.2f | %d |", expiry.toString().substring(0, 10), c.expiryT[e] * 365,
              lf == null ? 0 : lf.quotes())
          : String.format(Locale.ROOT, "%-11s %9.2f %6d", expiry.toString().substring(0, 10), c.expiryT[e] * 365,
              lf == null ? 0 : lf.quotes()));
      String best = "";
      double bestRmse = Double.POSITIVE_INFINITY;
      for (SurfaceReport r : reports) {
        SliceFit f = r.fit(expiry);
        double v = f == null ? Double.NaN : f.rmse();
        line.append(markdown ? String.format(Locale.ROOT, " %.5f |", v) : String.format(Locale.ROOT, " %14.5f", v));
        if (v < bestRmse) {
          bestRmse = v;
          best = r.subject();
        }
      }
      for (SurfaceReport r : reports) {
        if (!SurfaceBuildSubject.of(r.subject()).isLevex()) {
          SliceFit f = r.fit(expiry);
          double v = f == null ? Double.NaN : f.surfaceRmse();
          line.append(markdown ? String.format(Locale.ROOT, " %.5f |", v) : String.format(Locale.ROOT, " %14.5f", v));
        }
      }
      line.append(markdown ? " " + best + " |" : "  " + best);
      out.add(line.toString());
    }
    StringBuilder pooled = new StringBuilder(markdown ? "| **all (pooled)** | | " + quotes(reports.get(0)) + " |"
        : String.format(Locale.ROOT, "%-11s %9s %6d", "pooled", "", quotes(reports.get(0))));
    for (SurfaceReport r : reports) {
      pooled.append(markdown ? String.format(Locale.ROOT, " **%.5f** |", r.rmse())
          : String.format(Locale.ROOT, " %14.5f", r.rmse()));
    }
    for (SurfaceReport r : reports) {
      if (!SurfaceBuildSubject.of(r.subject()).isLevex()) {
        pooled.append(markdown ? String.format(Locale.ROOT, " %.5f |", r.surfaceRmse())
            : String.format(Locale.ROOT, " %14.5f", r.surfaceRmse()));
      }
    }
    pooled.append(markdown ? " |" : "");
    out.add(pooled.toString());
    return out;
  }

  private static int quotes(SurfaceReport r) {
    return r.fits().stream().mapToInt(SliceFit::quotes).sum();
  }

  /**
   * Prints every B3 gate and the per-slice table; exits 1 if a subject fails the gate it is held to.
   *
   * @param args  {@code --markdown} for a Markdown table
   */
  public static void main(String[] args) {
    boolean markdown = List.of(args).contains("--markdown");
    boolean failed = false;
    for (SurfaceBuildSubject s : SurfaceBuildSubject.values()) {
      SurfaceReport r = report(s);
      System.out.println(format(r));
      failed |= !passes(r);
    }
    sliceTable(markdown).forEach(System.out::println);
    System.out.println(failed ? "B3 accuracy gates: FAIL (see above)" : "B3 accuracy gates: PASS");
    System.exit(failed ? 1 : 0);
  }
}
