package io.levex.api.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.levex.api.v1.InstrumentKind;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.InstrumentSpec;
import io.levex.api.v1.OptionType;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.market.PricingInputs;
import io.levex.core.pricer.InstrumentPricer;
import io.levex.core.pricer.Valuation;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.Instrument;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Test {@link InstrumentMapper} and {@link MarkMapper}.
 */
class InstrumentMapperTest {

  @Test
  void test_fromProto_nameAndSpecAgree() {
    Instrument byName = InstrumentMapper.fromProto(InstrumentRef.newBuilder().setName("BTC-27MAR26-90000-C").build(), "instrument");
    InstrumentSpec spec = InstrumentSpec.newBuilder()
        .setUnderlying("BTC")
        .setKind(InstrumentKind.INSTRUMENT_KIND_OPTION)
        .setExpiry(ProtoTimes.toProto(Instant.parse("2026-03-27T08:00:00Z")))
        .setStrike(90000)
        .setOptionType(OptionType.OPTION_TYPE_CALL)
        .build();
    Instrument bySpec = InstrumentMapper.fromProto(InstrumentRef.newBuilder().setSpec(spec).build(), "instrument");
    assertThat(bySpec).isEqualTo(byName);
    assertThat(InstrumentMapper.fromSpec(InstrumentMapper.toSpec(byName))).isEqualTo(byName);
    assertThat(InstrumentMapper.toProto(byName).getSettlementCurrency()).isEqualTo("BTC");
  }

  @Test
  void test_fromProto_badNameNamesFieldPathAndValue() {
    assertThatThrownBy(() -> InstrumentMapper.fromProto(InstrumentRef.newBuilder().setName("BTC-32JAN26-1-C").build(), "items[3].instrument"))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("items[3].instrument.name");
          assertThat(ex.error().value()).isEqualTo("BTC-32JAN26-1-C");
          assertThat(ex.getMessage()).startsWith("items[3].instrument.name ").endsWith("BTC-32JAN26-1-C");
        });
  }

  @Test
  void test_fromProto_badSpecNamesNestedField() {
    InstrumentSpec spec = InstrumentSpec.newBuilder().setUnderlying("BTC").setKind(InstrumentKind.INSTRUMENT_KIND_OPTION)
        .setExpiry(ProtoTimes.toProto(Instant.parse("2026-03-27T08:00:00Z"))).setStrike(-5).setOptionType(OptionType.OPTION_TYPE_PUT).build();
    assertThatThrownBy(() -> InstrumentMapper.fromProto(InstrumentRef.newBuilder().setSpec(spec).build(), "instrument"))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().field()).isEqualTo("instrument.spec.strike");
          assertThat(ex.error().value()).isEqualTo("-5");
        });
    assertThatThrownBy(() -> InstrumentMapper.fromProto(InstrumentRef.getDefaultInstance(), "instrument"))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("instrument"));
  }

  @Test
  void test_markRoundTrip() {
    Instant now = Instant.parse("2026-01-05T08:00:00Z");
    Instrument call = DeribitInstrumentNames.parse("BTC-27MAR26-90000-C");
    Valuation v = InstrumentPricer.DEFAULT.value(call, new PricingInputs(91_000, 0.55, 0, 90_500, now.minusSeconds(3), "test"), now);
    Valuation back = MarkMapper.fromProto(MarkMapper.toProto(v, 60));
    assertThat(back).isEqualTo(v);
    assertThat(MarkMapper.toProto(v, 1).getStale()).isTrue();
    assertThat(MarkMapper.toProto(v, 60).getAgeSeconds()).isEqualTo(3.0);
  }
}
