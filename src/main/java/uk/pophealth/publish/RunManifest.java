package uk.pophealth.publish;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

/**
 * The record of one run, written as {@code <outputRoot>/_run_manifest.json}: run id, code version, start and
 * finish, status (succeeded / failed with its message), the config as given (secrets redacted), every input
 * with its row count and content checksum, rows quarantined per table, every output with its row counts,
 * wall time per stage, whether disclosure control was on, and warnings (a loud one when control is off).
 *
 * <p>Collect it during the run with a {@link Builder} (thread-safe), finish it with
 * {@link Builder#succeeded} or {@link Builder#failed}, then {@link #write} it (temp file + rename, so a reader
 * never sees half a manifest). JSON keys are snake_case; {@link #fromJson} reads it back.
 */
public record RunManifest(
    @JsonProperty("run_id") String runId,
    @JsonProperty("code_version") String codeVersion,
    @JsonProperty("status") String status,
    @JsonProperty("message") String message,
    @JsonProperty("started") String started,
    @JsonProperty("finished") String finished,
    @JsonProperty("disclosure_control") String disclosureControl,
    @JsonProperty("warnings") List<String> warnings,
    @JsonProperty("config") Map<String, Object> config,
    @JsonProperty("inputs") List<Input> inputs,
    @JsonProperty("quarantined") Map<String, Long> quarantined,
    @JsonProperty("outputs") List<Output> outputs,
    @JsonProperty("stages") List<StageTiming> stages) {

  public static final String FILE_NAME = "_run_manifest.json";
  /** Status of a run record written when the run starts; a record left so belongs to a run that never finished. */
  public static final String STARTED = "started";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String ON = "on";
  public static final String OFF = "off";
  /** The warning recorded when disclosure control is off. */
  public static final String DISCLOSURE_OFF_WARNING = "DISCLOSURE CONTROL WAS OFF FOR THIS RUN: counts 1-7 are "
      + "published unsuppressed and unrounded. These outputs are for internal analysts only and must NOT be "
      + "published or shared outside the data cell.";

  private static final Logger LOG = LoggerFactory.getLogger(RunManifest.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final String REDACTED = "***redacted***";
  /** Config keys whose values are secrets: any key naming a secret, password, token or credential, or ending in key. */
  private static final Pattern SECRET_KEY =
      Pattern.compile(".*(secret|password|passwd|token|credential).*|(.*[._-])?key", Pattern.CASE_INSENSITIVE);

  public RunManifest {
    requireNonNull(runId, "runId is null");
    warnings = List.copyOf(warnings);
    config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(config));
    inputs = List.copyOf(inputs);
    quarantined = java.util.Collections.unmodifiableMap(new TreeMap<>(quarantined));
    outputs = List.copyOf(outputs);
    stages = List.copyOf(stages);
  }

  /** One input table: where it was read from, rows read, and the SHA-256 of its files' content. */
  public record Input(@JsonProperty("table") String table, @JsonProperty("location") String location,
      @JsonProperty("rows") long rows, @JsonProperty("sha256") String sha256) {}

  /** One output table: where it was written, rows written in this run, and rows per partition written. */
  public record Output(@JsonProperty("table") String table, @JsonProperty("location") String location,
      @JsonProperty("rows") long rows, @JsonProperty("rows_by_partition") Map<String, Long> rowsByPartition) {
    public Output {
      rowsByPartition = java.util.Collections.unmodifiableMap(new TreeMap<>(rowsByPartition));
    }
  }

  /** Wall time of one stage, in milliseconds, and whether it succeeded. */
  public record StageTiming(@JsonProperty("stage") String stage, @JsonProperty("millis") long millis,
      @JsonProperty("succeeded") boolean succeeded) {}

  public static Builder builder(String runId, String codeVersion, Instant started) {
    return new Builder(runId, codeVersion, started);
  }

  /** This record closed as failed with {@code why}: for a run that started and was never heard of again. */
  public RunManifest closedAsFailed(Instant when, String why) {
    return new RunManifest(runId, codeVersion, FAILED, why, started, when.toString(), disclosureControl, warnings,
        config, inputs, quarantined, outputs, stages);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new PopHealthException(ErrorCategory.FAILURE, "Cannot write run manifest: " + e.getMessage(), e);
    }
  }

  public static RunManifest fromJson(String json) {
    try {
      return JSON.readValue(json, RunManifest.class);
    } catch (JsonProcessingException e) {
      throw new PopHealthException(ErrorCategory.FAILURE, "Cannot read run manifest: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes {@code <outputRoot>/_run_manifest.json} through a temporary file renamed over the old manifest. Only a
   * run that succeeded writes it: it names the last successful run ({@link RunRecords} keeps every run's record).
   */
  public void write(Configuration conf, String outputRoot) {
    writeTo(conf, new Path(outputRoot, FILE_NAME));
  }

  /** Writes this manifest as {@code target}, through a temporary file beside it renamed over it. */
  void writeTo(Configuration conf, Path target) {
    Path temp = new Path(target.getParent(), "." + target.getName() + "." + runId + ".tmp");
    try {
      FileSystem fs = target.getFileSystem(conf);
      fs.mkdirs(target.getParent());
      try (FSDataOutputStream out = fs.create(temp, true)) {
        out.write(toJson().getBytes(StandardCharsets.UTF_8));
      }
      FileContext.getFileContext(target.toUri(), conf).rename(temp, target, Options.Rename.OVERWRITE);
    } catch (IOException | org.apache.hadoop.fs.FSError e) {
      throw new PopHealthException(ErrorCategory.FAILURE,
          String.format("Cannot write run manifest: %s (%s)", e.getMessage(), target), e);
    }
  }

  public static RunManifest read(Configuration conf, String outputRoot) {
    return readFrom(conf, new Path(outputRoot, FILE_NAME));
  }

  static RunManifest readFrom(Configuration conf, Path path) {
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PopHealthException(ErrorCategory.FAILURE,
          String.format("Cannot read run manifest: %s (%s)", e.getMessage(), path), e);
    }
  }

  /** The config with the value of every secret-looking key replaced, at any depth. */
  static Map<String, Object> redact(Map<String, ?> config) {
    Map<String, Object> copy = new LinkedHashMap<>();
    config.forEach((key, value) -> copy.put(key, SECRET_KEY.matcher(key).matches() && !(value instanceof Map)
        ? REDACTED : redactValue(value)));
    return copy;
  }

  private static Object redactValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> strings = new LinkedHashMap<>();
      map.forEach((k, v) -> strings.put(String.valueOf(k), v));
      return redact(strings);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(RunManifest::redactValue).toList();
    }
    return value;
  }

  /** Collects a run's manifest as it goes; every method is thread-safe. */
  public static final class Builder {
    private final String runId;
    private final String codeVersion;
    private final Instant started;
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, Long> quarantined = new TreeMap<>();
    private final List<Output> outputs = new ArrayList<>();
    private final List<StageTiming> stages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean disclosureControl = true;

    private Builder(String runId, String codeVersion, Instant started) {
      this.runId = requireNonNull(runId, "runId is null");
      this.codeVersion = requireNonNull(codeVersion, "codeVersion is null");
      this.started = requireNonNull(started, "started is null");
    }

    public String runId() {
      return runId;
    }

    /** The run's config as given (e.g. the job config converted to a map); secret-looking values are redacted. */
    public synchronized Builder config(Map<String, ?> given) {
      config.clear();
      config.putAll(redact(given));
      return this;
    }

    public synchronized Builder input(String table, String location, long rows, String sha256) {
      inputs.add(new Input(table, location, rows, sha256));
      return this;
    }

    public synchronized Builder quarantined(String table, long rows) {
      quarantined.merge(table, rows, Long::sum);
      return this;
    }

    public synchronized Builder output(WrittenTable written) {
      outputs.add(new Output(written.table(), written.location(), written.rows(), written.rowsByPartition()));
      return this;
    }

    public synchronized Builder stage(String name, Duration elapsed, boolean succeeded) {
      stages.add(new StageTiming(name, elapsed.toMillis(), succeeded));
      return this;
    }

    /** Records whether disclosure control is on; off adds {@link #DISCLOSURE_OFF_WARNING} and logs it. */
    public synchronized Builder disclosureControl(boolean on) {
      disclosureControl = on;
      if (!on && !warnings.contains(DISCLOSURE_OFF_WARNING)) {
        LOG.warn(DISCLOSURE_OFF_WARNING);
        warnings.add(DISCLOSURE_OFF_WARNING);
      }
      return this;
    }

    public synchronized Builder warning(String warning) {
      warnings.add(requireNonNull(warning, "warning is null"));
      return this;
    }

    /** The record of the run as it starts: status started, nothing finished yet. */
    public synchronized RunManifest started() {
      return new RunManifest(runId, codeVersion, STARTED, null, started.toString(), null,
          disclosureControl ? ON : OFF, warnings, config, inputs, quarantined, outputs, stages);
    }

    public synchronized RunManifest succeeded(Instant finished) {
      return build(SUCCEEDED, null, finished);
    }

    public synchronized RunManifest failed(Instant finished, String message) {
      return build(FAILED, message, finished);
    }

    private RunManifest build(String status, String message, Instant finished) {
      return new RunManifest(runId, codeVersion, status, message, started.toString(), finished.toString(),
          disclosureControl ? ON : OFF, warnings, config, inputs, quarantined, outputs, stages);
    }
  }
}
