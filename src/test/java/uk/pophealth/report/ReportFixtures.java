package uk.pophealth.report;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.testing.SharedSpark;

/**
 * Small output tables with the DESIGN.md column names (plus a few extra columns the report must ignore),
 * written as partitioned Parquet like a run writes them, with suppressed cells, rows the report must filter
 * out (other periods, breakdowns, levels, kinds, origins) and a run manifest. The expected mark counts are
 * counted by hand from the rows below.
 *
 * <p>{@code main(DIR)} writes them to DIR for trying the notebooks: see scripts/report-fixtures.sh.
 */
public final class ReportFixtures {
  /** PCNs at the latest period: 12, of which one is suppressed, so 11 points in the funnel plots. */
  static final int PCN_POINTS = 11;
  /** Flagged High (0.001) and Low (0.001): outside the 99.8% limits of their place. */
  static final int PCN_HIGH = 2;
  static final int PCN_LOW = 1;
  /** Flagged High (0.025): outside the 95% limits only. */
  static final int PCN_HIGH95 = 1;
  /** PCNs 1-6 are compared with place P01, 7-11 with P02: one funnel each. */
  static final int PCN_FUNNELS = 2;
  static final int PCN_POINTS_IN_P01 = 6;
  static final String SUPPRESSED_PCN = "U00012";
  /** Places at the latest period: 4, one suppressed. */
  static final int PLACE_POINTS = 3;
  /** Two ICSs over 6 months, one month of the second suppressed. */
  static final int ICS_POINTS = 11;
  /** Financial-year decile rows at place/ics level: 5 area-service groups x 10 deciles, 2 suppressed. */
  static final int DECILE_CHARTS = 5;
  static final int DECILE_BARS = 48;
  /** Inequality rows at the financial year: 5, one share suppressed; one without an SII. */
  static final int SHARE_POINTS = 4;
  static final int SII_POINTS = 4;
  /** Forecast series at the latest origin: ICS x 2 activities, two places x 2 activities. */
  static final int FAN_CHARTS = 6;
  /** Only the place series have a capacity. */
  static final int CAPACITY_LINES = 4;
  static final String LATEST_PERIOD = "2024-06-30";

  private static final List<String> ACTIVITIES = List.of("assessments", "requests");

