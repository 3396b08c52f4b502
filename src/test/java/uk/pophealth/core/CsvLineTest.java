package uk.pophealth.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {
  @Test
  void plainFieldsKeepTheirSpacesAndEmptyFields() {
    assertEquals(List.of("a", " b ", "", "c", ""), CsvLine.split("a, b ,,c,"));
  }

  @Test
  void quotedFieldsHoldCommasAndDoubledQuotes() {
    assertEquals(List.of("Hartlepool, 009A", "say \"hi\"", "3"), CsvLine.split("\"Hartlepool, 009A\",\"say \"\"hi\"\"\",3"));
  }

  @Test
  void anEmptyLineIsOneEmptyField() {
    assertEquals(List.of(""), CsvLine.split(""));
  }
}
