package io.levex.core.pricer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.testing.CsvFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ImpliedVolatilitySolver} against 60-digit mpmath implied vols ({@code mpmath_black76_iv.csv}),
 * Jäckel's own LetsBeRational outputs and py_vollib, and its typed failures.
 */
class ImpliedVolatilitySolverTest {

  private static final ImpliedVolatilitySolver SOLVER = ImpliedVolatilitySolver.DEFAULT;

  @Test
  void test_impliedVol_pyVollibDoctest() {
    // py_vollib implied_volatility_of_discounted_option_price(5.5811067246, 100, 100, 0.02, 0.5, 'c') = 0.2
    double iv = SOLVER.impliedVol(true, 100, 100, 0.5, 0.02, 5.5811067246);
    assertThat(iv).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void test_impliedVol_mpmathToMachinePrecision() {
    // iv_exact reproduces the double price exactly; iv_per_price_ulp is how far one ulp of that price moves the
    // vol, the floor for any solver. Well-posed rows must come back within a few ulps of vol plus that floor;
    // rows whose time value is lost in the rounding of the price (one ulp of the price moves the vol by more than
    // 0.1%, e.g. deep in the money with r != 0, where undiscounting rounds away a time value of 1e-18 F) may instead
    // fail with FAILED_PRECONDITION, never with a wrong vol.
    List<String> failures = new ArrayList<>();
    int solved = 0;
    for (Map<String, String> r : CsvFixture.read("/reference/mpmath_black76_iv.csv")) {
      if (!r.get("well_posed").equals("1")) {
        continue;
      }
      boolean call = r.get("option_type").equals("call");
      double expected = d(r, "iv_exact");
      double floor = d(r, "iv_per_price_ulp");
      try {
        double iv = SOLVER.impliedVol(call, d(r, "forward"), d(r, "strike"), d(r, "t_years"), d(r, "rate"), d(r, "price_usd"));
        if (Math.abs(iv - expected) > 4 * (Math.ulp(1.0) * Math.max(1, expected) + floor)) {
          failures.add(r + " -> " + iv);
        }
        solved++;
      } catch (InvalidInputException ex) {
        boolean indeterminate = floor >= 1e-3 * Math.max(1, expected) || d(r, "time_value_over_forward") < 1e-300;
        if (!indeterminate || ex.error().kind() != ErrorKind.FAILED_PRECONDITION) {
          failures.add(r + " -> " + ex.getMessage());
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(solved).isGreaterThanOrEqualTo(1400);
  }

  @Test
  void test_impliedVol_illPosedPricesFailTyped() {
    int checked = 0;
    for (Map<String, String> r : CsvFixture.read("/reference/mpmath_black76_iv.csv")) {
      if (!r.get("well_posed").equals("0")) {
        continue;
      }
      boolean call = r.get("option_type").equals("call");
      assertThatThrownBy(() -> SOLVER.impliedVol(call, d(r, "forward"), d(r, "strike"), d(r, "t_years"), d(r, "rate"),
          d(r, "price_usd")))
          .as(r.toString())
          .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().kind())
              .isIn(ErrorKind.FAILED_PRECONDITION, ErrorKind.INVALID_ARGUMENT));
      checked++;
    }
    assertThat(checked).isGreaterThan(60);
  }

  @Test
  void test_impliedVol_letsBeRationalReference() {
    int checked = 0;
    for (Map<String, String> r : CsvFixture.read("/reference/ref_lets_be_rational_testvalues.csv")) {
      if (!r.get("iv_well_posed").equals("1")) {
        continue;
      }
      boolean call = d(r, "q") > 0;
      double iv = SOLVER.impliedVol(call, d(r, "F"), d(r, "K"), d(r, "T"), 0.0, d(r, "black"));
      assertThat(iv).as(r.toString()).isCloseTo(d(r, "implied_volatility"), within(1e-13));
      checked++;
    }
    assertThat(checked).isEqualTo(244);
  }

  @Test
  void test_impliedVols_batchReportsStatusPerItem() {
    double price = Black76OptionPricer.DEFAULT.priceUsd(true, 90_000, 100_000, 0.25, 0.5, 0);
    boolean[] call = {true, true, true, false};
    double[] forward = {90_000, 90_000, 90_000, 90_000};
    double[] strike = {100_000, 100_000, 80_000, 100_000};
    double[] t = {0.25, 0.25, 0.25, -1};
    double[] prices = {price, 95_000, 5_000, 100};
    double[] vols = new double[4];
    byte[] status = new byte[4];
    SOLVER.impliedVols(call, forward, strike, t, null, prices, 0, 4, vols, status);
    assertThat(vols[0]).isCloseTo(0.5, within(1e-14));
    assertThat(status[0]).isEqualTo(ImpliedVolatilitySolver.OK);
    assertThat(ImpliedVolFailure.ofCode(status[1])).isEqualTo(ImpliedVolFailure.ABOVE_UPPER_BOUND);
    assertThat(ImpliedVolFailure.ofCode(status[2])).isEqualTo(ImpliedVolFailure.BELOW_INTRINSIC);
    assertThat(ImpliedVolFailure.ofCode(status[3])).isEqualTo(ImpliedVolFailure.INVALID_INPUT);
    assertThat(vols[1]).isNaN();
  }

  @Test
  void test_impliedVol_roundTrip() {
    for (double k : new double[] {30_000, 80_000, 90_000, 100_000, 200_000}) {
      for (double vol : new double[] {0.1, 0.5, 1.5}) {
        for (boolean call : new boolean[] {true, false}) {
          double price = Black76OptionPricer.DEFAULT.priceUsd(call, 90_000, k, 0.25, vol, 0);
          double intrinsic = Math.max(call ? 90_000 - k : k - 90_000, 0);
          if (price < 1e-3 || price - intrinsic < 1e-6 * price) {
            continue; // no time value left in double precision: ill-posed
          }
          double iv = SOLVER.impliedVol(call, 90_000, k, 0.25, 0, price);
          assertThat(iv).isCloseTo(vol, within(1e-13 * Math.max(1, vol)));
        }
      }
    }
  }

  @Test
  void test_impliedVol_belowIntrinsicFailsTyped() {
    assertThatThrownBy(() -> SOLVER.impliedVol(true, 100_000, 90_000, 0.25, 0, 9_000))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
          assertThat(ex.error().field()).isEqualTo("price_usd");
          assertThat(ex.error().value()).isEqualTo("9000");
        });
  }

  @Test
  void test_impliedVol_aboveUpperBoundFailsTyped() {
    assertThatThrownBy(() -> SOLVER.impliedVol(true, 100_000, 90_000, 0.25, 0, 100_000))
        .isInstanceOfSatisfying(InvalidInputException.class,
            ex -> assertThat(ex.error().kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION));
  }

  @Test
  void test_impliedVol_badInputsAreInvalidArgument() {
    assertThatThrownBy(() -> SOLVER.impliedVol(true, Double.NaN, 90_000, 0.25, 0, 10))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("forward_usd");
        });
    assertThatThrownBy(() -> SOLVER.impliedVol(true, 90_000, -1, 0.25, 0, 10))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("strike_usd"));
  }

  private static double d(Map<String, String> r, String column) {
    return Double.parseDouble(r.get(column));
  }
}
