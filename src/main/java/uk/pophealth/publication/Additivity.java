package uk.pophealth.publication;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;

/**
 * One family of additive relations in a table, for complementary suppression: the <em>part</em> rows (those
 * matching {@code partCondition}) with equal {@code partKey} add up to the <em>total</em> row (matching
 * {@code totalCondition}) whose {@code totalKey} has the same value. {@code partKey} and {@code totalKey} are
 * lists of expressions of the same length and types.
 *
 * <p>Examples for acp_uptake: sex values within a unit and month add up to the unit's breakdown-none row
 * ({@link #breakdown}); practices within a PCN add up to the PCN's row for the same breakdown value
 * ({@link #of} with {@code parent_code} as the parts' key and {@code geography_code} as the total's key).
 * When the total is not in the table (it may be published elsewhere), give {@link #partsOnly}: the parts are
 * still protected as if their total were published.
 *
 * <p>{@code counts} names the count columns the relation holds for; empty means every count of the table.
 *
 * <p>A relation between the count columns of one row ({@link #withinRow}, e.g. referrals from the 40% most
 * deprived within referrals with a known decile) has {@code rowSum}: the total column, the part columns, and an
 * implicit remainder (total minus parts) that the table does not publish but a reader can difference out. The
 * remainder is treated as a cell published elsewhere: suppressed when it is 1-7 (so another cell of the row is
 * suppressed to hide it), never chosen as the complementary cell.
 */
public record Additivity(String name, Column partCondition, List<Column> partKey, Column totalCondition,
    List<Column> totalKey, List<String> counts, Optional<RowSum> rowSum) {

  /** Count columns of one row: {@code total} = sum of {@code parts} + an unpublished remainder. */
  public record RowSum(String total, List<String> parts) {
    public RowSum {
      requireNonNull(total, "total is null");
      parts = List.copyOf(parts);
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("Cannot declare a row sum of " + total + ": no part columns");
      }
    }
  }

  public Additivity {
    requireNonNull(name, "name is null");
    requireNonNull(partCondition, "partCondition is null");
    partKey = List.copyOf(partKey);
    requireNonNull(totalCondition, "totalCondition is null");
    totalKey = List.copyOf(totalKey);
    counts = List.copyOf(counts);
    requireNonNull(rowSum, "rowSum is null");
    if (rowSum.isEmpty() && (partKey.isEmpty() || partKey.size() != totalKey.size())) {
      throw new IllegalArgumentException(String.format(
          "Cannot declare additivity %s: part key and total key must be non-empty and of equal length (%d, %d)",
          name, partKey.size(), totalKey.size()));
    }
  }

  /** Parts and total told apart by their conditions, matched by different key expressions. */
  public static Additivity of(String name, Column partCondition, List<Column> partKey, Column totalCondition,
      List<Column> totalKey) {
    return new Additivity(name, partCondition, partKey, totalCondition, totalKey, List.of(), Optional.empty());
  }

  /**
   * Within each row matching {@code condition}: {@code total} = sum of {@code parts} + a remainder the table does
   * not publish (e.g. referrals = referrals with a known decile + those without).
   */
  public static Additivity withinRow(String name, Column condition, String total, String... parts) {
    List<String> counts = new java.util.ArrayList<>(List.of(parts));
    counts.add(total);
    return new Additivity(name, condition, List.of(), lit(false), List.of(), counts,
        Optional.of(new RowSum(total, List.of(parts))));
  }

  /**
   * A breakdown: parts and total share the same values of {@code sameColumns} (e.g. period, geography) and are
   * told apart by their conditions (e.g. {@code breakdown = 'sex'} for parts, {@code breakdown = 'none'} for the
   * total).
   */
  public static Additivity breakdown(String name, Column partCondition, Column totalCondition, String... sameColumns) {
    List<Column> key = columns(sameColumns);
    return new Additivity(name, partCondition, key, totalCondition, key, List.of(), Optional.empty());
  }

  /** Parts whose total is not a row of this table: rows matching the condition with equal columns form a group. */
  public static Additivity partsOnly(String name, Column partCondition, String... groupColumns) {
    List<Column> key = columns(groupColumns);
    return new Additivity(name, partCondition, key, lit(false), key, List.of(), Optional.empty());
  }

  /** The same relation, holding only for the given count columns. */
  public Additivity forCounts(String... countColumns) {
    if (rowSum.isPresent()) {
      throw new IllegalArgumentException("Cannot restrict row sum " + name + " to counts: it names its own");
    }
    return new Additivity(name, partCondition, partKey, totalCondition, totalKey, List.of(countColumns), rowSum);
  }

  private static List<Column> columns(String... names) {
    return Arrays.stream(names).map(n -> col(n)).toList();
  }
}
