package uk.pophealth.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where one input table is: a path (any Hadoop URI; relative paths are resolved against the config file's
 * folder), its format, and its layout (canonical, or an official published layout such as imd2019_file1).
 *
 * <p>An input may instead be a list of dated {@code vintages}, each itself a spec with a path, a layout and the
 * dates it is in force ({@code valid_from}, and {@code valid_to} unless still current): e.g. the footprints
 * read from the ONS CCG/STP 2021 lookup until 2022-06-30 and from the sub-ICB/ICB 2022 lookup from 2022-07-01.
 * A single spec with {@code valid_from} is an input of one vintage. {@link #check} validates the form.
 *
 * @param validFrom first day the file is in force (yyyy-MM-dd), or null for an undated input
 * @param validTo last day it is in force, or null while current
 * @param vintages the dated vintages of the input, or empty for a single-file input
 */
public record InputSpec(String path, String format, String layout, String validFrom, String validTo,
    List<InputSpec> vintages) {
  public static final String CANONICAL = "canonical";

  @JsonCreator
  public InputSpec(
      @JsonProperty("path") String path,
      @JsonProperty("format") String format,
      @JsonProperty("layout") String layout,
      @JsonProperty("valid_from") String validFrom,
      @JsonProperty("valid_to") String validTo,
      @JsonProperty("vintages") List<InputSpec> vintages) {
    this.path = path;
    this.format = format != null ? format.toLowerCase(Locale.ROOT) : path == null ? null : formatFromPath(path);
    this.layout = layout == null && path != null ? CANONICAL : layout;
    this.validFrom = validFrom;
    this.validTo = validTo;
    // Kept with any null entry, so that check() can name it rather than fail here.
    this.vintages = vintages == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(vintages));
  }

  /** An undated single-file input. */
  public InputSpec(String path, String format, String layout) {
    this(path, format, layout, null, null, null);
  }

  /** One dated vintage of an input. */
  public static InputSpec vintage(String path, String layout, String validFrom, String validTo) {
    return new InputSpec(path, null, layout, validFrom, validTo, null);
  }

  /** An input read from several dated vintages. */
  public static InputSpec ofVintages(List<InputSpec> vintages) {
    return new InputSpec(null, null, null, null, null, vintages);
  }

  /** The same input with every path (its own or its vintages') rewritten. */
  public InputSpec withPaths(UnaryOperator<String> rewrite) {
    List<InputSpec> rewritten = vintages.stream().map(v -> v == null ? null : v.withPaths(rewrite)).toList();
    return new InputSpec(path == null ? null : rewrite.apply(path), format, layout, validFrom, validTo,
        vintages.isEmpty() ? null : rewritten);
  }

  /** The files this input is read from: its vintages in date order, or itself. Call after {@link #check}. */
  public List<InputSpec> sources() {
    if (vintages.isEmpty()) {
      return List.of(this);
    }
    List<InputSpec> sorted = new ArrayList<>(vintages);
    sorted.sort((a, b) -> a.validFromDate().compareTo(b.validFromDate()));
    return List.copyOf(sorted);
  }

  /** Every path of the input, in {@link #sources()} order. */
  public List<String> paths() {
    return sources().stream().map(InputSpec::path).toList();
  }

  /** The first day in force, or null for an undated input. */
  public LocalDate validFromDate() {
    return InputVintages.date("valid_from", validFrom, path);
  }

  /** The last day in force, or null while current. */
  public LocalDate validToDate() {
    return InputVintages.date("valid_to", validTo, path);
  }

  /**
   * Checks the form of the input of {@code table} (BAD_CONFIG naming the bad value): a path or vintages, not both;
   * every vintage with a path and a valid_from; dates as yyyy-MM-dd, none ending before it starts; vintages that do
   * not overlap. Layout names are checked by ingestion, which knows them.
   */
  public void check(String table) {
    InputVintages.check(table, this);
  }

  private static String formatFromPath(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".parquet") || lower.endsWith("/parquet") ? "parquet" : "csv";
  }
}
