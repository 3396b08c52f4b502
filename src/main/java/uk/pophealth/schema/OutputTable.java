package uk.pophealth.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A published table: its declared schema plus what the publish layer needs to know about it.
 *
 * <ul>
 *   <li>{@code partitionColumn}: the reporting period (or forecast origin) the table is partitioned and
 *       replaced by; empty for a small table written whole (e.g. data_quality);</li>
 *   <li>{@code keyColumns}: the columns that identify a row uniquely; output is sorted by them so re-runs
 *       give the same data in the same order;</li>
 *   <li>{@code countColumns}: counts of people or events that disclosure control suppresses and rounds
 *       (LongType);</li>
 *   <li>{@code derivedFrom}: each rate / interval / flag column and the counts it was computed from; it is
 *       suppressed whenever any of those counts is;</li>
 *   <li>{@code suppressedColumn}: the BooleanType column disclosure control sets to true on a row where any
 *       count was suppressed; empty for tables without counts;</li>
 *   <li>{@code countCopies}: a numeric column that, on the rows where a count column is not null, holds that
 *       count (e.g. demand_forecast's {@code value} on actual rows): there it is published as the count is,
 *       rounded or suppressed; elsewhere it is left alone.</li>
 *   <li>{@code denominators}: each numerator count and the count it is a part of (with_acp of register): the
 *       numerator is suppressed wherever its denominator is, as a published numerator under a suppressed
 *       denominator tells something of a handful of people ("none of these few has a plan").</li>
 * </ul>
 *
 * Build one with {@link #builder(TableSchema)}; the builder checks every named column against the schema.
 */
public record OutputTable(TableSchema table, Optional<String> partitionColumn, List<String> keyColumns,
    List<String> countColumns, Map<String, List<String>> derivedFrom, Optional<String> suppressedColumn,
    Map<String, String> countCopies, Map<String, String> denominators) {

  public OutputTable {
    requireNonNull(table, "table is null");
    requireNonNull(partitionColumn, "partitionColumn is null");
    keyColumns = List.copyOf(keyColumns);
    countColumns = List.copyOf(countColumns);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    derivedFrom.forEach((column, counts) -> copy.put(column, List.copyOf(counts)));
    derivedFrom = java.util.Collections.unmodifiableMap(copy);
    requireNonNull(suppressedColumn, "suppressedColumn is null");
    countCopies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(countCopies));
    validate(table, partitionColumn, keyColumns, countColumns, derivedFrom, suppressedColumn);
    validateCopies(table, countColumns, countCopies);
    denominators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(denominators));
    validateDenominators(table, countColumns, denominators);
  }

  private static void validateDenominators(TableSchema table, List<String> countColumns,
      Map<String, String> denominators) {
    denominators.forEach((numerator, denominator) -> {
      if (!countColumns.contains(numerator) || !countColumns.contains(denominator) || numerator.equals(denominator)) {
        throw new IllegalArgumentException(String.format(
            "Cannot declare %s: a numerator and its denominator must be two count columns (%s of %s)", table.name(),
            numerator, denominator));
      }
      String above = denominator;
      for (int step = 0; above != null; step++, above = denominators.get(above)) {
        if (above.equals(numerator) || step > denominators.size()) {
          throw new IllegalArgumentException(String.format(
              "Cannot declare %s: denominators form a cycle (%s of %s)", table.name(), numerator, denominator));
        }
      }
    });
  }

  public String name() {
    return table.name();
  }

  public org.apache.spark.sql.types.StructType schema() {
    return table.schema();
  }

  public String description() {
    return table.description();
  }

  /** True when the table has counts under disclosure control. */
  public boolean hasCounts() {
    return !countColumns.isEmpty();
  }

  public static Builder builder(TableSchema table) {
    return new Builder(table);
  }

  private static void validate(TableSchema table, Optional<String> partitionColumn, List<String> keyColumns,
      List<String> countColumns, Map<String, List<String>> derivedFrom, Optional<String> suppressedColumn) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(table.columnNames());
    partitionColumn.ifPresent(c -> requireColumn(problems, names, "partition", c));
    keyColumns.forEach(c -> requireColumn(problems, names, "key", c));
    partitionColumn.ifPresent(c -> {
      if (!keyColumns.isEmpty() && !keyColumns.contains(c)) {
        problems.add("partition column is not a key column (" + c + ")");
      }
    });
    for (String count : countColumns) {
      if (requireColumn(problems, names, "count", count) && !table.field(count).dataType().equals(DataTypes.LongType)) {
        problems.add("count column is not LongType (" + count + ": " + table.field(count).dataType().simpleString() + ")");
      }
      if (names.contains(count) && !table.field(count).nullable()) {
        problems.add("count column must be nullable to hold a suppressed value (" + count + ")");
      }
    }
    derivedFrom.forEach((derived, counts) -> {
      if (requireColumn(problems, names, "derived", derived) && !table.field(derived).nullable()) {
        problems.add("derived column must be nullable to hold a suppressed value (" + derived + ")");
      }
      if (counts.isEmpty()) {
        problems.add("derived column names no count (" + derived + ")");
      }
      counts.stream().filter(c -> !countColumns.contains(c))
          .forEach(c -> problems.add("derived column " + derived + " names a column that is not a count (" + c + ")"));
    });
    suppressedColumn.ifPresent(c -> {
      if (requireColumn(problems, names, "suppressed", c) && !table.field(c).dataType().equals(DataTypes.BooleanType)) {
        problems.add("suppressed column is not BooleanType (" + c + ")");
      }
    });
    if (!countColumns.isEmpty() && suppressedColumn.isEmpty()) {
      problems.add("a table with counts needs a suppressed column (" + countColumns + ")");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Cannot declare output table " + table.name() + ": " + String.join("; ", problems));
    }
  }

  private static void validateCopies(TableSchema table, List<String> countColumns, Map<String, String> countCopies) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(table.columnNames());
    countCopies.forEach((copy, count) -> {
      if (requireColumn(problems, names, "count copy", copy)) {
        if (!(table.field(copy).dataType() instanceof org.apache.spark.sql.types.NumericType)) {
          problems.add("count copy is not numeric (" + copy + ": " + table.field(copy).dataType().simpleString() + ")");
        } else if (!table.field(copy).nullable()) {
          problems.add("count copy must be nullable to hold a suppressed value (" + copy + ")");
        }
      }
      if (!countColumns.contains(count)) {
        problems.add("count copy " + copy + " names a column that is not a count (" + count + ")");
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Cannot declare output table " + table.name() + ": " + String.join("; ", problems));
    }
  }

  private static boolean requireColumn(List<String> problems, Set<String> names, String role, String column) {
    if (!names.contains(column)) {
      problems.add(role + " column not in schema (" + column + ")");
      return false;
    }
    return true;
  }

  /** Field lookup that names the table on a bad column. */
  public StructField field(String column) {
    if (!table.columnNames().contains(column)) {
      throw new IllegalArgumentException("Cannot find column in " + name() + ": not declared (" + column + ")");
    }
    return table.field(column);
  }

  /** Builds an {@link OutputTable}; every setter is optional. */
  public static final class Builder {
    private final TableSchema table;
    private String partitionColumn;
    private final List<String> keyColumns = new ArrayList<>();
    private final List<String> countColumns = new ArrayList<>();
    private final Map<String, List<String>> derivedFrom = new LinkedHashMap<>();
    private String suppressedColumn;
    private final Map<String, String> countCopies = new LinkedHashMap<>();
    private final Map<String, String> denominators = new LinkedHashMap<>();

    private Builder(TableSchema table) {
      this.table = requireNonNull(table, "table is null");
    }

    public Builder partitionedBy(String column) {
      this.partitionColumn = requireNonNull(column, "column is null");
      return this;
    }

    public Builder key(String... columns) {
      keyColumns.addAll(List.of(columns));
      return this;
    }

    public Builder counts(String... columns) {
      countColumns.addAll(List.of(columns));
      return this;
    }

    /** Declares columns computed from the given counts (suppressed with any of them). */
    public Builder derived(List<String> columns, String... fromCounts) {
      for (String column : columns) {
        derivedFrom.put(column, List.of(fromCounts));
      }
      return this;
    }

    /** Declares that {@code column} holds {@code count} on the rows where that count is not null. */
    public Builder countCopy(String column, String count) {
      countCopies.put(requireNonNull(column, "column is null"), requireNonNull(count, "count is null"));
      return this;
    }

    /** Declares that count {@code numerator} is a part of count {@code denominator}: suppressed wherever it is. */
    public Builder numerator(String numerator, String denominator) {
      denominators.put(requireNonNull(numerator, "numerator is null"), requireNonNull(denominator, "denominator is null"));
      return this;
    }

    public Builder suppressedFlag(String column) {
      this.suppressedColumn = requireNonNull(column, "column is null");
      return this;
    }

    public OutputTable build() {
      return new OutputTable(table, Optional.ofNullable(partitionColumn), keyColumns, countColumns, derivedFrom,
          Optional.ofNullable(suppressedColumn), countCopies, denominators);
    }
  }
}
