package uk.pophealth.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.InputTables.SocialCareEvents;

/**
 * Realised truths, computed on Spark from the generated good rows (the same rows that are written), so that
 * truth.json states what a correct job must find, next to what was planted. Only small aggregates come back to
 * the driver (per PCN, per decile, per place and month).
 */
final class Realised {
  /** ACP among the dementia register of one PCN at the period end. */
  record PcnUptake(String pcnCode, long register, long withAcp) {}

  /** Referrals and people of one IMD decile, by service ("all" for every service). */
  record DecileReferrals(String service, int decile, long people, long referrals) {}

  /** Registered, alive people on a date and the dementia register among them, overall and aged 65+. */
  record Prevalence(long registered, long register, long registered65, long register65) {}

  private static final String PCN = "pcn_code";
  private static final String DECILE = "imd_decile";
  private static final String PLACE = "place_code";
  private static final String FLAG = "flag";
  private static final String MONTH = "month";
  private static final String OTHER_PERSON = "other_person_id";
  static final String ALL_SERVICES = "all";

  private final SparkSession spark;
  private final PersonTables tables;
  private final Geography geography;
  private final List<String> services;

  Realised(SparkSession spark, PersonTables tables, Geography geography, List<String> services) {
    this.spark = spark;
    this.tables = tables;
    this.geography = geography;
    this.services = List.copyOf(services);
  }

  /** People registered at a practice on the date and alive (no death on or before it). */
  private Dataset<Row> registeredOn(LocalDate day) {
    Column date = lit(Date.valueOf(day));
    Column start = to_date(col(GpPatients.REGISTRATION_START));
    Column end = to_date(col(GpPatients.REGISTRATION_END));
    Column death = to_date(col(GpPatients.DATE_OF_DEATH));
    return tables.good(GeneratedTable.GP_PATIENTS)
        .filter(start.leq(date).and(end.isNull().or(end.geq(date))).and(death.isNull().or(death.gt(date))))
        .select(col(GpPatients.PERSON_ID), col(GpPatients.PRACTICE_CODE),
            col(GpPatients.YEAR_OF_BIRTH).cast(DataTypes.IntegerType).as(GpPatients.YEAR_OF_BIRTH));
  }

  /** People with a code of the list recorded on or before the date. */
  private Dataset<Row> coded(List<ClinicalCodes.Code> codes, LocalDate day) {
    Object[] values = codes.stream().map(ClinicalCodes.Code::code).toArray();
    return tables.good(GeneratedTable.GP_EVENTS)
        .filter(col(GpEvents.SNOMED_CODE).isin(values).and(to_date(col(GpEvents.EVENT_DATE)).leq(lit(Date.valueOf(day)))))
        .select(col(GpEvents.PERSON_ID)).distinct();
  }

  List<PcnUptake> acpByPcn(LocalDate day) {
    spark.sparkContext().setJobDescription("generate truth: ACP uptake per PCN");
    List<Row> pcnRows = new ArrayList<>();
    int dayNumber = (int) day.toEpochDay();
    for (int p = 0; p < geography.practiceCount(); p++) {
      pcnRows.add(RowFactory.create(geography.practiceCodes[p], geography.pcnCodes[geography.pcnOn(p, dayNumber)]));
    }
    StructType pcnSchema = new StructType().add(GpPatients.PRACTICE_CODE, DataTypes.StringType)
        .add(PCN, DataTypes.StringType);
    Dataset<Row> practicePcn = spark.createDataFrame(pcnRows, pcnSchema);
    Dataset<Row> register = registeredOn(day).join(coded(ClinicalCodes.DEMENTIA, day), GpPatients.PERSON_ID)
        .join(practicePcn, GpPatients.PRACTICE_CODE);
    Dataset<Row> acp = coded(ClinicalCodes.ACP, day).withColumnRenamed(GpEvents.PERSON_ID, OTHER_PERSON)
        .withColumn(FLAG, lit(1L));
    List<Row> rows = register.join(acp, col(GpPatients.PERSON_ID).equalTo(col(OTHER_PERSON)), "left")
        .groupBy(col(PCN)).agg(count(lit(1)).as("register"), sum(when(col(FLAG).isNull(), 0L).otherwise(1L)).as(FLAG))
        .orderBy(col(PCN)).collectAsList();
    Map<String, PcnUptake> byPcn = new TreeMap<>();
    for (String pcn : geography.pcnCodes) {
      byPcn.put(pcn, new PcnUptake(pcn, 0, 0));
    }
    for (Row row : rows) {
      byPcn.put(row.getString(0), new PcnUptake(row.getString(0), row.getLong(1), row.getLong(2)));
    }
    return List.copyOf(byPcn.values());
  }

