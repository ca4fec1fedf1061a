package io.levex.core.market.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.levex.core.collect.InvalidInputException;
import io.levex.core.pricer.Black76OptionPricer;
import java.time.Instant;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Test {@link SviSlice}: vols and the 25-delta pillars.
 */
class SviSliceTest {

  private static final Instant EXPIRY = Instant.parse("2026-03-27T08:00:00Z");
  private static final double F = 89_558.30;
  private static final NormalDistribution N = new NormalDistribution(0, 1);

  @Test
  void test_deltaSmile_flatSmileClosedForm() {
    double vol = 0.6;
    double t = 0.5;
    SviSlice flat = SviSlice.of(EXPIRY, t, F, SviParameters.of(vol * vol * t, 0.0, 0.0, 0.0, 0.1));
    DeltaSmile d = flat.deltaSmile(0.25);
    double sd = vol * Math.sqrt(t);
    // N(d1) = 0.25: ln(F/K) = sd N^-1(0.25) - sd^2/2
    double callStrike = F * Math.exp(sd * sd / 2 - sd * N.inverseCumulativeProbability(0.25));
    double putStrike = F * Math.exp(sd * sd / 2 - sd * N.inverseCumulativeProbability(0.75));
    assertThat(d.callStrikeUsd()).isCloseTo(callStrike, within(1e-8 * F));
    assertThat(d.putStrikeUsd()).isCloseTo(putStrike, within(1e-8 * F));
    assertThat(d.callVol()).isEqualTo(vol);
    assertThat(d.putVol()).isEqualTo(vol);
    assertThat(d.atmVol()).isEqualTo(vol);
    assertThat(d.riskReversal()).isEqualTo(0.0);
    assertThat(d.butterfly()).isEqualTo(0.0);
    assertThat(flat.riskReversal25()).isEqualTo(0.0);
    assertThat(flat.butterfly25()).isEqualTo(0.0);
  }

  @Test
  void test_deltaSmile_sviStrikesHaveTheDelta() {
    // the BTC 27MAR26 slice fitted to the 2025-12-30 chain (rounded)
    double t = 0.2405;
    SviSlice slice = SviSlice.of(EXPIRY, t, F, SviParameters.of(-0.02938, 0.13963, -0.06148, 0.07582, 0.49407));
    DeltaSmile d = slice.deltaSmile(0.25);
    double callDelta = Black76OptionPricer.DEFAULT.greeks(true, F, d.callStrikeUsd(), t, slice.impliedVol(d.callStrikeUsd()), 0.0).delta();
    double putDelta = Black76OptionPricer.DEFAULT.greeks(false, F, d.putStrikeUsd(), t, slice.impliedVol(d.putStrikeUsd()), 0.0).delta();
    assertThat(callDelta).isCloseTo(0.25, within(1e-10));
    assertThat(putDelta).isCloseTo(-0.25, within(1e-10));
    assertThat(d.callStrikeUsd()).isGreaterThan(F);
    assertThat(d.putStrikeUsd()).isLessThan(F);
    assertThat(d.callVol()).isEqualTo(slice.impliedVol(d.callStrikeUsd()));
    assertThat(d.riskReversal()).isEqualTo(d.callVol() - d.putVol());
    assertThat(d.butterfly()).isEqualTo((d.callVol() + d.putVol()) / 2 - slice.atmVol());
    // a put skew and a positive smile curvature, as on the venue
    assertThat(d.riskReversal()).isNegative();
    assertThat(d.butterfly()).isPositive();
    // 10-delta pillars too
    DeltaSmile d10 = slice.deltaSmile(0.10);
    assertThat(Black76OptionPricer.DEFAULT.greeks(true, F, d10.callStrikeUsd(), t, d10.callVol(), 0.0).delta())
        .isCloseTo(0.10, within(1e-10));
    assertThat(Black76OptionPricer.DEFAULT.greeks(false, F, d10.putStrikeUsd(), t, d10.putVol(), 0.0).delta())
        .isCloseTo(-0.10, within(1e-10));
  }

  @Test
  void test_impliedVol_atForwardAndStrike() {
    SviSlice slice = SviSlice.of(EXPIRY, 0.25, F, SviParametersTest.SSVI_FREE);
    assertThat(slice.atmVol()).isCloseTo(Math.sqrt(0.04 / 0.25), within(1e-15));
    assertThat(slice.impliedVol(F * Math.exp(0.3))).isEqualTo(slice.impliedVolAtLogMoneyness(Math.log(F * Math.exp(0.3) / F)));
    assertThat(slice.logMoneyness(F)).isEqualTo(0.0);
  }

  @Test
  void test_badInput() {
    SviSlice slice = SviSlice.of(EXPIRY, 0.25, F, SviParametersTest.SSVI_FREE);
    assertThatThrownBy(() -> slice.deltaSmile(0.7))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("delta");
          assertThat(ex.error().value()).isEqualTo("0.7");
        });
    assertThatThrownBy(() -> slice.impliedVol(-1.0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("strike_usd");
          assertThat(ex.error().value()).isEqualTo("-1");
        });
    assertThatThrownBy(() -> slice.impliedVol(Double.NaN))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("strike_usd"));
    assertThatThrownBy(() -> SviSlice.of(EXPIRY, 0.0, F, SviParametersTest.SSVI_FREE))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("time_to_expiry_years"));
    assertThatThrownBy(() -> SviSlice.of(EXPIRY, 0.25, -F, SviParametersTest.SSVI_FREE))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("forward_usd"));
  }
}
