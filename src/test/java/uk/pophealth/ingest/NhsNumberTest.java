package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.pophealth.testing.SharedSpark;

class NhsNumberTest {
  /** Published example numbers (NHS Digital test data) and hand-checked ones. */
  @ParameterizedTest
  @ValueSource(strings = {"9434765919", "9434765870", "4010232137", "9990000018"})
  void acceptsValidNumbers(String number) {
    assertTrue(NhsNumber.isValid(number), number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9434765918", "943476591", "94347659190", "943476591X", "943 476 5919", "", "0000000001"})
  void rejectsInvalidNumbers(String number) {
    assertFalse(NhsNumber.isValid(number), number);
  }

  @Test
  void rejectsAStemWhoseCheckDigitWouldBeTen() {
    // 1000000010: weights 10..2 give sum 10*1 + 2*1 = 12 -> 11 - 1 = 10, so no check digit makes it valid.
    for (int digit = 0; digit <= 9; digit++) {
      assertFalse(NhsNumber.isValid("100000001" + digit));
    }
  }

  @Test
  void handComputedCheckDigit() {
    // 943476591: 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11 - 2 = 9.
    assertTrue(NhsNumber.isValid("9434765919"));
    assertFalse(NhsNumber.isValid("9434765910"));
  }

  @Test
  void sparkExpressionAgreesWithJava() {
    List<String> numbers = new ArrayList<>(Arrays.asList("9434765919", "9434765918", "4010232137", "1000000010",
        "943476591X", "12345", "0000000000", null));
    for (int i = 0; i < 40; i++) {
      numbers.add(IngestFixture.nhs(i));
      numbers.add(IngestFixture.badNhs(i));
    }
    List<Row> rows = SharedSpark.spark().createDataset(numbers, Encoders.STRING()).toDF("n")
        .select(col("n"), NhsNumber.isValid(col("n"))).collectAsList();
    assertEquals(numbers.size(), rows.size());
    for (Row row : rows) {
      String number = row.getString(0);
      assertEquals(number != null && NhsNumber.isValid(number), row.getBoolean(1), "for " + number);
    }
  }
}
