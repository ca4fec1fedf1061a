package io.levex.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The accuracy gates that run before timing, as fast unit tests (no timing here): Levex meets the strict B1 and B2
 * gates on the benchmark input sets, the peers compute the same quantities in the same units, and the stored
 * references still match the generated inputs.
 */
class AccuracyGatesTest {

  @Test
  void test_priceGreeks_levexMeetsStrictGateOnEverySet() {
    for (InputSet set : new InputSet[] {InputSet.CORE, InputSet.WINGS, InputSet.SHORT}) {
      Reference.Greeks ref = Reference.greeks(set);
      for (PriceGreeksSubject s : new PriceGreeksSubject[] {PriceGreeksSubject.LEVEX_BATCH,
          PriceGreeksSubject.LEVEX_SCALAR}) {
        AccuracyGates.PriceGreeksReport r = AccuracyGates.priceGreeks(s, set.id(), ref);
        assertThat(r.strict()).as(AccuracyGates.format(r)).isTrue();
        assertThat(r.maxGreek()).as(AccuracyGates.format(r)).isLessThan(1e-11);
      }
    }
  }

  @Test
  void test_priceGreeks_peersAreLikeForLike() {
    // same quantities, same units and signs (a unit or sign slip would be off by O(1))
    for (InputSet set : new InputSet[] {InputSet.CORE, InputSet.WINGS, InputSet.SHORT}) {
      Reference.Greeks ref = Reference.greeks(set);
      for (PriceGreeksSubject s : PriceGreeksSubject.values()) {
        AccuracyGates.PriceGreeksReport r = AccuracyGates.priceGreeks(s, set.id(), ref);
        assertThat(r.likeForLike()).as(AccuracyGates.format(r)).isTrue();
      }
    }
  }

  @Test
  void test_priceGreeks_levexMeetsStrictGateOnExtremeGrid() {
    AccuracyGates.PriceGreeksReport r = AccuracyGates.priceGreeks(PriceGreeksSubject.LEVEX_BATCH, "grid",
        AccuracyGates.gridReference());
    assertThat(r.n()).isEqualTo(1866);
    assertThat(r.strict()).as(AccuracyGates.format(r)).isTrue();
  }

  @Test
  void test_impliedVol_levexMeetsStrictGateOnCore() {
    Reference.Iv ref = Reference.impliedVols(InputSet.CORE);
    for (ImpliedVolSubject s : new ImpliedVolSubject[] {ImpliedVolSubject.LEVEX_BATCH, ImpliedVolSubject.LEVEX_SCALAR}) {
      AccuracyGates.ImpliedVolReport r = AccuracyGates.impliedVol(s, "core", ref);
      assertThat(r.strict()).as(AccuracyGates.format(r)).isTrue();
      assertThat(r.silentFailures()).as(AccuracyGates.format(r)).isZero();
    }
  }

  @Test
  void test_impliedVol_levexMeetsStrictGateOnHardIv() {
    // in-the-money hard-IV inputs with r != 0: the solver takes the time value on the discounted price
    // (price - df intrinsic, df - 1 = expm1(-r T)), so every row is within 1e-14 max(1, s*) + iv_per_price_ulp
    Reference.Iv ref = Reference.impliedVols(InputSet.HARD_IV);
    for (ImpliedVolSubject s : new ImpliedVolSubject[] {ImpliedVolSubject.LEVEX_BATCH, ImpliedVolSubject.LEVEX_SCALAR}) {
      AccuracyGates.ImpliedVolReport r = AccuracyGates.impliedVol(s, "hardIv", ref);
      assertThat(r.strict()).as(AccuracyGates.format(r)).isTrue();
      assertThat(r.silentFailures()).as(AccuracyGates.format(r)).isZero();
    }
  }

  @Test
  void test_impliedVol_levexMeetsStrictGateOnRiskCoreFixture() {
    AccuracyGates.ImpliedVolReport r = AccuracyGates.impliedVol(ImpliedVolSubject.LEVEX_BATCH, "gridIv",
        AccuracyGates.gridIvReference());
    assertThat(r.strict()).as(AccuracyGates.format(r)).isTrue();
    assertThat(r.flaggedIllPosed()).isEqualTo(r.n() - r.wellPosed());
  }

  @Test
  void test_impliedVol_peersAreLikeForLike() {
    for (InputSet set : new InputSet[] {InputSet.CORE, InputSet.HARD_IV}) {
      Reference.Iv ref = Reference.impliedVols(set);
      for (ImpliedVolSubject s : new ImpliedVolSubject[] {ImpliedVolSubject.STRATA, ImpliedVolSubject.FINMATH}) {
        AccuracyGates.ImpliedVolReport r = AccuracyGates.impliedVol(s, set.id(), ref);
        assertThat(r.likeForLike()).as(AccuracyGates.format(r)).isTrue();
      }
    }
  }

  @Test
  void test_requirePriceGreeks_peerHeldToStrictGateFails() {
    System.setProperty("levex.bench.peerGate", "strict");
    try {
      assertThatThrownBy(() -> AccuracyGates.requirePriceGreeks(PriceGreeksSubject.FINMATH, InputSet.CORE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("FAIL accuracy gate (strict), not timed");
    } finally {
      System.clearProperty("levex.bench.peerGate");
    }
  }

  @Test
  void test_reference_inputsMatchGenerator() {
    // Reference.greeks / impliedVols throw if a stored input differs by one bit from the generated one
    for (InputSet set : new InputSet[] {InputSet.CORE, InputSet.WINGS, InputSet.SHORT}) {
      assertThat(Reference.greeks(set).price()).hasSize(Reference.ROWS);
    }
    assertThat(Reference.impliedVols(InputSet.CORE).price()).hasSize(Reference.ROWS);
    assertThat(Reference.impliedVols(InputSet.HARD_IV).price()).hasSize(Reference.ROWS);
  }

  @Test
  void test_generate_prefixIndependentOfSize() {
    OptionInputs small = InputSet.WINGS.generate(16);
    OptionInputs large = InputSet.WINGS.generate(64);
    for (int i = 0; i < 16; i++) {
      assertThat(large.strike[i]).isEqualTo(small.strike[i]);
      assertThat(large.vol[i]).isEqualTo(small.vol[i]);
    }
  }
}