  Prevalence prevalence(LocalDate day) {
    spark.sparkContext().setJobDescription("generate truth: dementia prevalence");
    Dataset<Row> registered = registeredOn(day).withColumn(FLAG,
        when(lit(day.getYear()).minus(col(GpPatients.YEAR_OF_BIRTH)).geq(65), 1L).otherwise(0L));
    Dataset<Row> dementia = coded(ClinicalCodes.DEMENTIA, day).withColumnRenamed(GpEvents.PERSON_ID, OTHER_PERSON)
        .withColumn("dementia", lit(1L));
    Row row = registered.join(dementia, col(GpPatients.PERSON_ID).equalTo(col(OTHER_PERSON)), "left")
        .agg(count(lit(1)), sum(when(col("dementia").isNull(), 0L).otherwise(1L)), sum(col(FLAG)),
            sum(when(col("dementia").isNull(), 0L).otherwise(col(FLAG))))
        .first();
    return new Prevalence(row.getLong(0), row.isNullAt(1) ? 0 : row.getLong(1), row.isNullAt(2) ? 0 : row.getLong(2),
        row.isNullAt(3) ? 0 : row.getLong(3));
  }

  /** Referrals per decile of the person's LSOA (the referral's own, else the GP registration's) and people. */
  List<DecileReferrals> referralsByDecile() {
    spark.sparkContext().setJobDescription("generate truth: referrals by IMD decile");
    Dataset<Row> deciles = lsoaDeciles();
    Dataset<Row> homes = tables.good(GeneratedTable.GP_PATIENTS)
        .groupBy(col(GpPatients.PERSON_ID)).agg(max(col(GpPatients.LSOA_CODE)).as("home_lsoa"));
    Dataset<Row> people = homes.join(deciles, homes.col("home_lsoa").equalTo(deciles.col(GpPatients.LSOA_CODE)))
        .groupBy(col(DECILE)).agg(count(lit(1)).as("people"));
    Dataset<Row> referrals = tables.good(GeneratedTable.SERVICE_REFERRALS);
    Dataset<Row> resolved = referrals.join(homes, ServiceReferrals.PERSON_ID)
        .withColumn("resolved_lsoa", when(col(ServiceReferrals.LSOA_CODE).isNull(), col("home_lsoa"))
            .otherwise(col(ServiceReferrals.LSOA_CODE)));
    Dataset<Row> counted = resolved.join(deciles, resolved.col("resolved_lsoa").equalTo(deciles.col(GpPatients.LSOA_CODE)))
        .groupBy(col(ServiceReferrals.SERVICE), col(DECILE)).agg(count(lit(1)).as("referrals"));
    Map<Integer, Long> peopleByDecile = new TreeMap<>();
    for (Row row : people.collectAsList()) {
      peopleByDecile.put(row.getInt(0), row.getLong(1));
    }
    Map<String, Long> byServiceDecile = new TreeMap<>();
    for (Row row : counted.collectAsList()) {
      byServiceDecile.merge(row.getString(0) + "\t" + row.getInt(1), row.getLong(2), Long::sum);
      byServiceDecile.merge(ALL_SERVICES + "\t" + row.getInt(1), row.getLong(2), Long::sum);
    }
    List<DecileReferrals> out = new ArrayList<>();
    List<String> allServices = new ArrayList<>(List.of(ALL_SERVICES));
    allServices.addAll(services);
    for (String service : allServices) {
      for (int decile = 1; decile <= 10; decile++) {
        out.add(new DecileReferrals(service, decile, peopleByDecile.getOrDefault(decile, 0L),
            byServiceDecile.getOrDefault(service + "\t" + decile, 0L)));
      }
    }
    return out;
  }

  /** Monthly counts of good social care events by place (current footprint) and event type. */
  List<Row> socialCareByPlaceMonth() {
    spark.sparkContext().setJobDescription("generate truth: social care activity by place and month");
    List<Row> ladRows = new ArrayList<>();
    for (int l = 0; l < geography.ladCodes.length; l++) {
      ladRows.add(RowFactory.create(geography.ladCodes[l], geography.placeCodes[geography.ladPlace[l]]));
    }
    Dataset<Row> ladPlace = spark.createDataFrame(ladRows, new StructType()
        .add(SocialCareEvents.LA_CODE, DataTypes.StringType).add(PLACE, DataTypes.StringType));
    return tables.good(GeneratedTable.SOCIAL_CARE_EVENTS).join(ladPlace, SocialCareEvents.LA_CODE)
        .withColumn(MONTH, trunc(to_date(col(SocialCareEvents.EVENT_START_DATE)), "month"))
        .groupBy(col(PLACE), col(SocialCareEvents.EVENT_TYPE), col(MONTH)).agg(count(lit(1)).as("events"))
        .orderBy(col(PLACE), col(SocialCareEvents.EVENT_TYPE), col(MONTH)).collectAsList();
  }

  private Dataset<Row> lsoaDeciles() {
    List<Row> rows = new ArrayList<>();
    for (int l = 0; l < geography.lsoaCodes.length; l++) {
      rows.add(RowFactory.create(geography.lsoaCodes[l], geography.lsoaDecile[l]));
    }
    return spark.createDataFrame(rows, new StructType().add(GpPatients.LSOA_CODE, DataTypes.StringType)
        .add(DECILE, DataTypes.IntegerType));
  }
}
