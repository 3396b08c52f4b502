package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.config.JobConfig;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.InputTables.SocialCareEvents;
import uk.pophealth.schema.QuarantineRule;
import uk.pophealth.schema.QuarantineTable;

/**
 * Finds the rows a reference table rejected and what refers to them. One bad practice row makes every patient and
 * event of that practice unknown_practice, one bad code-list row drops a code from the register, yet both stay far
 * under the quarantine ceiling; so a rejected reference row stops the run, naming the row, the rule it broke and
 * how many rows refer to its key. An exact duplicate (duplicate_row) loses nothing and is not counted.
 *
 * <p>The rejected rows are read back from the reference table's quarantine (small); the rows referring to them are
 * counted in Spark over the accepted and quarantined rows of the tables that refer to the key (a filter and a
 * count each, nothing per row collected).
 */
final class ReferenceLoss {
  /** A column of another table holding the reference table's key. */
  private record Dependent(String table, String column) {}

  /** A reference table's key column and the columns that refer to it. */
  private record Reference(String table, String key, List<Dependent> dependents) {}

  private static final List<Dependent> BY_PRACTICE = List.of(new Dependent(GpPatients.NAME, GpPatients.PRACTICE_CODE),
      new Dependent(GpEvents.NAME, GpEvents.PRACTICE_CODE));
  private static final List<Reference> REFERENCES = List.of(
      new Reference(Practices.NAME, Practices.PRACTICE_CODE, BY_PRACTICE),
      new Reference(LsoaDeprivation.NAME, LsoaDeprivation.LSOA_CODE, List.of(
          new Dependent(GpPatients.NAME, GpPatients.LSOA_CODE),
          new Dependent(SocialCareEvents.NAME, SocialCareEvents.LSOA_CODE),
          new Dependent(ServiceReferrals.NAME, ServiceReferrals.LSOA_CODE))),
      new Reference(PcnMembership.NAME, PcnMembership.PRACTICE_CODE, BY_PRACTICE),
      new Reference(Footprints.NAME, Footprints.ORG_CODE, List.of(
          new Dependent(Practices.NAME, Practices.SUB_ICB_CODE))),
      new Reference(Codelists.NAME, Codelists.CODE, List.of(new Dependent(GpEvents.NAME, GpEvents.SNOMED_CODE))));
  /** Rejected rows named in the message, per table. */
  private static final int NAMED_ROWS = 5;
  /** Keys looked up among the referring rows, per table (reference tables are small; this bounds the collect). */
  private static final int MAX_KEYS = 1000;

  private ReferenceLoss() {}

  /**
   * One sentence per reference table that rejected rows (other than exact duplicates), empty when none did. Call
   * it once every table is ingested and its quarantine written.
   */
  static List<String> find(SparkSession spark, JobConfig config, Map<String, TableIngest.Outcome> ingested) {
    List<String> losses = new ArrayList<>();
    for (Reference reference : REFERENCES) {
      TableIngest.Outcome outcome = ingested.get(reference.table());
      if (outcome == null) {
        continue;
      }
      TableCounts table = outcome.counts();
      long rejected = table.rowsQuarantined() - table.quarantined(QuarantineRule.DUPLICATE_ROW.ruleName());
      if (rejected > 0) {
        losses.add(describe(spark, config, reference, rejected, ingested));
      }
    }
    return losses;
  }

  private static String describe(SparkSession spark, JobConfig config, Reference reference, long rejected,
      Map<String, TableIngest.Outcome> ingested) {
    List<Row> rows = quarantine(spark, config, reference.table())
        .filter(col(QuarantineTable.RULE).notEqual(QuarantineRule.DUPLICATE_ROW.ruleName()))
        .select(col(QuarantineTable.LINE_NUMBER), col(QuarantineTable.RULE),
            col(QuarantineTable.RAW_VALUES).getItem(reference.key()))
        .orderBy(col(QuarantineTable.SOURCE_FILE), col(QuarantineTable.LINE_NUMBER))
        .limit(MAX_KEYS).collectAsList();
    Set<String> keys = new LinkedHashSet<>();
    List<String> named = new ArrayList<>();
    for (Row row : rows) {
      String key = row.isNullAt(2) ? null : row.getString(2).trim();
      if (key != null && !key.isEmpty()) {
        keys.add(key);
      }
      if (named.size() < NAMED_ROWS) {
        named.add(String.format("line %d (%s %s) broke %s", row.getLong(0), reference.key(),
            key == null || key.isEmpty() ? "unreadable" : key, row.getString(1)));
      }
    }
    List<String> referring = new ArrayList<>();
    for (Dependent dependent : reference.dependents()) {
      if (ingested.containsKey(dependent.table()) && !keys.isEmpty()) {
        long referringRows = ingested.get(dependent.table()).accepted()
            .filter(col(dependent.column()).isin(keys.toArray())).count()
            + quarantine(spark, config, dependent.table())
                .filter(col(QuarantineTable.RAW_VALUES).getItem(dependent.column()).isin(keys.toArray())).count();
        referring.add(String.format("%,d %s rows", referringRows, dependent.table()));
      }
    }
    return String.format("%s rejected %d row%s: %s%s; %s", reference.table(), rejected, rejected == 1 ? "" : "s",
        String.join(", ", named), rejected > named.size() ? ", ..." : "",
        keys.isEmpty() ? "the rows that refer to them cannot be counted (no " + reference.key() + " could be read)"
            : (referring.isEmpty() ? "no configured table refers to them"
                : String.join(" and ", referring) + " refer to " + (keys.size() == 1 ? "it" : "them")));
  }

  private static Dataset<Row> quarantine(SparkSession spark, JobConfig config, String table) {
    return spark.read().parquet(Quarantine.location(config.quarantineLocation(), table));
  }
}
