package io.levex.core.pricer.impl;

/**
 * Standard normal density, distribution function, its inverse, and the complementary and scaled complementary
 * error functions, to full double precision.
 * <p>
 * {@link #erfc} and {@link #erfcx} are W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631-637; Netlib SPECFUN {@code CALERF}), relative
 * error below about 1e-16 in double arithmetic; {@link #inverseCdf} is Wichura's AS241 {@code PPND16} (Applied
 * Statistics 37 (1988) 477-484), relative error about 1e-16. They are hand-rolled rather than taken from
 * commons-math3 because they are the innermost kernels of every price and implied-vol evaluation: commons-math3's
 * {@code Erf.erfc} goes through the regularized gamma function (a series or continued fraction, tens of times
 * slower) and it has no {@code erfcx}, which the cancellation-free Black formula needs. Stateless.
 */
public final class NormalDistribution {

  /** 1 / sqrt(2 pi). */
  public static final double INV_SQRT_2PI = 0.3989422804014326779399460599343818684758586311649;
  /** 1 / sqrt(2). */
  public static final double INV_SQRT_2 = 0.7071067811865475244008443621048490392848359376887;
  /** 1 / sqrt(pi). */
  private static final double INV_SQRT_PI = 0.5641895835477562869480794515607725858440506293290;

  private static final double THRESH = 0.46875;
  private static final double XSMALL = 1.11e-16;
  private static final double XBIG = 26.543;
  private static final double XHUGE = 6.71e7;
  private static final double XMAX = 2.53e307;
  private static final double XNEG = -26.628;

  private static final double A0 = 3.16112374387056560e00;
  private static final double A1 = 1.13864154151050156e02;
  private static final double A2 = 3.77485237685302021e02;
  private static final double A3 = 3.20937758913846947e03;
  private static final double A4 = 1.85777706184603153e-1;
  private static final double B0 = 2.36012909523441209e01;
  private static final double B1 = 2.44024637934444173e02;
  private static final double B2 = 1.28261652607737228e03;
  private static final double B3 = 2.84423683343917062e03;
  private static final double C0 = 5.64188496988670089e-1;
  private static final double C1 = 8.88314979438837594e00;
  private static final double C2 = 6.61191906371416295e01;
  private static final double C3 = 2.98635138197400131e02;
  private static final double C4 = 8.81952221241769090e02;
  private static final double C5 = 1.71204761263407058e03;
  private static final double C6 = 2.05107837782607147e03;
  private static final double C7 = 1.23033935479799725e03;
  private static final double C8 = 2.15311535474403846e-8;
  private static final double D0 = 1.57449261107098347e01;
  private static final double D1 = 1.17693950891312499e02;
  private static final double D2 = 5.37181101862009858e02;
  private static final double D3 = 1.62138957456669019e03;
  private static final double D4 = 3.29079923573345963e03;
  private static final double D5 = 4.36261909014324716e03;
  private static final double D6 = 3.43936767414372164e03;
  private static final double D7 = 1.23033935480374942e03;
  private static final double P0 = 3.05326634961232344e-1;
  private static final double P1 = 3.60344899949804439e-1;
  private static final double P2 = 1.25781726111229246e-1;
  private static final double P3 = 1.60837851487422766e-2;
  private static final double P4 = 6.58749161529837803e-4;
  private static final double P5 = 1.63153871373020978e-2;
  private static final double Q0 = 2.56852019228982242e00;
  private static final double Q1 = 1.87295284992346047e00;
  private static final double Q2 = 5.27905102951428412e-1;
  private static final double Q3 = 6.05183413124413191e-2;
  private static final double Q4 = 2.33520497626869185e-3;

  private NormalDistribution() {
  }

  /**
   * Density n(x) = exp(-x^2/2) / sqrt(2 pi).
   *
   * @param x  the point
   * @return the density
   */
  public static double pdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /**
   * Distribution function N(x) = erfc(-x / sqrt 2) / 2, with full relative accuracy in the lower tail (no
   * {@code 1 - N(-x)} cancellation).
   *
   * @param x  the point
   * @return P(Z <= x)
   */
  public static double cdf(double x) {
    return 0.5 * erfc(-x * INV_SQRT_2);
  }

  /**
   * Complementary error function erfc(x) = 1 - erf(x).
   *
   * @param x  the point
   * @return erfc(x), in [0, 2]
   */
  public static double erfc(double x) {
    double y = Math.abs(x);
    double result;
    if (y <= THRESH) {
      return 1.0 - x * smallRational(y);
    } else if (y <= 4.0) {
      result = scaleByExpMinusSquare(y, middleRational(y));
    } else if (y >= XBIG) {
      result = 0.0;
    } else {
      result = scaleByExpMinusSquare(y, largeRational(y));
    }
    return x < 0 ? 2.0 - result : result;
  }

