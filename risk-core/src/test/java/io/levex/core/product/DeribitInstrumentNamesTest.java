package io.levex.core.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.levex.core.basics.Asset;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.PutCall;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.ErrorKind;
import io.levex.core.collect.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test {@link DeribitInstrumentNames}.
 */
class DeribitInstrumentNamesTest {

  @Test
  void test_parse_inverseOption() {
    Instrument i = DeribitInstrumentNames.parse("BTC-27MAR26-90000-C");
    assertThat(i).isInstanceOf(OptionInstrument.class);
    OptionInstrument o = (OptionInstrument) i;
    assertThat(o.underlying()).isEqualTo(Asset.BTC);
    assertThat(o.quoteCurrency()).isEqualTo(Asset.USD);
    assertThat(o.settlement()).isEqualTo(SettlementType.INVERSE);
    assertThat(o.settlementCurrency()).isEqualTo(Asset.BTC);
    assertThat(o.expiry()).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
    assertThat(o.strike()).isEqualTo(90000.0);
    assertThat(o.putCall()).isEqualTo(PutCall.CALL);
    assertThat(o.contractSize()).isEqualTo(1.0);
  }

  @Test
  void test_parse_expiryFromDeribitApiExample() {
    // Deribit docs: BTC-13JAN23-16000-P has expiration_timestamp 1673596800000 (2023-01-13 08:00 UTC)
    OptionInstrument o = (OptionInstrument) DeribitInstrumentNames.parse("BTC-13JAN23-16000-P");
    assertThat(o.expiry().toEpochMilli()).isEqualTo(1673596800000L);
    assertThat(o.putCall()).isEqualTo(PutCall.PUT);
  }

  @Test
  void test_parse_perpetuals() {
    PerpetualInstrument inverse = (PerpetualInstrument) DeribitInstrumentNames.parse("BTC-PERPETUAL");
    assertThat(inverse.settlement()).isEqualTo(SettlementType.INVERSE);
    assertThat(inverse.contractSize()).isEqualTo(10.0);
    assertThat(inverse.kind()).isEqualTo(InstrumentKind.PERPETUAL);
    assertThat(inverse.expiryTime()).isEmpty();

    PerpetualInstrument linear = (PerpetualInstrument) DeribitInstrumentNames.parse("BTC_USDC-PERPETUAL");
    assertThat(linear.settlement()).isEqualTo(SettlementType.LINEAR);
    assertThat(linear.quoteCurrency()).isEqualTo(Asset.USDC);
    assertThat(linear.settlementCurrency()).isEqualTo(Asset.USDC);
    assertThat(DeribitInstrumentNames.parse("ETH-PERPETUAL").contractSize()).isEqualTo(1.0);
  }

  @Test
  void test_parse_future() {
    FutureInstrument f = (FutureInstrument) DeribitInstrumentNames.parse("BTC-27MAR26");
    assertThat(f.expiry()).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
    assertThat(f.settlement()).isEqualTo(SettlementType.INVERSE);
  }

  @Test
  void test_parse_singleDigitDayAndDecimalStrike() {
    OptionInstrument o = (OptionInstrument) DeribitInstrumentNames.parse("XRP_USDC-1JAN26-0d625-P");
    assertThat(o.expiry()).isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
    assertThat(o.strike()).isEqualTo(0.625);
    assertThat(o.settlement()).isEqualTo(SettlementType.LINEAR);
    assertThat(o.name()).isEqualTo("XRP_USDC-1JAN26-0d625-P");
  }

  @Test
  void test_parse_spot() {
    assertThat(DeribitInstrumentNames.parse("BTC_USDC")).isEqualTo(new SpotInstrument(Asset.BTC, Asset.USDC, "DERIBIT"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC-27MAR26-90000-C", "BTC-1JAN26-82000-P", "BTC-PERPETUAL", "BTC_USDC-PERPETUAL",
      "BTC-27MAR26", "ETH-25DEC26-3000-P", "SOL_USDC-27MAR26-150-C", "BTC_USDC"})
  void test_format_roundTrip(String name) {
    assertThat(DeribitInstrumentNames.parse(name).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC-32JAN26-1-C", "BTC-27XYZ26-90000-C", "BTC-01JAN26", "btc perpetual", "BTC-27MAR26-0-C",
      "BTC-27MAR26-90000-X", "SYN.BTC-16JAN26", "BTC-30FEB26", ""})
  void test_parse_malformed(String name) {
    assertThatThrownBy(() -> DeribitInstrumentNames.parse(name))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("instrument");
          assertThat(ex.getMessage()).contains("instrument");
        });
  }

  @Test
  void test_parse_lowerCaseRejectedWithValueInMessage() {
    assertThatThrownBy(() -> DeribitInstrumentNames.parse("btc-27mar26"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("btc-27mar26");
  }

  @Test
  void test_create_fromSpecDefaults() {
    Instrument i = InstrumentSpecs.create(InstrumentKind.OPTION, "btc", "", null,
        Instant.parse("2026-03-27T08:00:00Z"), 90000, PutCall.CALL, 0, "");
    assertThat(i).isEqualTo(DeribitInstrumentNames.parse("BTC-27MAR26-90000-C"));
    Instrument linear = InstrumentSpecs.create(InstrumentKind.PERPETUAL, "BTC", "USDC", null, null, 0, null, 0, null);
    assertThat(linear.name()).isEqualTo("BTC_USDC-PERPETUAL");
  }

  @Test
  void test_create_missingStrikeNamesField() {
    assertThatThrownBy(() -> InstrumentSpecs.create(InstrumentKind.OPTION, "BTC", "USD", SettlementType.INVERSE,
        Instant.parse("2026-03-27T08:00:00Z"), 0, PutCall.CALL, 0, ""))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("strike"));
    assertThatThrownBy(() -> InstrumentSpecs.create(InstrumentKind.FUTURE, "BTC", "USD", SettlementType.INVERSE,
        null, 0, null, 0, ""))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("expiry"));
    assertThatThrownBy(() -> InstrumentSpecs.create(InstrumentKind.FUTURE, "BTC", "USDC", SettlementType.INVERSE,
        Instant.parse("2026-03-27T08:00:00Z"), 0, null, 0, ""))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("quote_currency"));
  }
}
