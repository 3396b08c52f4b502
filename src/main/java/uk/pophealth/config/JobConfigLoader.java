package uk.pophealth.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.pophealth.core.PopHealthException;

/** Reads a YAML job file into a {@link JobConfig}, resolving relative input paths against the file's folder. */
public final class JobConfigLoader {
  /** Jackson's message for a repeated key under {@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION}. */
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'");

  private JobConfigLoader() {}

  public static JobConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw PopHealthException.badConfig("Cannot read config: no such file (%s)", file);
    }
    // a key given twice is refused, not resolved as "last wins": disclosure_control: true then false would
    // silently turn disclosure control off
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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
      throw PopHealthException.badConfig("Cannot read config %s: %s", file, e.getOriginalMessage());
    } catch (IOException e) {
      throw PopHealthException.badConfig("Cannot read config %s: %s", file, e.getMessage());
    }
    if (raw == null) {
      throw PopHealthException.badConfig("Cannot read config: file is empty (%s)", file);
    }
    Path base = file.toAbsolutePath().getParent();
    Map<String, InputSpec> resolved = new LinkedHashMap<>();
    raw.inputs().forEach((table, spec) -> resolved.put(table, spec.withPaths(path -> resolve(base, path))));
    JobConfig config = raw.withInputs(resolved);
    if (config.output() != null) {
      config = config.withOutput(resolve(base, config.output()));
    }
    if (config.quarantine() != null) {
      config = config.withQuarantine(resolve(base, config.quarantine()));
    }
    return config;
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
