package uk.pophealth.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.pophealth.publish.SuppressionFixpoint.ROLE_PART;
import static uk.pophealth.publish.SuppressionFixpoint.ROLE_TOTAL;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The complementary-suppression fixpoint without Spark, on hand-worked tables. */
class SuppressionFixpointTest {

  @Test
  void suppressesTheSmallestNonZeroPartBesideTheOnlySuppressedOne() {
    SuppressionFixpoint<String> fixpoint = new SuppressionFixpoint<>();
    // total 105 = M 5 (suppressed) + F 100 + U 0 + Z 40
    fixpoint.add("sex", "T", ROLE_TOTAL, 105L, false, true);
    fixpoint.add("sex", "M", ROLE_PART, 5L, true, true);
    fixpoint.add("sex", "F", ROLE_PART, 100L, false, true);
    fixpoint.add("sex", "U", ROLE_PART, 0L, false, true);
    fixpoint.add("sex", "Z", ROLE_PART, 40L, false, true);
    assertEquals(List.of("Z"), List.copyOf(fixpoint.solve()));
    assertEquals(2, fixpoint.passes(), "one pass adds Z, the next finds nothing more");
  }

  @Test
  void takesAZeroPartThenTheTotalWhenNoNonZeroPartIsLeft() {
    SuppressionFixpoint<String> zero = new SuppressionFixpoint<>();
    zero.add("e", "T", ROLE_TOTAL, 3L, false, true);
    zero.add("e", "A", ROLE_PART, 3L, true, true);
    zero.add("e", "B", ROLE_PART, 0L, false, true);
    assertEquals(Set.of("B"), zero.solve());

    SuppressionFixpoint<String> total = new SuppressionFixpoint<>();
    total.add("e", "T", ROLE_TOTAL, 3L, false, true);
    total.add("e", "A", ROLE_PART, 3L, true, true);
    assertEquals(Set.of("T"), total.solve());
  }

  @Test
  void suppressesANumeratorWithItsDenominatorAndThenProtectsIt() {
    // Registers: total 60 = A 5 (suppressed) + B 25 + C 30; with_acp: total 12 = A 0 + B 4 (suppressed) + C 8.
    // A's with_acp (0) follows A's register; B's register is then the register equation's complementary cell and
    // its with_acp (suppressed already) follows it. The with_acp equation then has A and B: nothing more to add.
    SuppressionFixpoint<String> fixpoint = new SuppressionFixpoint<>();
    fixpoint.add("register", "T register", ROLE_TOTAL, 60L, false, true);
    fixpoint.add("register", "A register", ROLE_PART, 5L, true, true);
    fixpoint.add("register", "B register", ROLE_PART, 25L, false, true);
    fixpoint.add("register", "C register", ROLE_PART, 30L, false, true);
    fixpoint.add("with_acp", "T with_acp", ROLE_TOTAL, 12L, false, true);
    fixpoint.add("with_acp", "A with_acp", ROLE_PART, 0L, false, true);
    fixpoint.add("with_acp", "B with_acp", ROLE_PART, 4L, true, true);
    fixpoint.add("with_acp", "C with_acp", ROLE_PART, 8L, false, true);
    for (String unit : List.of("T", "A", "B", "C")) {
      fixpoint.follow(unit + " register", unit + " with_acp", false);
    }
    assertEquals(Set.of("A with_acp", "B register"), fixpoint.solve());

    // A numerator that follows a complementary cell makes its own equation need one more cell: C's register is
    // chosen beside A's, C's with_acp follows it, and with_acp's equation (A suppressed) needs nothing more.
    SuppressionFixpoint<String> chained = new SuppressionFixpoint<>();
    chained.add("register", "T register", ROLE_TOTAL, 60L, false, true);
    chained.add("register", "A register", ROLE_PART, 5L, true, true);
    chained.add("register", "C register", ROLE_PART, 55L, false, true);
    chained.add("with_acp", "T with_acp", ROLE_TOTAL, 40L, false, true);
    chained.add("with_acp", "C with_acp", ROLE_PART, 20L, false, true);
    chained.add("with_acp", "D with_acp", ROLE_PART, 20L, false, true);
    chained.follow("C register", "C with_acp", false);
    assertEquals(Set.of("C register", "C with_acp", "D with_acp"), chained.solve());
  }

