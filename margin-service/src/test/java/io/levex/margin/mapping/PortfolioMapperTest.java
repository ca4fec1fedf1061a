package io.levex.margin.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.levex.api.v1.AssetAmount;
import io.levex.api.v1.InstrumentRef;
import io.levex.api.v1.Order;
import io.levex.api.v1.Portfolio;
import io.levex.api.v1.PortfolioPosition;
import io.levex.core.basics.Asset;
import io.levex.core.collect.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Test {@link PortfolioMapper}.
 */
class PortfolioMapperTest {

  @Test
  void test_parse_sumsDuplicateCollateral() {
    PortfolioMapper.ParsedPortfolio p = PortfolioMapper.parse(Portfolio.newBuilder()
        .addPositions(PortfolioPosition.newBuilder().setInstrument(InstrumentRef.newBuilder().setName("BTC-PERPETUAL")).setSize(2))
        .addCollateral(AssetAmount.newBuilder().setAsset("BTC").setAmount(1))
        .addCollateral(AssetAmount.newBuilder().setAsset("btc").setAmount(0.5))
        .build(), "portfolio", 10);
    assertThat(p.collateral()).containsEntry(Asset.BTC, 1.5);
    assertThat(p.positions()).singleElement().satisfies(pos -> assertThat(pos.instrument().name()).isEqualTo("BTC-PERPETUAL"));
  }

  @Test
  void test_parse_rejectsNegativeCollateral() {
    Portfolio p = Portfolio.newBuilder()
        .addCollateral(AssetAmount.newBuilder().setAsset("BTC").setAmount(-0.5))
        .build();
    assertThatThrownBy(() -> PortfolioMapper.parse(p, "portfolio", 10))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.error().kind()).isEqualTo(io.levex.core.collect.ErrorKind.INVALID_ARGUMENT);
          assertThat(ex.error().field()).isEqualTo("portfolio.collateral[0].amount");
          assertThat(ex.getMessage()).contains("-0.5");
        });
  }

  @Test
  void test_parse_rejectsAbsurdSizeAndTooManyPositions() {
    Portfolio big = Portfolio.newBuilder()
        .addPositions(PortfolioPosition.newBuilder().setInstrument(InstrumentRef.newBuilder().setName("BTC-PERPETUAL")).setSize(5e9))
        .build();
    assertThatThrownBy(() -> PortfolioMapper.parse(big, "portfolio", 10))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("portfolio.positions[0].size"));
    assertThatThrownBy(() -> PortfolioMapper.parse(big, "portfolio", 0))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("portfolio.positions"));
  }

  @Test
  void test_parse_orderNeedsNonZeroSize() {
    assertThatThrownBy(() -> PortfolioMapper.parse(Order.newBuilder().setInstrument(InstrumentRef.newBuilder().setName("BTC-PERPETUAL")).build(), "order"))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.error().field()).isEqualTo("order.size"));
  }
}
