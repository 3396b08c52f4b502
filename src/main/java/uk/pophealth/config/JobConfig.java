package uk.pophealth.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.pophealth.core.PopHealthException;

/**
 * The typed job configuration. Values resolve command line > config file > the defaults declared here
 * ({@link JobConfigTest} pins them). Immutable: the {@code with*} methods return changed copies.
 *
 * <p>YAML keys are the snake_case names of the components, e.g. {@code person_id_mode: pseudonymised}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record JobConfig(
    @JsonProperty("inputs") Map<String, InputSpec> inputs,
    @JsonProperty("output") String output,
    @JsonProperty("quarantine") String quarantine,
    @JsonProperty("period_from") String periodFrom,
    @JsonProperty("period_to") String periodTo,
    @JsonProperty("person_id_mode") PersonIdMode personIdMode,
    @JsonProperty("pseudonymisation_key_env") String pseudonymisationKeyEnv,
    @JsonProperty("disclosure_control") Boolean disclosureControl,
    @JsonProperty("max_quarantine_rate") Double maxQuarantineRate,
    @JsonProperty("extract_date") String extractDate,
    @JsonProperty("acp_lookback_months") Integer acpLookbackMonths,
    @JsonProperty("rebase_to_current_footprint") Boolean rebaseToCurrentFootprint,
    @JsonProperty("imd_vintage") Integer imdVintage,
    @JsonProperty("local_deciles") Boolean localDeciles,
    @JsonProperty("target_share") Double targetShare,
    @JsonProperty("sii_repetitions") Integer siiRepetitions,
    @JsonProperty("forecast_horizon") Integer forecastHorizon,
    @JsonProperty("forecast_exclude_from") String forecastExcludeFrom,
    @JsonProperty("forecast_exclude_to") String forecastExcludeTo,
    @JsonProperty("seed") Long seed,
    @JsonProperty("spark_conf") Map<String, String> sparkConf) {

  public static final String DEFAULT_KEY_ENV = "POPHEALTH_PSEUDONYMISATION_KEY";

  /** Fills every absent value with its default. */
  public JobConfig {
    if (inputs != null) {
      inputs.forEach((table, spec) -> {
        PopHealthException.checkConfig(spec != null, "Cannot read input %s: it has no path (null)", table);
        spec.check(table);
      });
    }
    inputs = inputs == null ? Map.of() : Map.copyOf(new TreeMap<>(inputs));
    personIdMode = personIdMode == null ? PersonIdMode.NHS_NUMBER : personIdMode;
    pseudonymisationKeyEnv = pseudonymisationKeyEnv == null ? DEFAULT_KEY_ENV : pseudonymisationKeyEnv;
    disclosureControl = disclosureControl == null ? Boolean.TRUE : disclosureControl;
    maxQuarantineRate = maxQuarantineRate == null ? 0.05 : maxQuarantineRate;
    rebaseToCurrentFootprint = rebaseToCurrentFootprint == null ? Boolean.FALSE : rebaseToCurrentFootprint;
    imdVintage = imdVintage == null ? 2019 : imdVintage;
    localDeciles = localDeciles == null ? Boolean.FALSE : localDeciles;
    targetShare = targetShare == null ? 0.60 : targetShare;
    siiRepetitions = siiRepetitions == null ? 100_000 : siiRepetitions;
    forecastHorizon = forecastHorizon == null ? 12 : forecastHorizon;
    seed = seed == null ? 20_240_401L : seed;
    sparkConf = sparkConf == null ? Map.of() : Map.copyOf(sparkConf);
  }

  /** An empty configuration holding only defaults. */
  public static JobConfig defaults() {
    return new JobConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  public boolean hasInput(String table) {
    return inputs.containsKey(table);
  }

  public InputSpec input(String table) {
    InputSpec spec = inputs.get(table);
    if (spec == null) {
      throw PopHealthException.badConfig(
          "Cannot find input: config has no entry under inputs for table (%s)", table);
    }
    return spec;
  }

  public JobConfig withOutput(String newOutput) {
    return new JobConfig(inputs, newOutput, quarantine, periodFrom, periodTo, personIdMode,
        pseudonymisationKeyEnv, disclosureControl, maxQuarantineRate, extractDate, acpLookbackMonths,
        rebaseToCurrentFootprint, imdVintage, localDeciles, targetShare, siiRepetitions, forecastHorizon,
        forecastExcludeFrom, forecastExcludeTo, seed, sparkConf);
  }

  public JobConfig withPeriods(String from, String to) {
    return new JobConfig(inputs, output, quarantine, from, to, personIdMode,
        pseudonymisationKeyEnv, disclosureControl, maxQuarantineRate, extractDate, acpLookbackMonths,
        rebaseToCurrentFootprint, imdVintage, localDeciles, targetShare, siiRepetitions, forecastHorizon,
        forecastExcludeFrom, forecastExcludeTo, seed, sparkConf);
  }

  public JobConfig withDisclosureControl(boolean on) {
    return new JobConfig(inputs, output, quarantine, periodFrom, periodTo, personIdMode,
        pseudonymisationKeyEnv, on, maxQuarantineRate, extractDate, acpLookbackMonths,
        rebaseToCurrentFootprint, imdVintage, localDeciles, targetShare, siiRepetitions, forecastHorizon,
        forecastExcludeFrom, forecastExcludeTo, seed, sparkConf);
  }

  public JobConfig withInputs(Map<String, InputSpec> newInputs) {
    return new JobConfig(newInputs, output, quarantine, periodFrom, periodTo, personIdMode,
        pseudonymisationKeyEnv, disclosureControl, maxQuarantineRate, extractDate, acpLookbackMonths,
        rebaseToCurrentFootprint, imdVintage, localDeciles, targetShare, siiRepetitions, forecastHorizon,
        forecastExcludeFrom, forecastExcludeTo, seed, sparkConf);
  }

  public JobConfig withQuarantine(String newQuarantine) {
    return new JobConfig(inputs, output, newQuarantine, periodFrom, periodTo, personIdMode,
        pseudonymisationKeyEnv, disclosureControl, maxQuarantineRate, extractDate, acpLookbackMonths,
        rebaseToCurrentFootprint, imdVintage, localDeciles, targetShare, siiRepetitions, forecastHorizon,
        forecastExcludeFrom, forecastExcludeTo, seed, sparkConf);
  }

  /** The quarantine location: as configured, else a restricted folder beside (not inside) the output. */
  public String quarantineLocation() {
    if (quarantine != null) {
      return quarantine;
    }
    if (output == null) {
      throw PopHealthException.badConfig("Cannot place quarantine: no output location given");
    }
    String trimmed = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
    return trimmed + "_quarantine";
  }

  public List<String> inputTables() {
    return List.copyOf(inputs.keySet());
  }
}