  @Test
  void propagatesThroughSharedCellsPassByPass() {
    // Practices P1 (4, suppressed) and P2 (20) make PCN N (24); PCNs N and N2 (50) make place L (74); N2's sex
    // breakdown has M 5 (suppressed) and F 45. Pass 1 adds P2 (a part before the total N) and N2 F (a part
    // before the total N2) at once; the place equation never holds a suppressed cell, so L, N and N2 stay.
    SuppressionFixpoint<String> fixpoint = new SuppressionFixpoint<>();
    fixpoint.add("N", "P1", ROLE_PART, 4L, true, true);
    fixpoint.add("N", "P2", ROLE_PART, 20L, false, true);
    fixpoint.add("N", "N", ROLE_TOTAL, 24L, false, true);
    fixpoint.add("L", "N", ROLE_PART, 24L, false, true);
    fixpoint.add("L", "N2", ROLE_PART, 50L, false, true);
    fixpoint.add("L", "L", ROLE_TOTAL, 74L, false, true);
    fixpoint.add("N2 sex", "N2", ROLE_TOTAL, 50L, false, true);
    fixpoint.add("N2 sex", "N2 F", ROLE_PART, 45L, false, true);
    fixpoint.add("N2 sex", "N2 M", ROLE_PART, 5L, true, true);
    assertEquals(Set.of("P2", "N2 F"), fixpoint.solve());
    assertEquals(2, fixpoint.passes());
  }

  @Test
  void aChainTakesOnePassPerLink() {
    // e1: A (suppressed) + B = T1; e2: B + C = T2 (B's second equation); e3: C + D = T3.
    SuppressionFixpoint<String> fixpoint = new SuppressionFixpoint<>();
    fixpoint.add("e1", "A", ROLE_PART, 2L, true, true);
    fixpoint.add("e1", "B", ROLE_PART, 10L, false, true);
    fixpoint.add("e1", "T1", ROLE_TOTAL, 12L, false, true);
    fixpoint.add("e2", "B", ROLE_PART, 10L, false, true);
    fixpoint.add("e2", "C", ROLE_PART, 11L, false, true);
    fixpoint.add("e2", "T2", ROLE_TOTAL, 21L, false, true);
    fixpoint.add("e3", "C", ROLE_PART, 11L, false, true);
    fixpoint.add("e3", "D", ROLE_PART, 30L, false, true);
    fixpoint.add("e3", "T3", ROLE_TOTAL, 41L, false, true);
    assertEquals(Set.of("B", "C", "D"), fixpoint.solve());
    assertEquals(4, fixpoint.passes(), "B, then C, then D, then nothing");
  }

  @Test
  void neverChoosesAnUnchoosableOrUnknownCellButCountsASuppressedRemainder() {
    // a row sum: total 20 = part 14 + remainder 6 (unpublished, suppressed because 1-7); the part hides it
    SuppressionFixpoint<String> fixpoint = new SuppressionFixpoint<>();
    fixpoint.add("row", "total", ROLE_TOTAL, 20L, false, true);
    fixpoint.add("row", "part", ROLE_PART, 14L, false, true);
    fixpoint.add("row", "remainder", ROLE_PART, 6L, true, false);
    fixpoint.add("row", "unknown", ROLE_PART, null, false, true);
    assertEquals(Set.of("part"), fixpoint.solve());
  }

  @Test
  void tiesGoToTheFirstCellInCellOrder() {
    SuppressionFixpoint<String> fixpoint = new SuppressionFixpoint<>();
    fixpoint.add("e", "T", ROLE_TOTAL, 43L, false, true);
    fixpoint.add("e", "S", ROLE_PART, 3L, true, true);
    fixpoint.add("e", "Y", ROLE_PART, 20L, false, true);
    fixpoint.add("e", "X", ROLE_PART, 20L, false, true);
    assertEquals(Set.of("X"), fixpoint.solve());
  }

  @Test
  void rejectsAnUnknownRole() {
    SuppressionFixpoint<String> fixpoint = new SuppressionFixpoint<>();
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> fixpoint.add("e", "A", 7, 1L, false, true));
    assertEquals("Unknown role of cell A: 7", error.getMessage());
  }
}