  private ReportFixtures() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("Cannot write fixtures: expected one argument, the output directory");
    }
    write(SharedSpark.spark(), Path.of(args[0]));
    System.out.println("Fixture output tables written to " + args[0]);
  }

  static void write(SparkSession spark, Path out) throws IOException {
    write(spark, out, "acp_uptake", acpSchema(), acpRows(), "period_end");
    write(spark, out, "referral_deprivation", deprivationSchema(), deprivationRows(), "period_start");
    write(spark, out, "referral_inequality", inequalitySchema(), inequalityRows(), "period_start");
    write(spark, out, "demand_forecast", forecastSchema(), forecastRows(), "forecast_origin");
    write(spark, out, "forecast_accuracy", accuracySchema(), accuracyRows(), "forecast_origin");
    write(spark, out, "data_quality", qualitySchema(), qualityRows(), null);
    Files.writeString(out.resolve("_run_manifest.json"), MANIFEST, StandardCharsets.UTF_8);
  }

  static void write(SparkSession spark, Path out, String table, StructType schema, List<Row> rows, String partition) {
    var writer = spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite);
    if (partition != null) {
      writer = writer.partitionBy(partition);
    }
    writer.parquet(out.resolve(table).toString());
  }

  static StructType schema(Object... nameTypePairs) {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      fields.add(new StructField((String) nameTypePairs[i], (DataType) nameTypePairs[i + 1], true,
          org.apache.spark.sql.types.Metadata.empty()));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  static StructType acpSchema() {
    return schema("period_end", DateType, "geography_level", StringType, "geography_code", StringType,
        "geography_name", StringType, "breakdown", StringType, "breakdown_value", StringType, "register", LongType,
        "with_acp", LongType, "uptake", DoubleType, "lower95", DoubleType, "upper95", DoubleType, "lower998",
        DoubleType, "upper998", DoubleType, "funnel_flag", StringType, "suppressed", BooleanType,
        "parent_code", StringType, "parent_uptake", DoubleType);
  }

  static List<Row> acpRows() {
    List<Row> rows = new ArrayList<>();
    Date latest = Date.valueOf(LATEST_PERIOD);
    for (int i = 1; i <= 12; i++) {
      String code = String.format("U%05d", i);
      if (code.equals(SUPPRESSED_PCN)) {
        rows.add(acp(latest, "pcn", code, "Riverside PCN " + i, "none", null, null, null, null, null, true));
        continue;
      }
      long register = 40L + i * 30L;
      // Flags as the PHE funnel gives them around the parent place's uptake (0.41 for P01, 0.44 for P02).
      String flag = i == 3 || i == 9 ? "High (0.001)" : i == 6 ? "Low (0.001)" : i == 5 ? "High (0.025)"
          : "Not significant";
      double uptake = flag.equals("High (0.001)") ? 0.72 : flag.equals("Low (0.001)") ? 0.18
          : flag.equals("High (0.025)") ? 0.50 : 0.40 + (i % 4) * 0.02;
      rows.add(acp(latest, "pcn", code, "Riverside PCN " + i, "none", null, register,
          Math.round(register * uptake), uptake, flag, false));
      // A breakdown row and an earlier month: neither belongs in the funnel plot.
      rows.add(acp(latest, "pcn", code, "Riverside PCN " + i, "sex", "F", register / 2, register / 5, 0.4, null,
          false));
      rows.add(acp(Date.valueOf("2024-05-31"), "pcn", code, "Riverside PCN " + i, "none", null, register,
          register / 3, 1.0 / 3, "Not significant", false));
    }
    for (int i = 1; i <= 4; i++) {
      boolean suppressed = i == 4;
      rows.add(acp(latest, "place", "P0" + i, "Place " + (char) ('A' + i - 1), "none", null,
          suppressed ? null : 500L + 100 * i, suppressed ? null : 200L + 45 * i, suppressed ? null : 0.38 + 0.03 * i,
          suppressed ? null : "Not significant", suppressed));
    }
    for (int m = 0; m < 6; m++) {
      Date period = Date.valueOf(YearMonth.of(2024, 1 + m).atEndOfMonth());
      rows.add(acp(period, "ics", "QE1", "North Shore ICS", "none", null, 1500L + 10 * m, 600L + 10 * m,
          0.40 + 0.004 * m, null, false));
      boolean gap = m == 3;
      rows.add(acp(period, "ics", "QE2", "South Vale ICS", "none", null, gap ? null : 900L + 5 * m,
          gap ? null : 330L + 8 * m, gap ? null : 0.37 + 0.006 * m, null, gap));
      rows.add(acp(period, "all", "ALL", "All areas", "none", null, 2400L + 15 * m, 930L + 18 * m,
          0.3875 + 0.004 * m, null, false));
    }
    return rows;
  }

  private static Row acp(Date period, String level, String code, String name, String breakdown, String value,
      Long register, Long withAcp, Double uptake, String flag, boolean suppressed) {
    Double lower = uptake == null ? null : Math.max(0, uptake - 0.05);
    Double upper = uptake == null ? null : Math.min(1, uptake + 0.05);
    return RowFactory.create(period, level, code, name, breakdown, value, register, withAcp, uptake, lower, upper,
        lower == null ? null : lower - 0.02, upper == null ? null : upper + 0.02, flag, suppressed, parentCode(level, code),
        parentUptake(level, code));
  }

  /** PCNs U00001-U00006 sit in place P01, the others in P02; places in ICS QE1. */
  private static String parentCode(String level, String code) {
    return switch (level) {
      case "pcn" -> code.compareTo("U00006") <= 0 ? "P01" : "P02";
      case "place" -> "QE1";
      default -> null;
    };
  }

  /** The parents' uptake at the latest period (place rows P01 and P02 below; QE1 at 2024-06). */
  private static Double parentUptake(String level, String code) {
    return switch (level) {
      case "pcn" -> code.compareTo("U00006") <= 0 ? 0.41 : 0.44;
      case "place" -> 0.42;
      default -> null;
    };
  }

  static StructType deprivationSchema() {
    return schema("period_type", StringType, "period_start", DateType, "geography_level", StringType,
        "geography_code", StringType, "service", StringType, "imd_decile", IntegerType, "referrals", LongType,
        "population", LongType, "rate_per_1000", DoubleType, "lower95", DoubleType, "upper95", DoubleType,
        "suppressed", BooleanType);
  }

  static List<Row> deprivationRows() {
    List<Row> rows = new ArrayList<>();
    Date fy = Date.valueOf("2023-04-01");
    String[][] groups = {{"place", "P01", "asc_request"}, {"place", "P01", "wellbeing"},
        {"place", "P02", "asc_request"}, {"place", "P02", "wellbeing"}, {"ics", "QE1", "asc_request"}};
    for (String[] group : groups) {
      for (int decile = 1; decile <= 10; decile++) {
        boolean suppressed = group[1].equals("P01") && group[2].equals("asc_request") && decile >= 9;
        rows.add(deprivation("fy", fy, group[0], group[1], group[2], decile, suppressed));
      }
    }
    // A district (not drawn) and a month (a shorter period type than the financial year).
    rows.add(deprivation("fy", fy, "district", "E07000001", "asc_request", 1, false));
    rows.add(deprivation("month", Date.valueOf("2024-03-01"), "place", "P01", "asc_request", 1, false));
    return rows;
  }

  private static Row deprivation(String type, Date start, String level, String code, String service, int decile,
      boolean suppressed) {
    long population = 10_000L + decile * 500L;
    long referrals = (long) (5 * Math.round((40 - 3 * decile) * population / 10_000.0 / 5.0)) + 5;
    double rate = referrals * 1000.0 / population;
    return RowFactory.create(type, start, level, code, service, decile, suppressed ? null : referrals, population,
        suppressed ? null : rate, suppressed ? null : rate * 0.8, suppressed ? null : rate * 1.2, suppressed);
  }

  static StructType inequalitySchema() {
    return schema("period_type", StringType, "period_start", DateType, "geography_level", StringType,
        "geography_code", StringType, "service", StringType, "share_most_deprived_40", DoubleType, "share_lower95",
        DoubleType, "share_upper95", DoubleType, "population_share_most_deprived_40", DoubleType, "target_share",
        DoubleType, "sii", DoubleType, "sii_lower95", DoubleType, "sii_upper95", DoubleType, "rii", DoubleType,
        "rii_lower95", DoubleType, "rii_upper95", DoubleType, "rate_ratio_d1_d10", DoubleType);
  }

  static List<Row> inequalityRows() {
    Date fy = Date.valueOf("2023-04-01");
    return List.of(
        inequality(fy, "place", "P01", "asc_request", 0.55, 2.1),
        inequality(fy, "place", "P01", "wellbeing", null, 1.2),
        inequality(fy, "place", "P02", "asc_request", 0.61, 3.0),
        inequality(fy, "place", "P02", "wellbeing", 0.48, null),
        inequality(fy, "ics", "QE1", "asc_request", 0.58, 2.5),
        inequality(Date.valueOf("2024-03-01"), "place", "P01", "asc_request", 0.9, 9.0));
  }

  private static Row inequality(Date start, String level, String code, String service, Double share, Double sii) {
    Date period = start;
    String type = start.toLocalDate().equals(LocalDate.of(2023, 4, 1)) ? "fy" : "month";
    return RowFactory.create(type, period, level, code, service, share, share == null ? null : share - 0.04,
        share == null ? null : share + 0.04, 0.42, 0.60, sii, sii == null ? null : sii - 0.8,
        sii == null ? null : sii + 0.8, sii == null ? null : 1.5, sii == null ? null : 1.1,
        sii == null ? null : 1.9, 2.4);
  }

  static StructType forecastSchema() {
    return schema("forecast_origin", DateType, "geography_level", StringType, "geography_code", StringType,
        "activity", StringType, "month", DateType, "kind", StringType, "value", DoubleType, "lower80", DoubleType,
        "upper80", DoubleType, "lower95", DoubleType, "upper95", DoubleType, "model", StringType, "capacity",
        DoubleType);
  }

  static List<Row> forecastRows() {
    List<Row> rows = new ArrayList<>();
    Date origin = Date.valueOf(LATEST_PERIOD);
    String[][] areas = {{"ics", "QE1"}, {"place", "P01"}, {"place", "P02"}};
    for (String[] area : areas) {
      double scale = area[0].equals("ics") ? 400 : 150;
      for (String activity : ACTIVITIES) {
        Double capacity = area[0].equals("place") ? scale * 1.15 : null;
        for (int m = 0; m < 36; m++) {
          YearMonth month = YearMonth.of(2022, 7).plusMonths(m);
          double level = scale * (1 + 0.01 * m) * (1 + 0.1 * Math.sin(2 * Math.PI * month.getMonthValue() / 12));
          Date end = Date.valueOf(month.atEndOfMonth());
          if (m < 24) {
            rows.add(forecast(origin, area, activity, end, "actual", level, 0, null, capacity));
            rows.add(forecast(origin, area, activity, end, "fitted", level * 0.98, 0, "ETS(A,N,A)", capacity));
          } else {
            rows.add(forecast(origin, area, activity, end, "forecast", level, m - 23, "ETS(A,N,A)", capacity));
          }
        }
        // An older origin: the report draws only the latest.
        rows.add(forecast(Date.valueOf("2023-12-31"), area, activity, Date.valueOf("2024-01-31"), "forecast", 1.0,
            1, "SNAIVE", capacity));
      }
    }
    return rows;
  }

  private static Row forecast(Date origin, String[] area, String activity, Date month, String kind, double value,
      int horizon, String model, Double capacity) {
    boolean interval = kind.equals("forecast");
    double spread80 = value * 0.04 * Math.sqrt(Math.max(1, horizon));
    double spread95 = spread80 * 1.53;
    return RowFactory.create(origin, area[0], area[1], activity, month, kind, value,
        interval ? value - spread80 : null, interval ? value + spread80 : null,
        interval ? value - spread95 : null, interval ? value + spread95 : null, model, capacity);
  }

  static StructType accuracySchema() {
    return schema("forecast_origin", DateType, "geography_level", StringType, "geography_code", StringType,
        "activity", StringType, "model", StringType, "mase", DoubleType, "smape", DoubleType, "coverage80",
        DoubleType, "coverage95", DoubleType, "origins", IntegerType);
  }

  static List<Row> accuracyRows() {
    List<Row> rows = new ArrayList<>();
    Date origin = Date.valueOf(LATEST_PERIOD);
    for (String[] area : new String[][] {{"ics", "QE1"}, {"place", "P01"}, {"place", "P02"}}) {
      for (String activity : ACTIVITIES) {
        rows.add(RowFactory.create(origin, area[0], area[1], activity, "ETS(A,N,A)", 0.82, 6.1, 0.79, 0.94, 6));
        rows.add(RowFactory.create(origin, area[0], area[1], activity, "SNAIVE", 1.0, 8.4, 0.70, 0.90, 6));
      }
    }
    return rows;
  }

  static StructType qualitySchema() {
    return schema("table_name", StringType, "rule", StringType, "rows_in", LongType, "rows_accepted", LongType,
        "rows_quarantined", LongType, "example_lines", StringType);
  }

  static List<Row> qualityRows() {
    return List.of(
        RowFactory.create("gp_patients", "all", 12000L, 11940L, 60L, null),
        RowFactory.create("gp_patients", "invalid_nhs_number", 12000L, null, 42L, "17, 204, 3311"),
        RowFactory.create("gp_events", "unparseable_date", 80000L, null, 18L, "9, 1200"),
        RowFactory.create("gp_events", "all", 80000L, 79982L, 18L, null));
  }

  static final String MANIFEST = """
      {
        "status": "succeeded",
        "code_version": "0.1.0-SNAPSHOT (fixture)",
        "started_at": "2024-07-05T06:00:00Z",
        "finished_at": "2024-07-05T06:04:10Z",
        "config": {"period_from": "2024-01", "period_to": "2024-06", "disclosure_control": true,
                   "footprint": "in_force", "rebase_history": false},
        "inputs": [
          {"table": "gp_patients", "rows": 12000, "sha256": "3f1c0ad2"},
          {"table": "gp_events", "rows": 80000, "sha256": "b27e9911"}
        ],
        "outputs": {"acp_uptake": {"rows": 70}, "referral_deprivation": {"rows": 52}},
        "timings_seconds": {"ingest": 41.2, "products": 170.9, "publish": 12.3}
      }
      """;
}
