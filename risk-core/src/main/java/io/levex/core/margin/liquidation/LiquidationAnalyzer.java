package io.levex.core.margin.liquidation;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.StatusBands;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Finds every index level at which an account's margin balance equals its MM, for one underlying with everything
 * else fixed, and reports distances, the drivers and a margin-ratio surface.
 * <p>
 * Method: the excess {@code g(u) = margin balance - MM} at index {@code S e^u} is sampled on the
 * {@link LiquidationSettings} grid in {@code u = ln(P / S)}. Every sign change between neighbours is solved with
 * commons-math3 {@link BrentSolver}. Around every sample where |g| has a local minimum without a sign change, g is
 * minimised (|g| pushed towards 0) with {@link BrentOptimizer} over the two neighbouring intervals: if the extremum
 * crosses 0, the two roots on either side are solved with Brent; if it touches 0 (within
 * {@code 1e-12 (1 + max |g|)}), the touching point is a root. Roots closer than 1e-9 in u are merged.
 * <p>
 * Distance of a level P: {@code 100 (P / S - 1)} percent and {@code ln(P / S) / (sigma_ATM sqrt(h / 365))}
 * standard deviations of the log index over a horizon of h days. The nearest level is the one with the smallest
 * |ln(P / S)|.
 * <p>
 * Stateless and thread-safe.
 */
public final class LiquidationAnalyzer {

  /** Default instance with {@link LiquidationSettings#DEFAULT}. */
  public static final LiquidationAnalyzer DEFAULT = new LiquidationAnalyzer(LiquidationSettings.DEFAULT);

  private static final double SOLVER_ABS_ACCURACY = 1e-13;
  private static final double MERGE_DISTANCE = 1e-9;

  private final LiquidationSettings settings;

  /**
   * Creates an analyzer.
   *
   * @param settings  the search range and grid
   */
  public LiquidationAnalyzer(LiquidationSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Analyses one underlying.
   *
   * @param account  the account's margin under a shift
   * @param underlying  the underlying
   * @param indexUsd  the current index S, USD per coin, {@code > 0}
   * @param atmVol  the ATM implied vol for the sigma distance, decimal, {@code > 0}
   * @param horizonDays  the horizon h of the sigma distance, days, {@code > 0}
   * @return the analysis
   * @throws InvalidInputException INVALID_ARGUMENT for a bad index, vol or horizon, or an account without positions;
   *     FAILED_PRECONDITION when the margin function returns a non-finite amount
   */
  public UnderlyingLiquidation analyze(
      AccountMarginFunction account, Asset underlying, double indexUsd, double atmVol, double horizonDays) {

    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(underlying, "underlying");
    Checks.positive("index_usd", indexUsd);
    Checks.positive("atm_vol", atmVol);
    Checks.positive("horizon_days", horizonDays);
    ShiftedMargin now = eval(account, underlying, 0.0, 0.0);
    if (now.positions().isEmpty()) {
      throw InvalidInputException.invalid("positions", "[]", "is empty: an account without positions has no liquidation level");
    }
    List<Double> moves = liquidationMoves(m -> eval(account, underlying, m, 0.0).excess(), settings);
    double sigmaH = atmVol * Math.sqrt(horizonDays / 365.0);
    List<LiquidationPoint> points = moves.stream()
        .map(m -> new LiquidationPoint(m, indexUsd * (1 + m), 100 * m, Math.log1p(m) / sigmaH))
        .toList();
    Optional<LiquidationPoint> nearest = points.stream()
        .min(Comparator.comparingDouble(p -> Math.abs(Math.log1p(p.move()))));
    List<LiquidationDriver> drivers = new ArrayList<>();
    double other = 0.0;
    if (nearest.isPresent()) {
      ShiftedMargin at = eval(account, underlying, nearest.get().move(), 0.0);
      if (at.positions().size() != now.positions().size()) {
        throw InvalidInputException.failedPrecondition("account", at.positions().size(),
            "positions listed in a scenario differ from the " + now.positions().size() + " listed now");
      }
      double sum = 0.0;
      for (int i = 0; i < now.positions().size(); i++) {
        double change = at.positions().get(i).excess() - now.positions().get(i).excess();
        drivers.add(new LiquidationDriver(now.positions().get(i).instrument(), change));
        sum += change;
      }
      other = (at.excess() - now.excess()) - sum;
      drivers.sort(Comparator.comparingDouble(LiquidationDriver::excessChange));
    }
    return new UnderlyingLiquidation(underlying, indexUsd, atmVol, horizonDays, now.marginBalance(),
        now.maintenanceMargin(), points, nearest, drivers, other);
  }

  /**
   * Computes the margin-ratio surface over a grid of index moves x vol shifts.
   *
   * @param account  the account's margin under a shift
   * @param underlying  the underlying
   * @param moves  relative index moves, decimal, each {@code > -1}
   * @param volShifts  absolute vol shifts, decimal
   * @return the surface
   * @throws InvalidInputException INVALID_ARGUMENT for an empty grid or a bad move or shift
   */
  public LiquidationSurface surface(AccountMarginFunction account, Asset underlying, List<Double> moves, List<Double> volShifts) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(underlying, "underlying");
    if (moves.isEmpty()) {
      throw InvalidInputException.invalid("moves", "[]", "must not be empty");
    }
    if (volShifts.isEmpty()) {
      throw InvalidInputException.invalid("vol_shifts", "[]", "must not be empty");
    }
    for (int j = 0; j < volShifts.size(); j++) {
      Checks.finite("vol_shifts[" + j + "]", volShifts.get(j));
    }
    List<List<Double>> rows = new ArrayList<>();
    for (int i = 0; i < moves.size(); i++) {
      double m = moves.get(i);
      Checks.finite("moves[" + i + "]", m);
      if (m <= -1) {
        throw InvalidInputException.invalid("moves[" + i + "]", Checks.format(m), "must be > -1");
      }
      List<Double> row = new ArrayList<>();
      for (double dv : volShifts) {
        ShiftedMargin s = eval(account, underlying, m, dv);
        row.add(StatusBands.marginRatio(s.marginBalance(), s.maintenanceMargin()));
      }
      rows.add(row);
    }
    return new LiquidationSurface(underlying, moves, volShifts, rows);
  }

