package uk.pophealth.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where one input table is: a path (any Hadoop URI; relative paths are resolved against the config file's
 * folder), its format, and its layout (canonical, or an official published layout such as imd2019_file1).
 */
public record InputSpec(String path, String format, String layout) {
  public static final String CANONICAL = "canonical";

  @JsonCreator
  public InputSpec(
      @JsonProperty("path") String path,
      @JsonProperty("format") String format,
      @JsonProperty("layout") String layout) {
    this.path = requireNonNull(path, "path is null");
    this.format = format == null ? formatFromPath(path) : format.toLowerCase(java.util.Locale.ROOT);
    this.layout = layout == null ? CANONICAL : layout;
  }

  public InputSpec withPath(String newPath) {
    return new InputSpec(newPath, format, layout);
  }

  private static String formatFromPath(String path) {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".parquet") || lower.endsWith("/parquet") ? "parquet" : "csv";
  }
}
