package io.levex.core.pricer.impl;

/**
 * Black implied volatility by Jäckel's "Let's Be Rational" (Wilmott 2015; revision of 2016): a four-branch
 * initial guess from rational cubic interpolation of transformed price maps, then two Householder(3) steps on an
 * objective function chosen per branch, which reaches machine precision on every well-posed input.
 * <p>
 * A clean-room Java implementation from the paper's description (not a port of any code). It works on the
 * normalised, undiscounted, out-of-the-money price {@code beta = time value / sqrt(F K)} at log-moneyness
 * {@code x = -|ln(F/K)|} and returns the total volatility {@code s = sigma sqrt(T)}; failures are signalled by
 * the sentinel values {@link #BELOW_INTRINSIC} and {@link #ABOVE_MAXIMUM}. Stateless.
 */
public final class LetsBeRational {

  /** Returned when the price is below the intrinsic value (or not a number). */
  public static final double BELOW_INTRINSIC = -Double.MAX_VALUE;
  /** Returned when the price is at or above its upper bound (F for a call, K for a put, undiscounted). */
  public static final double ABOVE_MAXIMUM = Double.MAX_VALUE;
  /** Householder iterations after the initial guess. */
  public static final int ITERATIONS = 2;

  private static final double DBL_EPSILON = Math.ulp(1.0);
  private static final double SQRT_DBL_MAX = Math.sqrt(Double.MAX_VALUE);
  private static final double SQRT_THREE = Math.sqrt(3.0);
  private static final double SQRT_ONE_OVER_THREE = Math.sqrt(1.0 / 3.0);
  private static final double TWO_PI = 2.0 * Math.PI;
  private static final double PI_OVER_SIX = Math.PI / 6.0;
  private static final double TWO_PI_OVER_SQRT_TWENTY_SEVEN = 2.0 * Math.PI / Math.sqrt(27.0);
  private static final double SQRT_PI_OVER_TWO = Math.sqrt(Math.PI / 2.0);
  private static final double MIN_RATIONAL_CUBIC_CONTROL = -(1.0 - Math.sqrt(DBL_EPSILON));
  private static final double MAX_RATIONAL_CUBIC_CONTROL = 2.0 / (DBL_EPSILON * DBL_EPSILON);

  private LetsBeRational() {
  }

  /**
   * Total implied volatility of a normalised out-of-the-money price.
   *
   * @param beta  time value / sqrt(F K), >= 0
   * @param x  log-moneyness, <= 0 (the out-of-the-money orientation)
   * @param iterations  the maximum number of Householder steps
   * @return s = sigma sqrt(T) >= 0; 0 for beta == 0; {@link #ABOVE_MAXIMUM} when beta >= exp(x/2)
   */
  public static double totalVolatility(double beta, double x, int iterations) {
    if (!(beta > 0)) {
      return beta == 0 ? 0.0 : BELOW_INTRINSIC;
    }
    double bMax = Math.exp(0.5 * x);
    if (beta >= bMax) {
      return ABOVE_MAXIMUM;
    }
    double sC = Math.sqrt(Math.abs(2.0 * x));
    double bC = NormalisedBlack.call(x, sC);
    double vC = NormalisedBlack.vega(x, sC);
    double s;
    double sLeft = Double.MIN_VALUE;
    double sRight = Double.MAX_VALUE;
    if (beta < bC) {
      double sL = sC - bC / vC;
      double bL = NormalisedBlack.call(x, sL);
      if (beta < bL) {
        // f_lower(s) = 2 pi |x| / sqrt(27) N(-|x| / (sqrt(3) s))^3 and its first two derivatives in beta, at s_l
        double ax = Math.abs(x);
        double z = SQRT_ONE_OVER_THREE * ax / sL;
        double y = z * z;
        double s2 = sL * sL;
        double bigPhi = NormalDistribution.cdf(-z);
        double phi = NormalDistribution.pdf(z);
        double fpp = PI_OVER_SIX * y / (s2 * sL) * bigPhi
            * (8 * SQRT_THREE * sL * ax + (3 * s2 * (s2 - 8) - 8 * x * x) * bigPhi / phi) * Math.exp(2 * y + 0.25 * s2);
        double phi2 = bigPhi * bigPhi;
        double fp = TWO_PI * y * phi2 * Math.exp(y + 0.125 * s2);
        double fL = TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax * (phi2 * bigPhi);
        double rLl = convexControlRight(0.0, bL, 0.0, fL, 1.0, fp, fpp, true);
        double f = rationalCubic(beta, 0.0, bL, 0.0, fL, 1.0, fp, rLl);
        if (!(f > 0)) {
          double tt = beta / bL;
          f = (fL * tt + bL * (1 - tt)) * tt;
        }
        s = inverseLowerMap(x, f);
        sRight = sL;
        return iterate(LOWEST, beta, x, bMax, s, sLeft, sRight, iterations);
      }
      double vL = NormalisedBlack.vega(x, sL);
      double rLm = convexControlRight(bL, bC, sL, sC, 1 / vL, 1 / vC, 0.0, false);
      s = rationalCubic(beta, bL, bC, sL, sC, 1 / vL, 1 / vC, rLm);
      sLeft = sL;
      sRight = sC;
    } else {
      double sH = vC > Double.MIN_NORMAL ? sC + (bMax - bC) / vC : sC;
      double bH = NormalisedBlack.call(x, sH);
      if (beta <= bH) {
        double vH = NormalisedBlack.vega(x, sH);
        double rHm = convexControlLeft(bC, bH, sC, sH, 1 / vC, 1 / vH, 0.0, false);
        s = rationalCubic(beta, bC, bH, sC, sH, 1 / vC, 1 / vH, rHm);
        sLeft = sC;
        sRight = sH;
      } else {
        // f_upper(s) = N(-s/2) and its first two derivatives in beta, at s_h
        double fH = NormalDistribution.cdf(-0.5 * sH);
        double w = (x / sH) * (x / sH);
        double fp = -0.5 * Math.exp(0.5 * w);
        double fpp = SQRT_PI_OVER_TWO * Math.exp(w + 0.125 * sH * sH) * w / sH;
        double f = -Double.MAX_VALUE;
        if (fpp > -SQRT_DBL_MAX && fpp < SQRT_DBL_MAX) {
          double rHh = convexControlLeft(bH, bMax, fH, 0.0, fp, -0.5, fpp, true);
          f = rationalCubic(beta, bH, bMax, fH, 0.0, fp, -0.5, rHh);
        }
        if (f <= 0) {
          double hh = bMax - bH;
          double tt = (beta - bH) / hh;
          f = (fH * (1 - tt) + 0.5 * hh * tt) * (1 - tt);
        }
        s = -2.0 * NormalDistribution.inverseCdf(f);
        sLeft = sH;
        if (beta > 0.5 * bMax) {
          return iterate(UPPER, beta, x, bMax, s, sLeft, sRight, iterations);
        }
      }
    }
    return iterate(MIDDLE, beta, x, bMax, s, sLeft, sRight, iterations);
  }

