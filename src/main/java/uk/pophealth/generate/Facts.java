package uk.pophealth.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The realised facts of the generated data, from one Spark pass of {@link PersonFacts} aggregated by key: exact
 * row and bad-row counts, the dementia register and ACP uptake per PCN, referrals and people per IMD decile,
 * social care events per place and month (all small, brought to the driver), and the mid-year population (kept
 * as a Dataset: it grows with the number of LSOAs).
 */
final class Facts {
  static final String KIND = "kind";
  static final String KEY_A = "key_a";
  static final String KEY_B = "key_b";
  static final String KEY_C = "key_c";
  static final String KEY_D = "key_d";
  static final String COUNT = "count";
  static final String ALL_SERVICES = "all";

  /** ACP among the dementia register of one PCN at the period end. */
  record PcnUptake(String pcnCode, long register, long withAcp) {}

  /** Referrals and people of one IMD decile, by service ("all" for every service). */
  record DecileReferrals(String service, int decile, long people, long referrals) {}

  /** Registered, alive people on a date and the dementia register among them, overall and aged 65+. */
  record Prevalence(long registered, long register, long registered65, long register65) {}

  private final Dataset<Row> aggregated;
  private final Map<String, Map<List<String>, Long>> small = new HashMap<>();

  Facts(SparkSession spark, PersonTables tables) {
    StructType schema = new StructType(new StructField[] {
        DataTypes.createStructField(KIND, DataTypes.StringType, false),
        DataTypes.createStructField(KEY_A, DataTypes.StringType, false),
        DataTypes.createStructField(KEY_B, DataTypes.StringType, false),
        DataTypes.createStructField(KEY_C, DataTypes.StringType, false),
        DataTypes.createStructField(KEY_D, DataTypes.StringType, false),
        DataTypes.createStructField(COUNT, DataTypes.LongType, false)});
    spark.sparkContext().setJobDescription("generate: count rows, bad rows and realised truths");
    aggregated = tables.people().mapPartitions(new PersonFacts(tables.handle()), org.apache.spark.sql.Encoders.row(schema))
        .groupBy(col(KIND), col(KEY_A), col(KEY_B), col(KEY_C), col(KEY_D)).agg(sum(col(COUNT)).as(COUNT))
        .cache();
    for (Row row : aggregated.filter(col(KIND).notEqual(PersonFacts.POPULATION)).collectAsList()) {
      small.computeIfAbsent(row.getString(0), k -> new HashMap<>())
          .put(List.of(row.getString(1), row.getString(2), row.getString(3)), row.getLong(5));
    }
  }

  /** table -> rule ("" for good rows) -> rows. */
  Map<String, Map<String, Long>> rows() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    kind(PersonFacts.ROWS).forEach((key, count) ->
        out.computeIfAbsent(key.get(0), k -> new TreeMap<>()).put(key.get(1), count));
    return out;
  }

  List<PcnUptake> uptakeByPcn(Geography geography) {
    List<PcnUptake> out = new ArrayList<>();
    for (String pcn : geography.pcnCodes()) {
      out.add(new PcnUptake(pcn, byPcn(PersonFacts.REGISTER, pcn), byPcn(PersonFacts.WITH_ACP, pcn)));
    }
    return out;
  }

  Prevalence prevalence() {
    return new Prevalence(total(PersonFacts.REGISTERED, null), total(PersonFacts.REGISTER, null),
        total(PersonFacts.REGISTERED, PersonFacts.OLDER), total(PersonFacts.REGISTER, PersonFacts.OLDER));
  }

  List<DecileReferrals> referralsByDecile(List<String> services) {
    List<String> all = new ArrayList<>(List.of(ALL_SERVICES));
    all.addAll(services);
    List<DecileReferrals> out = new ArrayList<>();
    for (String service : all) {
      for (int decile = 1; decile <= 10; decile++) {
        String d = Integer.toString(decile);
        long people = kind(PersonFacts.PEOPLE).getOrDefault(List.of(d, "", ""), 0L);
        long referrals = 0;
        for (Map.Entry<List<String>, Long> e : kind(PersonFacts.REFERRALS).entrySet()) {
          if (e.getKey().get(1).equals(d) && (service.equals(ALL_SERVICES) || e.getKey().get(0).equals(service))) {
            referrals += e.getValue();
          }
        }
        out.add(new DecileReferrals(service, decile, people, referrals));
      }
    }
    return out;
  }

  /** (place, event type, month yyyy-MM) -> good social care events. */
  Map<List<String>, Long> careByPlaceMonth() {
    return kind(PersonFacts.CARE);
  }

  /** area_code (LSOA), year (int), sex, age_band, population (long): people registered and alive on 30 June. */
  Dataset<Row> population() {
    return aggregated.filter(col(KIND).equalTo(PersonFacts.POPULATION))
        .select(col(KEY_A).as(uk.pophealth.schema.InputTables.Population.AREA_CODE),
            col(KEY_B).cast(DataTypes.IntegerType).as(uk.pophealth.schema.InputTables.Population.YEAR),
            col(KEY_C).as(uk.pophealth.schema.InputTables.Population.SEX),
            col(KEY_D).as(uk.pophealth.schema.InputTables.Population.AGE_BAND),
            col(COUNT).as(uk.pophealth.schema.InputTables.Population.POPULATION));
  }

  void release() {
    aggregated.unpersist();
  }

  private Map<List<String>, Long> kind(String kind) {
    return small.getOrDefault(kind, Map.of());
  }

  private long byPcn(String kind, String pcn) {
    return kind(kind).entrySet().stream().filter(e -> e.getKey().get(0).equals(pcn)).mapToLong(Map.Entry::getValue).sum();
  }

  private long total(String kind, String band) {
    return kind(kind).entrySet().stream().filter(e -> band == null || e.getKey().get(1).equals(band))
        .mapToLong(Map.Entry::getValue).sum();
  }
}
