package uk.pophealth.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.pophealth.core.PopHealthException;

/** Reads a YAML job file into a {@link JobConfig}, resolving relative input paths against the file's folder. */
public final class JobConfigLoader {
  /** Jackson's message for a repeated key under {@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION}. */
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'");
  /** Keys that were read once and are no longer: a file that still has one is refused with the reason. */
  static final Map<String, String> REMOVED = Map.of("imd_vintage",
      "the lsoa_deprivation input's layout says which IMD is read (imd2019_file1, imd2025_lsoa21 or canonical), "
          + "and nothing read this key");

  private JobConfigLoader() {}

  public static JobConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw PopHealthException.badConfig("Cannot read config: no such file (%s)", file);
    }
    // a key given twice is refused, not resolved as "last wins": disclosure_control: true then false would
    // silently turn disclosure control off
    // a fraction where a whole number is expected (forecast_horizon: 12.5) is refused, not truncated
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    JobConfig raw;
    try {
      raw = mapper.readValue(file.toFile(), JobConfig.class);
    } catch (JsonParseException e) {
      Matcher duplicate = DUPLICATE_KEY.matcher(e.getOriginalMessage());
      if (duplicate.find()) {
        throw PopHealthException.badConfig("Cannot read config %s: key '%s' is given twice (line %d); give each key "
            + "once", file, duplicate.group(1), e.getLocation() == null ? -1 : e.getLocation().getLineNr());
      }
      throw PopHealthException.badConfig("Cannot read config %s: %s", file, e.getMessage());
    } catch (JsonMappingException e) {
      PopHealthException invalid = configError(e);
      if (invalid != null) {
        throw invalid;
      }
      throw mappingError(file, e);
    } catch (IOException e) {
      throw PopHealthException.badConfig("Cannot read config %s: %s", file, e.getMessage());
    }
    if (raw == null) {
      throw PopHealthException.badConfig("Cannot read config: file is empty (%s)", file);
    }
    Path base = file.toAbsolutePath().getParent();
    Map<String, InputSpec> resolved = new LinkedHashMap<>();
    raw.inputs().forEach((table, spec) -> resolved.put(table, spec.withPaths(path -> resolve(base, path))));
    JobConfig.Builder config = raw.toBuilder().inputs(resolved);
    if (raw.output() != null) {
      config.output(resolve(base, raw.output()));
    }
    if (raw.quarantine() != null) {
      config.quarantine(resolve(base, raw.quarantine()));
    }
    return config.build();
  }

  /**
   * A value Jackson could not map, named by its key as written (e.g. {@code forecast_horizon}, or
   * {@code inputs.gp_events.paht}): an unknown or removed key, or a value of the wrong type.
   */
  private static PopHealthException mappingError(Path file, JsonMappingException e) {
    String key = e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    if (e instanceof UnrecognizedPropertyException unknown) {
      if (REMOVED.containsKey(unknown.getPropertyName())) {
        return PopHealthException.badConfig("Cannot read config %s: key '%s' was removed: %s; delete it (%s)", file,
            key, REMOVED.get(unknown.getPropertyName()), key);
      }
      return PopHealthException.badConfig("Cannot read config %s: unknown key '%s'; the keys here are %s (%s)", file,
          key, new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList()), key);
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && !key.isEmpty()) {
      Object value = e instanceof InvalidFormatException invalid ? invalid.getValue() : null;
      return PopHealthException.badConfig("Cannot read config %s: %s must be %s (%s)", file, key,
          expected(mismatch.getTargetType()), value != null ? value : e.getOriginalMessage());
    }
    return PopHealthException.badConfig("Cannot read config %s: %s (%s)", file, e.getOriginalMessage(), key);
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a single value";
    }
    if (Map.class.isAssignableFrom(type) || type == InputSpec.class) {
      return "a mapping of key: value";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a " + type.getSimpleName();
  }

  /** The config's own check (e.g. of an input's vintages) that failed while the file was being read, if any. */
  private static PopHealthException configError(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PopHealthException popHealth) {
        return popHealth;
      }
    }
    return null;
  }

  /** Keeps URIs (file://, hdfs://, s3a://) and absolute paths; resolves relative paths against base. */
  static String resolve(Path base, String location) {
    if (hasScheme(location) || Path.of(location).isAbsolute()) {
      return location;
    }
    return base.resolve(location).normalize().toString();
  }

  private static boolean hasScheme(String location) {
    try {
      URI uri = new URI(location);
      return uri.getScheme() != null && uri.getScheme().length() > 1;
    } catch (Exception e) {
      return false;
    }
  }
}