  private static final int LOWEST = 0;
  private static final int MIDDLE = 1;
  private static final int UPPER = 2;

  /**
   * Householder(3) iterations from the initial guess s, with the branch's objective function:
   * LOWEST {@code g(s) = 1/ln(b(s)) - 1/ln(beta)}, MIDDLE {@code g(s) = b(s) - beta}, UPPER
   * {@code g(s) = ln((bMax - beta) / (bMax - b(s)))}. The bracket [sLeft, sRight] is tightened on the way; a step
   * that leaves it, or three direction reversals, fall back to bisection (only for extreme |x|).
   */
  private static double iterate(int objective, double beta, double x, double bMax, double s, double sLeft,
      double sRight, int n) {
    double ds = -Double.MAX_VALUE;
    double dsPrevious = 0;
    int reversals = 0;
    double lnBeta = objective == LOWEST ? Math.log(beta) : 0.0;
    for (int i = 0; i < n && Math.abs(ds) > DBL_EPSILON * s; i++) {
      if (ds * dsPrevious < 0) {
        reversals++;
      }
      if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
        s = 0.5 * (sLeft + sRight);
        if (sRight - sLeft <= DBL_EPSILON * s) {
          break;
        }
        reversals = 0;
        ds = 0;
      }
      dsPrevious = ds;
      double h = x / s;
      double base = NormalisedBlack.gaussianBase(x, s, h, 0.5 * s);
      double b = NormalisedBlack.outOfTheMoney(x, h, 0.5 * s, base);
      double bp = NormalDistribution.INV_SQRT_2PI * base;
      if (b > beta && s < sRight) {
        sRight = s;
      } else if (b < beta && s > sLeft) {
        sLeft = s;
      }
      // second and third derivatives of b over the first: x^2/s^3 - s/4, and its square - 3 (x/s^2)^2 - 1/4
      double bHalley = h * h / s - s / 4;
      double bHh3 = bHalley * bHalley - 3 * (h / s) * (h / s) - 0.25;
      if (objective == MIDDLE) {
        double newton = (beta - b) / bp;
        ds = newton * householderFactor(newton, bHalley, bHh3);
      } else if (objective == LOWEST && (b <= 0 || bp <= 0)) {
        ds = 0.5 * (sLeft + sRight) - s;
      } else if (objective == UPPER && (b >= bMax || bp <= Double.MIN_NORMAL)) {
        ds = 0.5 * (sLeft + sRight) - s;
      } else if (objective == LOWEST) {
        double lnB = Math.log(b);
        double bpob = bp / b;
        double newton = (lnBeta - lnB) * lnB / lnBeta / bpob;
        double halley = bHalley - bpob * (1 + 2 / lnB);
        double hh3 = bHh3 + 2 * bpob * bpob * (1 + 3 / lnB * (1 + 1 / lnB)) - 3 * bHalley * bpob * (1 + 2 / lnB);
        ds = newton * householderFactor(newton, halley, hh3);
      } else {
        double bMaxMinusB = bMax - b;
        double g = Math.log((bMax - beta) / bMaxMinusB);
        double gp = bp / bMaxMinusB;
        double newton = -g / gp;
        double halley = bHalley + gp;
        double hh3 = bHh3 + gp * (2 * gp + 3 * bHalley);
        ds = newton * householderFactor(newton, halley, hh3);
      }
      ds = Math.max(-0.5 * s, ds);
      s += ds;
    }
    return s;
  }

  private static double householderFactor(double newton, double halley, double hh3) {
    return (1 + 0.5 * halley * newton) / (1 + newton * (halley + hh3 * newton / 6));
  }

  private static double inverseLowerMap(double x, double f) {
    return Math.abs(x / (SQRT_THREE
        * NormalDistribution.inverseCdf(Math.cbrt(f / (TWO_PI_OVER_SQRT_TWENTY_SEVEN * Math.abs(x))))));
  }

  // Delbourgo-Gregory rational cubic interpolation
  private static double rationalCubic(double x, double xL, double xR, double yL, double yR, double dL, double dR, double r) {
    double h = xR - xL;
    if (Math.abs(h) <= 0) {
      return 0.5 * (yL + yR);
    }
    double t = (x - xL) / h;
    if (!(r >= MAX_RATIONAL_CUBIC_CONTROL)) {
      double omt = 1 - t;
      double t2 = t * t;
      double omt2 = omt * omt;
      return (yR * t2 * t + (r * yR - h * dR) * t2 * omt + (r * yL + h * dL) * t * omt2 + yL * omt2 * omt)
          / (1 + (r - 3) * t * omt);
    }
    return yR * t + yL * (1 - t);
  }

  private static double controlLeft(double xL, double xR, double yL, double yR, double dL, double dR, double secondL) {
    double h = xR - xL;
    double numerator = 0.5 * h * secondL + (dR - dL);
    if (isZero(numerator)) {
      return 0;
    }
    double denominator = (yR - yL) / h - dL;
    if (isZero(denominator)) {
      return numerator > 0 ? MAX_RATIONAL_CUBIC_CONTROL : MIN_RATIONAL_CUBIC_CONTROL;
    }
    return numerator / denominator;
  }

  private static double controlRight(double xL, double xR, double yL, double yR, double dL, double dR, double secondR) {
    double h = xR - xL;
    double numerator = 0.5 * h * secondR + (dR - dL);
    if (isZero(numerator)) {
      return 0;
    }
    double denominator = dR - (yR - yL) / h;
    if (isZero(denominator)) {
      return numerator > 0 ? MAX_RATIONAL_CUBIC_CONTROL : MIN_RATIONAL_CUBIC_CONTROL;
    }
    return numerator / denominator;
  }

  private static double minimumControl(double dL, double dR, double slope, boolean preferShapePreservation) {
    boolean monotonic = dL * slope >= 0 && dR * slope >= 0;
    boolean convex = dL <= slope && slope <= dR;
    boolean concave = dL >= slope && slope >= dR;
    if (!monotonic && !convex && !concave) {
      return MIN_RATIONAL_CUBIC_CONTROL;
    }
    double dRmdL = dR - dL;
    double dRms = dR - slope;
    double smdL = slope - dL;
    double r1 = -Double.MAX_VALUE;
    double r2 = r1;
    if (monotonic) {
      if (!isZero(slope)) {
        r1 = (dR + dL) / slope;
      } else if (preferShapePreservation) {
        r1 = MAX_RATIONAL_CUBIC_CONTROL;
      }
    }
    if (convex || concave) {
      if (!(isZero(smdL) || isZero(dRms))) {
        r2 = Math.max(Math.abs(dRmdL / dRms), Math.abs(dRmdL / smdL));
      } else if (preferShapePreservation) {
        r2 = MAX_RATIONAL_CUBIC_CONTROL;
      }
    } else if (monotonic && preferShapePreservation) {
      r2 = MAX_RATIONAL_CUBIC_CONTROL;
    }
    return Math.max(MIN_RATIONAL_CUBIC_CONTROL, Math.max(r1, r2));
  }

  private static double convexControlLeft(double xL, double xR, double yL, double yR, double dL, double dR,
      double secondL, boolean preferShapePreservation) {
    double r = controlLeft(xL, xR, yL, yR, dL, dR, secondL);
    double rMin = minimumControl(dL, dR, (yR - yL) / (xR - xL), preferShapePreservation);
    return Math.max(r, rMin);
  }

  private static double convexControlRight(double xL, double xR, double yL, double yR, double dL, double dR,
      double secondR, boolean preferShapePreservation) {
    double r = controlRight(xL, xR, yL, yR, dL, dR, secondR);
    double rMin = minimumControl(dL, dR, (yR - yL) / (xR - xL), preferShapePreservation);
    return Math.max(r, rMin);
  }

  private static boolean isZero(double x) {
    return Math.abs(x) < Double.MIN_NORMAL;
  }
}
