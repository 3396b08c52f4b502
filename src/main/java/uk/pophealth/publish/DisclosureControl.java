package uk.pophealth.publish;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.publication.Additivity;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.Projection;

/**
 * Statistical disclosure control of a published table, generic over its {@link OutputTable} declaration.
 *
 * <p>When enabled (the default for every run):
 * <ol>
 *   <li><b>Primary suppression</b>: every count (the table's {@code countColumns}) in 1-7 is suppressed. 0 is
 *       published as 0; null stays null.</li>
 *   <li><b>Complementary suppression</b>, for each {@link Additivity} the caller gives. Each group of part cells
 *       and its total cell forms one equation {@code total = sum(parts)}. An equation with exactly one
 *       suppressed cell would let a reader recover that cell by differencing the published ones, so one more
 *       cell of that equation is suppressed: the smallest non-zero part (ties broken by the table's key), else a
 *       zero part, else the total. A newly suppressed cell can leave another equation (another additivity, or
 *       the equation in which it is the total) with exactly one suppressed cell, so passes repeat until a pass
 *       suppresses nothing. Each pass suppresses at least one more cell, so this ends; in practice it takes one
 *       pass per level of nesting. At the end no equation has exactly one suppressed cell. A row sum
 *       ({@link Additivity#withinRow}: count columns of one row adding up to another, e.g. known-decile referrals
 *       within all referrals) is one equation per row whose unpublished remainder counts as a cell: when the
 *       remainder is 1-7, one more count of the row is suppressed so that it cannot be differenced out.</li>
 *   <li><b>Rounding</b>: every published count is rounded to the nearest 5.</li>
 *   <li><b>Derived columns</b> (rates, intervals, flags; {@code derivedFrom}) are nulled when any count they
 *       derive from is suppressed, and the row's {@code suppressed} flag is set when any count on it is.</li>
 * </ol>
 * Suppression is per cell: a row may publish its denominator while its numerator is suppressed, but never the
 * reverse: a numerator ({@code OutputTable#denominators}, e.g. with_acp of register) is suppressed wherever its
 * denominator is, by primary or complementary suppression, since "0 of these few people have a plan" discloses
 * them all (attribute disclosure). The fixpoint suppresses it together with its denominator and then protects it
 * in its own equations.
 *
 * <p>Limits (documented, not hidden): the check is per equation, as the issue asks; it does not solve the
 * joint linear system of several equations (what tau-Argus does), though rounding every published count to 5
 * already leaves any such solution uncertain by several units, provided nothing published gives the exact counts
 * back: a rate or a proportion with its limits computed from the exact counts does. Derived columns pass through
 * here as the product computed them (nulled where a count of their own row is suppressed), so each product computes
 * them again from the counts this returns, which also covers columns taken from other rows (a parent's uptake, a
 * change against an earlier month, figures over another table's deciles): {@code PublishedUptake},
 * {@code PublishedFigures} and {@code InequalityWithholding}, each in its product's package. Equations across periods are
 * checked where the product declares them (the referral tables' months within their quarter and quarters within their
 * financial year). A count published in two tables (demand_forecast's actuals and referral_inequality's or
 * acp_uptake's) is controlled once: the later table takes the earlier one's suppression of it and never chooses it
 * as a complementary cell ({@link SameCounts}; docs/disclosure-control.md).
 * A group whose total is published in another table is protected only if the caller declares it
 * ({@link Additivity#partsOnly}).
 *
 * <p>Runs as Spark: the equations are split into blocks no equation crosses (the key columns constant within every
 * equation, such as the period), and each block's passes run in plain Java in one task
 * ({@code ComplementarySuppression}); a block is one period of an aggregated table, and nothing that grows with
 * the data reaches the driver.
 *
 * <p>When disabled (internal analyst runs only) counts pass through untouched, {@code suppressed} is false, a
 * warning is logged, and the caller must record it in the manifest ({@code RunManifest.Builder#disclosureControl}).
 */
public final class DisclosureControl {
  /** Counts from 1 up to this are suppressed. */
  public static final long MAX_SUPPRESSED_COUNT = 7;
  /** Published counts are rounded to the nearest multiple of this. */
  public static final long ROUNDING_BASE = 5;

  private static final Logger LOG = LoggerFactory.getLogger(DisclosureControl.class);
  private static final String FLAG_PREFIX = "__suppressed_";
  private static final String ELSEWHERE_PREFIX = "__published_elsewhere_";

  private final boolean enabled;

  private DisclosureControl(boolean enabled) {
    this.enabled = enabled;
  }

  public static DisclosureControl enabled() {
    return new DisclosureControl(true);
  }

  public static DisclosureControl disabled() {
    return new DisclosureControl(false);
  }

  public static DisclosureControl of(boolean enabled) {
    return new DisclosureControl(enabled);
  }

  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Applies disclosure control to {@code data}, which must have the table's declared schema; the result has it
   * too. Close the result once it has been written, to release the working data it keeps persisted.
   */
  public Disclosed apply(OutputTable table, Dataset<Row> data, List<Additivity> additivities) {
    return apply(table, data, additivities, List.of());
  }