  /**
   * Scaled complementary error function erfcx(x) = exp(x^2) erfc(x), which stays finite and accurate where
   * erfc underflows: erfcx(x) ~ 1/(x sqrt(pi)) for large x. Overflows to +infinity for x below about -26.6.
   *
   * @param x  the point
   * @return erfcx(x)
   */
  public static double erfcx(double x) {
    double y = Math.abs(x);
    double result;
    if (y <= THRESH) {
      double ysq = y > XSMALL ? y * y : 0.0;
      return Math.exp(ysq) * (1.0 - x * smallRational(y));
    } else if (y <= 4.0) {
      result = middleRational(y);
    } else if (y >= XBIG && y >= XMAX) {
      result = 0.0;
    } else if (y >= XBIG && y >= XHUGE) {
      result = INV_SQRT_PI / y;
    } else {
      result = largeRational(y);
    }
    if (x < 0) {
      if (x < XNEG) {
        return Double.POSITIVE_INFINITY;
      }
      double ysq = -Math.floor(-x * 16.0) / 16.0;
      double del = (x - ysq) * (x + ysq);
      double e = Math.exp(ysq * ysq) * Math.exp(del);
      return (e + e) - result;
    }
    return result;
  }

  /**
   * Inverse distribution function (quantile) by Wichura's AS241.
   *
   * @param p  the probability, in (0, 1)
   * @return x with N(x) = p; -infinity at 0, +infinity at 1, NaN outside [0, 1]
   */
  public static double inverseCdf(double p) {
    if (!(p >= 0 && p <= 1)) {
      return Double.NaN;
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q * (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) * r
          + 4.5921953931549871457e+4) * r + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
          + 1.3314166789178437745e+2) * r + 3.3871328727963666080e0)
          / (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) * r
          + 2.1213794301586595867e+4) * r + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
          + 4.2313330701600911252e+1) * r + 1.0);
    }
    double r = q < 0 ? p : 1.0 - p;
    r = Math.sqrt(-Math.log(r));
    double value;
    if (r <= 5.0) {
      r -= 1.6;
      value = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
          + 1.27045825245236838258e0) * r + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
          + 4.63033784615654529590e0) * r + 1.42343711074968357734e0)
          / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
          + 1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
          + 2.05319162663775882187e0) * r + 1.0);
    } else {
      r -= 5.0;
      value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
          + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
          + 5.46378491116411436990e0) * r + 6.65790464350110377720e0)
          / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r
          + 7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
          + 5.99832206555887937690e-1) * r + 1.0);
    }
    return q < 0 ? -value : value;
  }

  // erf(y) / y for |y| <= 0.46875: Cody's rational in z = y^2, numerator and denominator by fused Horner steps
  private static double smallRational(double y) {
    double z = y > XSMALL ? y * y : 0.0;
    double num = Math.fma(Math.fma(Math.fma(Math.fma(A4, z, A0), z, A1), z, A2), z, A3);
    double den = Math.fma(Math.fma(Math.fma(z + B0, z, B1), z, B2), z, B3);
    return num / den;
  }

  // erfcx(y) for 0.46875 < y <= 4
  private static double middleRational(double y) {
    double num = Math.fma(C8, y, C0);
    double den = y + D0;
    num = Math.fma(num, y, C1);
    den = Math.fma(den, y, D1);
    num = Math.fma(num, y, C2);
    den = Math.fma(den, y, D2);
    num = Math.fma(num, y, C3);
    den = Math.fma(den, y, D3);
    num = Math.fma(num, y, C4);
    den = Math.fma(den, y, D4);
    num = Math.fma(num, y, C5);
    den = Math.fma(den, y, D5);
    num = Math.fma(num, y, C6);
    den = Math.fma(den, y, D6);
    num = Math.fma(num, y, C7);
    den = Math.fma(den, y, D7);
    return num / den;
  }

  // erfcx(y) for y > 4
  private static double largeRational(double y) {
    double z = 1.0 / (y * y);
    double num = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(P5, z, P0), z, P1), z, P2), z, P3), z, P4);
    double den = Math.fma(Math.fma(Math.fma(Math.fma(z + Q0, z, Q1), z, Q2), z, Q3), z, Q4);
    double result = z * num / den;
    return (INV_SQRT_PI - result) / y;
  }

  // exp(-y^2) * r, splitting y^2 so that exp's argument is exact (Cody)
  private static double scaleByExpMinusSquare(double y, double r) {
    double ysq = Math.floor(y * 16.0) / 16.0;
    double del = (y - ysq) * (y + ysq);
    return Math.exp(-ysq * ysq) * Math.exp(-del) * r;
  }
}
