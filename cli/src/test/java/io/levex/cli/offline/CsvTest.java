package io.levex.cli.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.levex.core.collect.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void test_split_plainAndQuotedCells() {
    assertThat(Csv.split("a,b,,c")).containsExactly("a", "b", "", "c");
    assertThat(Csv.split("\"x, y\",\"say \"\"hi\"\"\",z")).containsExactly("x, y", "say \"hi\"", "z");
    assertThat(Csv.split("")).containsExactly("");
    assertThat(Csv.split("a,")).containsExactly("a", "");
  }

  @Test
  void test_split_unterminatedQuoteRejected() {
    assertThatThrownBy(() -> Csv.split("a,\"b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unterminated quoted cell");
  }

  @Test
  void test_join_quotesOnlyWhenNeeded() {
    assertThat(Csv.join(List.of("a", "b,c", "d\"e", ""))).isEqualTo("a,\"b,c\",\"d\"\"e\",");
    assertThat(Csv.split(Csv.join(List.of("a", "b,c", "d\"e", "")))).containsExactly("a", "b,c", "d\"e", "");
  }

  @Test
  void test_number_fullPrecisionAndNoNegativeZero() {
    assertThat(Csv.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(Double.parseDouble(Csv.number(Math.PI))).isEqualTo(Math.PI);
    assertThat(Csv.number(-0.0)).isEqualTo("0.0");
  }

  @Test
  void test_parse_strictNumbers() {
    assertThat(CsvRow.parse("x", "1e-3")).isEqualTo(0.001);
    assertThat(CsvRow.parse("x", "-.5")).isEqualTo(-0.5);
    assertThat(CsvRow.parse("x", "NaN")).isNaN();
    assertThat(CsvRow.parse("x", "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThatThrownBy(() -> CsvRow.parse("forward", "0x10")).hasMessage("forward is not a number: 0x10");
    assertThatThrownBy(() -> CsvRow.parse("forward", "1d")).hasMessage("forward is not a number: 1d");
    assertThatThrownBy(() -> CsvRow.parse("forward", "1,5")).hasMessage("forward is not a number: 1,5");
  }

  @Test
  void test_of_headerCaseInsensitiveWithBom() {
    CsvHeader header = CsvHeader.of(List.of("\uFEFFOption_Type", " Forward "));

    assertThat(header.has("option_type")).isTrue();
    assertThat(header.has("forward")).isTrue();
    assertThat(header.names()).containsExactly("Option_Type", " Forward ");
  }

  @Test
  void test_of_duplicateColumnRejected() {
    assertThatThrownBy(() -> CsvHeader.of(List.of("vol", "VOL")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("names the column vol twice");
  }
}
