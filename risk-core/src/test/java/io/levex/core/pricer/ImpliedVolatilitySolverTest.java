package io.levex.core.pricer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Test {@link ImpliedVolatilitySolver}.
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
          assertThat(iv).isCloseTo(vol, within(1e-9 * Math.max(1, vol)));
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
}