  /**
   * As {@link #apply(OutputTable, Dataset, List)}, for a table some of whose counts another table has already
   * published ({@link SameCounts}): a cell suppressed there is suppressed here, and a cell published there is never
   * chosen here as a complementary cell, since suppressing it would hide nothing.
   */
  public Disclosed apply(OutputTable table, Dataset<Row> data, List<Additivity> additivities,
      List<SameCounts> sameCounts) {
    requireNonNull(table, "table is null");
    requireNonNull(data, "data is null");
    SchemaCheck.requireDeclared(table, data.schema());
    if (!table.hasCounts()) {
      return new Disclosed(data, List.of());
    }
    String suppressedColumn = table.suppressedColumn().orElseThrow();
    if (!enabled) {
      LOG.warn("DISCLOSURE CONTROL IS OFF for {}: small counts are published unsuppressed and unrounded; "
          + "for internal analyst use only", table.name());
      Dataset<Row> unchanged = data.withColumn(suppressedColumn, lit(false));
      return new Disclosed(SchemaCheck.withDeclaredMetadata(table, unchanged), List.of());
    }
    for (Additivity additivity : additivities) {
      for (String count : additivity.counts()) {
        if (!table.countColumns().contains(count)) {
          throw new IllegalArgumentException(String.format(
              "Cannot apply additivity %s to %s: not a count column (%s)", additivity.name(), table.name(), count));
        }
      }
    }
    Map<String, Column> primary = new LinkedHashMap<>();
    for (String count : table.countColumns()) {
      Column value = col(count);
      primary.put(count, coalesce(value.geq(1).and(value.leq(MAX_SUPPRESSED_COUNT)), lit(false)));
    }
    Dataset<Row> working = data;
    for (String count : table.countColumns()) {
      // a numerator is suppressed with its denominator, and with that one's denominator (declared acyclic)
      Column flagged = primary.get(count);
      for (String above = table.denominators().get(count); above != null; above = table.denominators().get(above)) {
        flagged = flagged.or(primary.get(above));
      }
      working = working.withColumn(flag(count), flagged);
    }
    for (SameCounts same : sameCounts) {
      working = same.mark(table, working);
    }
    List<JavaRDD<Row>> persisted = new ArrayList<>();
    if (!additivities.isEmpty()) {
      working = new ComplementarySuppression(table, additivities).apply(working, persisted);
    }
    Dataset<Row> published = publishedValues(table, working, suppressedColumn);
    return new Disclosed(SchemaCheck.withDeclaredMetadata(table, published), persisted, cells(table, working));
  }

  /** Nulls suppressed counts and their derived columns, rounds the rest, sets the row's suppressed flag. */
  private static Dataset<Row> publishedValues(OutputTable table, Dataset<Row> working, String suppressedColumn) {
    Map<String, Column> replaced = new LinkedHashMap<>();
    // a row that arrives suppressed (controlled once already, as demand_forecast's series before fitting) stays so
    Column anySuppressed = coalesce(col(suppressedColumn), lit(false));
    for (String count : table.countColumns()) {
      Column rounded = org.apache.spark.sql.functions.round(col(count).divide((double) ROUNDING_BASE), 0)
          .multiply(ROUNDING_BASE).cast(DataTypes.LongType);
      replaced.put(count, when(col(flag(count)), lit(null).cast(DataTypes.LongType)).otherwise(rounded));
      anySuppressed = anySuppressed.or(col(flag(count)));
    }
    table.countCopies().forEach((copy, count) -> replaced.put(copy, when(col(count).isNotNull(),
        replaced.get(count).cast(table.field(copy).dataType())).otherwise(col(copy))));
    table.derivedFrom().forEach((derived, counts) -> {
      Column suppressed = lit(false);
      for (String count : counts) {
        suppressed = suppressed.or(col(flag(count)));
      }
      StructField field = table.field(derived);
      replaced.put(derived, when(suppressed, lit(null).cast(field.dataType())).otherwise(col(derived)));
    });
    replaced.put(suppressedColumn, anySuppressed);
    return Projection.replacing(working, table.schema().fieldNames(), replaced);
  }

  /** The working column holding whether a count is suppressed. */
  static String flag(String count) {
    return FLAG_PREFIX + count;
  }

  /** The column of {@link Disclosed#cells} holding whether a count of the row was suppressed (primary or not). */
  public static String suppressedCell(String count) {
    return flag(count);
  }

  /** The working column holding whether a count is published in another table, so never a complementary cell. */
  static String publishedElsewhere(String count) {
    return ELSEWHERE_PREFIX + count;
  }

  /** Every row's key columns, its exact counts and each count's suppression flag ({@link #suppressedCell}). */
  private static Dataset<Row> cells(OutputTable table, Dataset<Row> working) {
    List<Column> columns = new ArrayList<>();
    table.keyColumns().forEach(k -> columns.add(col(k)));
    table.countColumns().forEach(c -> columns.add(col(c)));
    table.countColumns().forEach(c -> columns.add(col(flag(c))));
    return working.select(columns.toArray(new Column[0]));
  }

  /**
   * The disclosure-controlled table. Close it after writing: it releases the persisted working data.
   */
  public static final class Disclosed implements AutoCloseable {
    private final Dataset<Row> data;
    private final List<JavaRDD<Row>> persisted;
    private final Dataset<Row> cells;

    Disclosed(Dataset<Row> data, List<JavaRDD<Row>> persisted) {
      this(data, persisted, null);
    }

    Disclosed(Dataset<Row> data, List<JavaRDD<Row>> persisted, Dataset<Row> cells) {
      this.data = data;
      this.persisted = List.copyOf(persisted);
      this.cells = cells;
    }

    public Dataset<Row> data() {
      return data;
    }

    /**
     * Under disclosure control, every row's key columns, exact counts and which of them were suppressed
     * ({@link #suppressedCell}), for another table that publishes the same counts ({@link SameCounts}); read it
     * (and persist what is kept) before closing. Empty when control is off or the table has no counts.
     */
    public java.util.Optional<Dataset<Row>> cells() {
      return java.util.Optional.ofNullable(cells);
    }

    @Override
    public void close() {
      persisted.forEach(d -> d.unpersist(false));
    }
  }
}
