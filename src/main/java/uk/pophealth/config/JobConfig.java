package uk.pophealth.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.pophealth.core.PopHealthException;

/**
 * The typed job configuration. Values resolve command line > config file > the defaults declared here, once each
 * (the {@code DEFAULT_*} constants; {@link JobConfigTest} pins them and every key's YAML name). Immutable: a changed
 * copy is made with {@link #toBuilder()}.
 *
 * <p>YAML keys are the snake_case names of the components, e.g. {@code person_id_mode: pseudonymised}. The file's
 * values are only typed here; their ranges are checked when the job request resolves them into the per-product
 * options, before any input is opened.
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
    @JsonProperty("local_deciles") Boolean localDeciles,
    @JsonProperty("target_share") Double targetShare,
    @JsonProperty("sii_repetitions") Integer siiRepetitions,
    @JsonProperty("forecast_horizon") Integer forecastHorizon,
    @JsonProperty("forecast_exclude_from") String forecastExcludeFrom,
    @JsonProperty("forecast_exclude_to") String forecastExcludeTo,
    @JsonProperty("seed") Long seed,
    @JsonProperty("spark_conf") Map<String, String> sparkConf) {

  public static final PersonIdMode DEFAULT_PERSON_ID_MODE = PersonIdMode.NHS_NUMBER;
  public static final String DEFAULT_KEY_ENV = "POPHEALTH_PSEUDONYMISATION_KEY";
  public static final boolean DEFAULT_DISCLOSURE_CONTROL = true;
  public static final double DEFAULT_MAX_QUARANTINE_RATE = 0.05;
  public static final boolean DEFAULT_REBASE_TO_CURRENT_FOOTPRINT = false;
  public static final boolean DEFAULT_LOCAL_DECILES = false;
  /** The commissioning target: 60% of referrals from the 40% most deprived LSOAs. */
  public static final double DEFAULT_TARGET_SHARE = 0.60;
  /** phe_sii's default number of simulation draws. */
  public static final int DEFAULT_SII_REPETITIONS = 100_000;
  /** Months forecast ahead, for the run and for the forecast sub-command alike. */
  public static final int DEFAULT_FORECAST_HORIZON = 12;
  /** Seed of the SII simulation and of the forecast's simulated intervals: a re-run gives the same figures. */
  public static final long DEFAULT_SEED = 20_240_401L;

  /** Fills every absent value with its default. */
  public JobConfig {
    if (inputs != null) {
      inputs.forEach((table, spec) -> {
        PopHealthException.checkConfig(spec != null, "Cannot read input %s: it has no path (null)", table);
        spec.check(table);
      });
    }
    inputs = inputs == null ? Map.of() : Map.copyOf(new TreeMap<>(inputs));
    personIdMode = personIdMode == null ? DEFAULT_PERSON_ID_MODE : personIdMode;
    pseudonymisationKeyEnv = pseudonymisationKeyEnv == null ? DEFAULT_KEY_ENV : pseudonymisationKeyEnv;
    disclosureControl = disclosureControl == null ? DEFAULT_DISCLOSURE_CONTROL : disclosureControl;
    maxQuarantineRate = maxQuarantineRate == null ? DEFAULT_MAX_QUARANTINE_RATE : maxQuarantineRate;
    rebaseToCurrentFootprint = rebaseToCurrentFootprint == null ? DEFAULT_REBASE_TO_CURRENT_FOOTPRINT
        : rebaseToCurrentFootprint;
    localDeciles = localDeciles == null ? DEFAULT_LOCAL_DECILES : localDeciles;
    targetShare = targetShare == null ? DEFAULT_TARGET_SHARE : targetShare;
    siiRepetitions = siiRepetitions == null ? DEFAULT_SII_REPETITIONS : siiRepetitions;
    forecastHorizon = forecastHorizon == null ? DEFAULT_FORECAST_HORIZON : forecastHorizon;
    seed = seed == null ? DEFAULT_SEED : seed;
    sparkConf = sparkConf == null ? Map.of() : Map.copyOf(sparkConf);
  }

  /** An empty configuration holding only defaults. */
  public static JobConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values: the one way to make a changed copy. */
  public Builder toBuilder() {
    return new Builder().inputs(inputs).output(output).quarantine(quarantine).periodFrom(periodFrom)
        .periodTo(periodTo).personIdMode(personIdMode).pseudonymisationKeyEnv(pseudonymisationKeyEnv)
        .disclosureControl(disclosureControl).maxQuarantineRate(maxQuarantineRate).extractDate(extractDate)
        .acpLookbackMonths(acpLookbackMonths).rebaseToCurrentFootprint(rebaseToCurrentFootprint)
        .localDeciles(localDeciles).targetShare(targetShare).siiRepetitions(siiRepetitions)
        .forecastHorizon(forecastHorizon).forecastExcludeFrom(forecastExcludeFrom)
        .forecastExcludeTo(forecastExcludeTo).seed(seed).sparkConf(sparkConf);
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

  /** One setter per key; a value left null takes its default in {@link #build()}. */
  public static final class Builder {
    private Map<String, InputSpec> inputs;
    private String output;
    private String quarantine;
    private String periodFrom;
    private String periodTo;
    private PersonIdMode personIdMode;
    private String pseudonymisationKeyEnv;
    private Boolean disclosureControl;
    private Double maxQuarantineRate;
    private String extractDate;
    private Integer acpLookbackMonths;
    private Boolean rebaseToCurrentFootprint;
    private Boolean localDeciles;
    private Double targetShare;
    private Integer siiRepetitions;
    private Integer forecastHorizon;
    private String forecastExcludeFrom;
    private String forecastExcludeTo;
    private Long seed;
    private Map<String, String> sparkConf;

    private Builder() {}

    public Builder inputs(Map<String, InputSpec> value) {
      inputs = value;
      return this;
    }

    public Builder output(String value) {
      output = value;
      return this;
    }

    public Builder quarantine(String value) {
      quarantine = value;
      return this;
    }

    public Builder periodFrom(String value) {
      periodFrom = value;
      return this;
    }

    public Builder periodTo(String value) {
      periodTo = value;
      return this;
    }

    public Builder personIdMode(PersonIdMode value) {
      personIdMode = value;
      return this;
    }

    public Builder pseudonymisationKeyEnv(String value) {
      pseudonymisationKeyEnv = value;
      return this;
    }

    public Builder disclosureControl(Boolean value) {
      disclosureControl = value;
      return this;
    }

    public Builder maxQuarantineRate(Double value) {
      maxQuarantineRate = value;
      return this;
    }

    public Builder extractDate(String value) {
      extractDate = value;
      return this;
    }

    public Builder acpLookbackMonths(Integer value) {
      acpLookbackMonths = value;
      return this;
    }

    public Builder rebaseToCurrentFootprint(Boolean value) {
      rebaseToCurrentFootprint = value;
      return this;
    }

    public Builder localDeciles(Boolean value) {
      localDeciles = value;
      return this;
    }

    public Builder targetShare(Double value) {
      targetShare = value;
      return this;
    }

    public Builder siiRepetitions(Integer value) {
      siiRepetitions = value;
      return this;
    }

    public Builder forecastHorizon(Integer value) {
      forecastHorizon = value;
      return this;
    }

    public Builder forecastExcludeFrom(String value) {
      forecastExcludeFrom = value;
      return this;
    }

    public Builder forecastExcludeTo(String value) {
      forecastExcludeTo = value;
      return this;
    }

    public Builder seed(Long value) {
      seed = value;
      return this;
    }

    public Builder sparkConf(Map<String, String> value) {
      sparkConf = value;
      return this;
    }

    public JobConfig build() {
      return new JobConfig(inputs, output, quarantine, periodFrom, periodTo, personIdMode, pseudonymisationKeyEnv,
          disclosureControl, maxQuarantineRate, extractDate, acpLookbackMonths, rebaseToCurrentFootprint,
          localDeciles, targetShare, siiRepetitions, forecastHorizon, forecastExcludeFrom, forecastExcludeTo, seed,
          sparkConf);
    }
  }
}
