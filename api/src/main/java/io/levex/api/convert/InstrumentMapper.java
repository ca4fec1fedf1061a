package io.levex.api.convert;

import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.InstrumentSpec;
import io.levex.core.basics.InstrumentKind;
import io.levex.core.basics.PutCall;
import io.levex.core.basics.SettlementType;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.product.DeribitInstrumentNames;
import io.levex.core.product.FutureInstrument;
import io.levex.core.product.Instrument;
import io.levex.core.product.InstrumentSpecs;
import io.levex.core.product.OptionInstrument;
import io.levex.core.product.PerpetualInstrument;
import io.levex.core.product.SpotInstrument;
import java.time.Instant;

/**
 * Instruments between the API ({@code InstrumentRef}, {@code InstrumentSpec}, {@code Instrument}) and risk-core.
 */
public final class InstrumentMapper {

  private InstrumentMapper() {
  }

  /**
   * Resolves an instrument reference (venue name or structured spec).
   *
   * @param ref  the reference
   * @param field  the request field path of the reference, for errors (e.g. {@code "items[2].instrument"})
   * @return the instrument
   * @throws InvalidInputException INVALID_ARGUMENT naming {@code field.name} or {@code field.spec.<x>}
   */
  public static Instrument fromProto(InstrumentRef ref, String field) {
    switch (ref.getRefCase()) {
      case NAME -> {
        try {
          return parseName(ref.getName());
        } catch (InvalidInputException ex) {
          throw ex.withField(field + ".name");
        }
      }
      case SPEC -> {
        try {
          return fromSpec(ref.getSpec());
        } catch (InvalidInputException ex) {
          throw ex.withFieldPrefix(field + ".spec");
        }
      }
      default -> throw InvalidInputException.invalid(field, "", "is required (a name such as BTC-PERPETUAL, or a spec)");
    }
  }

  /**
   * Parses a venue name, naming the field {@code instrument} in errors.
   *
   * @param name  the name
   * @return the instrument
   */
  public static Instrument parseName(String name) {
    return DeribitInstrumentNames.parse(name);
  }

  /**
   * Builds an instrument from a structured spec.
   *
   * @param spec  the spec
   * @return the instrument
   */
  public static Instrument fromSpec(InstrumentSpec spec) {
    InstrumentKind kind = switch (spec.getKind()) {
      case INSTRUMENT_KIND_SPOT -> InstrumentKind.SPOT;
      case INSTRUMENT_KIND_FUTURE -> InstrumentKind.FUTURE;
      case INSTRUMENT_KIND_PERPETUAL -> InstrumentKind.PERPETUAL;
      case INSTRUMENT_KIND_OPTION -> InstrumentKind.OPTION;
      default -> throw InvalidInputException.invalid("kind", spec.getKind().name(), "must be SPOT, FUTURE, PERPETUAL or OPTION");
    };
    SettlementType settlement = switch (spec.getSettlement()) {
      case SETTLEMENT_LINEAR -> SettlementType.LINEAR;
      case SETTLEMENT_INVERSE -> SettlementType.INVERSE;
      default -> null;
    };
    PutCall putCall = switch (spec.getOptionType()) {
      case OPTION_TYPE_CALL -> PutCall.CALL;
      case OPTION_TYPE_PUT -> PutCall.PUT;
      default -> null;
    };
    Instant expiry = spec.hasExpiry() ? ProtoTimes.toInstant(spec.getExpiry()) : null;
    if (kind == InstrumentKind.OPTION && putCall == null) {
      throw InvalidInputException.invalid("option_type", spec.getOptionType().name(), "must be CALL or PUT for an option");
    }
    return InstrumentSpecs.create(kind, spec.getUnderlying(), spec.getQuoteCurrency(), settlement, expiry,
        spec.getStrike(), putCall, spec.getContractSize(), spec.getVenue());
  }

  /**
   * Converts an instrument to its API form.
   *
   * @param instrument  the instrument
   * @return the API instrument (canonical name, spec, settlement currency)
   */
  public static io.levex.api.v1.Instrument toProto(Instrument instrument) {
    return io.levex.api.v1.Instrument.newBuilder()
        .setName(instrument.name())
        .setSpec(toSpec(instrument))
        .setSettlementCurrency(instrument.settlementCurrency().symbol())
        .build();
  }

  /**
   * Converts an instrument to its structured spec.
   *
   * @param instrument  the instrument
   * @return the spec
   */
  public static InstrumentSpec toSpec(Instrument instrument) {
    InstrumentSpec.Builder b = InstrumentSpec.newBuilder()
        .setUnderlying(instrument.underlying().symbol())
        .setQuoteCurrency(instrument.quoteCurrency().symbol())
        .setSettlement(instrument.settlement() == SettlementType.INVERSE
            ? io.levex.api.v1.Settlement.SETTLEMENT_INVERSE
            : io.levex.api.v1.Settlement.SETTLEMENT_LINEAR)
        .setContractSize(instrument.contractSize())
        .setVenue(instrument.venue());
    switch (instrument) {
      case SpotInstrument s -> b.setKind(io.levex.api.v1.InstrumentKind.INSTRUMENT_KIND_SPOT);
      case PerpetualInstrument p -> b.setKind(io.levex.api.v1.InstrumentKind.INSTRUMENT_KIND_PERPETUAL);
      case FutureInstrument f -> b.setKind(io.levex.api.v1.InstrumentKind.INSTRUMENT_KIND_FUTURE)
          .setExpiry(ProtoTimes.toProto(f.expiry()));
      case OptionInstrument o -> b.setKind(io.levex.api.v1.InstrumentKind.INSTRUMENT_KIND_OPTION)
          .setExpiry(ProtoTimes.toProto(o.expiry()))
          .setStrike(o.strike())
          .setOptionType(o.putCall() == PutCall.CALL
              ? io.levex.api.v1.OptionType.OPTION_TYPE_CALL
              : io.levex.api.v1.OptionType.OPTION_TYPE_PUT);
    }
    return b.build();
  }
}
