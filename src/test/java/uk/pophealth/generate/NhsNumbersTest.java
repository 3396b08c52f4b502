package uk.pophealth.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NhsNumbersTest {
  @Test
  void knownNumbersCheck() {
    assertTrue(NhsNumbers.isValid("9434765919"));
    assertTrue(RuleCheck.validNhsNumber("9434765919"));
    assertFalse(NhsNumbers.isValid("9434765918"));
    assertFalse(NhsNumbers.isValid("943476591"));
    assertFalse(NhsNumbers.isValid("94347659AB"));
  }

  @Test
  void numbersAreValidDistinctAndInTheTestRangeFirst() {
    Set<String> seen = new HashSet<>();
    long[] starts = {0, 899_900, 900_000 - 20, 5_000_000, NhsNumbers.MAX_PEOPLE - 50};
    for (long start : starts) {
      for (long i = start; i < start + 50; i++) {
        String number = NhsNumbers.forIndex(i);
        assertEquals(10, number.length(), number);
        assertTrue(RuleCheck.validNhsNumber(number), "valid by an independent check: " + number);
        assertTrue(seen.add(number), "distinct: " + number);
        assertEquals(i < NhsNumbers.PEOPLE_PER_PREFIX, number.startsWith("999"), number);
      }
    }
    assertTrue(NhsNumbers.forIndex(900_000).startsWith("998"));
    assertTrue(NhsNumbers.forIndex(NhsNumbers.MAX_PEOPLE - 1).startsWith("900"));
  }

  @Test
  void everyStemBlockIsUsedWithoutCollisionAcrossAWholeBlockRange() {
    Set<String> seen = new HashSet<>();
    for (long i = 0; i < 9 * 2_000; i++) {
      assertTrue(seen.add(NhsNumbers.forIndex(i)));
    }
  }

  @Test
  void wrongCheckDigitIsInvalid() {
    String valid = NhsNumbers.forIndex(12_345);
    for (int shift = 1; shift <= 9; shift++) {
      String wrong = NhsNumbers.withWrongCheckDigit(valid, shift);
      assertFalse(RuleCheck.validNhsNumber(wrong), wrong);
      assertEquals(valid.substring(0, 9), wrong.substring(0, 9));
    }
  }

  @Test
  void refusesIndexesOutsideTheRange() {
    assertThrows(IllegalArgumentException.class, () -> NhsNumbers.forIndex(-1));
    assertThrows(IllegalArgumentException.class, () -> NhsNumbers.forIndex(NhsNumbers.MAX_PEOPLE));
  }
}