  /**
   * Finds every relative move in the settings' range at which an excess function crosses or touches 0.
   *
   * @param excessOfMove  the excess (margin balance - MM) as a function of the relative move m
   * @param settings  the range and grid
   * @return the moves, increasing
   * @throws InvalidInputException FAILED_PRECONDITION when the function returns a non-finite value
   */
  public static List<Double> liquidationMoves(DoubleUnaryOperator excessOfMove, LiquidationSettings settings) {
    DoubleUnaryOperator g = u -> {
      double m = Math.expm1(u);
      double v = excessOfMove.applyAsDouble(m);
      if (!Double.isFinite(v)) {
        throw InvalidInputException.failedPrecondition("excess", Checks.format(v),
            "is not finite at move " + Checks.format(m) + ": the margin function cannot be evaluated there");
      }
      return v;
    };
    int n = settings.gridPoints();
    double u0 = Math.log1p(settings.minMove());
    double u1 = Math.log1p(settings.maxMove());
    double du = (u1 - u0) / (n - 1);
    double[] u = new double[n];
    double[] f = new double[n];
    double scale = 0.0;
    for (int k = 0; k < n; k++) {
      u[k] = k == n - 1 ? u1 : u0 + k * du;
      f[k] = g.applyAsDouble(u[k]);
      scale = Math.max(scale, Math.abs(f[k]));
    }
    double touch = 1e-12 * (1.0 + scale);
    BrentSolver solver = new BrentSolver(1e-15, SOLVER_ABS_ACCURACY);
    BrentOptimizer optimizer = new BrentOptimizer(1e-12, 1e-14);
    List<Double> roots = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (f[k] == 0.0) {
        roots.add(u[k]);
      }
      if (k < n - 1 && f[k] * f[k + 1] < 0) {
        roots.add(solve(solver, g, u[k], u[k + 1]));
      }
    }
    for (int k = 0; k < n; k++) {
      if (f[k] == 0.0 || !localMinimumOfAbs(f, k)) {
        continue;
      }
      int a = Math.max(k - 1, 0);
      int b = Math.min(k + 1, n - 1);
      double sign = Math.signum(f[k]);
      UnivariatePointValuePair min = optimizer.optimize(new MaxEval(500), GoalType.MINIMIZE,
          new UnivariateObjectiveFunction(x -> sign * g.applyAsDouble(x)), new SearchInterval(u[a], u[b], u[k]));
      double um = min.getPoint();
      double gm = g.applyAsDouble(um);
      if (sign * gm < 0) {
        // a hidden pair: g(u[a]) and g(u[b]) have the sign of f[k], g(um) the opposite one
        roots.add(solve(solver, g, u[a], um));
        roots.add(solve(solver, g, um, u[b]));
      } else if (Math.abs(gm) <= touch) {
        roots.add(um);
      }
    }
    roots.sort(null);
    List<Double> moves = new ArrayList<>();
    double last = Double.NEGATIVE_INFINITY;
    for (double r : roots) {
      if (r - last > MERGE_DISTANCE) {
        moves.add(Math.expm1(r));
        last = r;
      }
    }
    return moves;
  }

  private static boolean localMinimumOfAbs(double[] f, int k) {
    int n = f.length;
    double fk = Math.abs(f[k]);
    boolean hasLeft = k > 0;
    boolean hasRight = k < n - 1;
    if (hasLeft && f[k - 1] * f[k] <= 0 || hasRight && f[k + 1] * f[k] <= 0) {
      return false; // a sign change or zero next door is solved directly
    }
    double left = hasLeft ? Math.abs(f[k - 1]) : Double.POSITIVE_INFINITY;
    double right = hasRight ? Math.abs(f[k + 1]) : Double.POSITIVE_INFINITY;
    return fk <= left && fk <= right && (fk < left || fk < right);
  }

  private static double solve(BrentSolver solver, DoubleUnaryOperator g, double lo, double hi) {
    return solver.solve(1000, g::applyAsDouble, lo, hi);
  }

  private static ShiftedMargin eval(AccountMarginFunction account, Asset underlying, double move, double volShift) {
    ShiftedMargin s = account.at(underlying, move, volShift);
    if (!Double.isFinite(s.marginBalance()) || !Double.isFinite(s.maintenanceMargin())) {
      throw InvalidInputException.failedPrecondition("account", underlying.symbol(),
          "margin is not finite after a move of " + Checks.format(move) + " and a vol shift of " + Checks.format(volShift));
    }
    return s;
  }
}
