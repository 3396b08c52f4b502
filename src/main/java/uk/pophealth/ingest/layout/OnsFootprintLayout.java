package uk.pophealth.ingest.layout;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.LsoaDeprivation;

/**
 * An ONS LSOA -> sub-ICB -> ICB (-> district) lookup, one row per LSOA as published, mapped to canonical
 * {@code footprints} rows valid over the dates the caller gives (a lookup vintage is valid for a range: the
 * CCG/STP 2021 lookup until 2022-06-30, the sub-ICB/ICB 2022 lookup from 2022-07-01).
 *
 * <p>It yields one {@code sub_icb} row per sub-ICB location and one {@code lad} row per district:
 * <ul>
 *   <li><b>place = the sub-ICB location</b> (the former CCG area: the NHS "place" of most ICBs, and the one level
 *       both the registered (practice) and the resident (LSOA) hierarchy can reach, so a place means the same in
 *       both); ICS = the ICB (STP in 2021).</li>
 *   <li>A district's place and ICS are those of the sub-ICB location holding most of its LSOAs (ties: the lowest
 *       sub-ICB code). Districts are not nested in ICBs everywhere: 15 of 309 straddle two STPs in the 2021
 *       lookup and 12 straddle two ICBs in 2022 (e.g. High Peak, East Suffolk). Their minority LSOAs are thereby
 *       reported on the majority ICB; every LSOA still lands in exactly one ICS, so no one is counted twice.</li>
 * </ul>
 * The output rows aggregate many lines, so each carries the first line number of its group as provenance;
 * rows in (LSOAs) and rows out (organisations) therefore differ by design.
 */
public final class OnsFootprintLayout implements Layout {
  private static final long serialVersionUID = 1L;
  private static final String ROWS = "_rows";
  private static final String RANK = "_rank";

  private final OnsLookupColumns columns;
  private final LocalDate effectiveFrom;
  private final LocalDate effectiveTo;

  /**
   * @param effectiveFrom first day this vintage is in force
   * @param effectiveTo last day it is in force, or null while current
   */
  public OnsFootprintLayout(OnsLookupColumns columns, LocalDate effectiveFrom, LocalDate effectiveTo) {
    this.columns = requireNonNull(columns, "columns is null");
    this.effectiveFrom = requireNonNull(effectiveFrom, "effectiveFrom is null");
    this.effectiveTo = effectiveTo;
    if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
      throw PopHealthException.badConfig("Cannot use ONS lookup %s: it ends before it starts (%s..%s)",
          columns.id(), effectiveFrom, effectiveTo);
    }
  }

  @Override
  public String name() {
    return columns.id();
  }

  @Override
  public String table() {
    return Footprints.NAME;
  }

  @Override
  public boolean hasHeader() {
    return true;
  }

  /** The vintage's columns, checked against the file's header before any row is read. */
  @Override
  public List<String> requiredSourceColumns() {
    return columns.required();
  }

  @Override
  public Dataset<Row> toCanonical(Dataset<Row> raw) {
    List<String> required = new ArrayList<>(columns.required());
    required.addAll(List.of(SOURCE_FILE, LINE_NUMBER));
    requireColumns(raw, required);
    Dataset<Row> subIcbs = majority(raw, columns.subIcbCode(), Footprints.ORG_TYPE_SUB_ICB);
    if (!columns.hasDistrict()) {
      return subIcbs;
    }
    return subIcbs.unionByName(majority(raw, columns.districtCode(), Footprints.ORG_TYPE_LAD));
  }

  /**
   * The LSOA -> district pairs of this vintage, named as lsoa_deprivation's lsoa_code and lad_code: the LSOA to
   * district link of the geography when the deprivation file's district codes are of another year.
   */
  public Dataset<Row> lsoaToDistrict(Dataset<Row> raw) {
    if (!columns.hasDistrict()) {
      throw PopHealthException.badConfig("Cannot map LSOAs to districts: lookup %s has no district column (%s)",
          columns.id(), columns.lsoaCode());
    }
    requireColumns(raw, List.of(columns.lsoaCode(), columns.districtCode()));
    return raw.select(col(columns.lsoaCode()).as(LsoaDeprivation.LSOA_CODE),
        col(columns.districtCode()).as(LsoaDeprivation.LAD_CODE)).distinct();
  }

  /** One footprint row per organisation: the sub-ICB location (and its ICB) holding most of its LSOAs. */
  private Dataset<Row> majority(Dataset<Row> raw, String orgColumn, String orgType) {
    List<String> target = List.of(columns.subIcbCode(), columns.subIcbName(), columns.icsCode(), columns.icsName());
    List<String> groupBy = new ArrayList<>(List.of(orgColumn));
    target.stream().filter(c -> !c.equals(orgColumn)).forEach(groupBy::add);
    DataType lineType = raw.schema().apply(LINE_NUMBER).dataType();
    Dataset<Row> counted = raw.groupBy(groupBy.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(count(lit(1)).as(ROWS), min(col(SOURCE_FILE)).as(SOURCE_FILE),
            min(col(LINE_NUMBER).cast(DataTypes.LongType)).cast(lineType).as(LINE_NUMBER));
    Column[] order = new Column[] {col(ROWS).desc(), col(columns.subIcbCode()).asc(), col(columns.icsCode()).asc()};
    Dataset<Row> top = counted.withColumn(RANK, row_number().over(Window.partitionBy(col(orgColumn)).orderBy(order)))
        .filter(col(RANK).equalTo(1));
    return top.select(lit(orgType).as(Footprints.ORG_TYPE), col(orgColumn).as(Footprints.ORG_CODE),
        col(columns.subIcbCode()).as(Footprints.PLACE_CODE), col(columns.subIcbName()).as(Footprints.PLACE_NAME),
        col(columns.icsCode()).as(Footprints.ICS_CODE), col(columns.icsName()).as(Footprints.ICS_NAME),
        lit(effectiveFrom.toString()).as(Footprints.EFFECTIVE_FROM),
        lit(effectiveTo == null ? null : effectiveTo.toString()).cast(DataTypes.StringType).as(Footprints.EFFECTIVE_TO),
        col(SOURCE_FILE), col(LINE_NUMBER));
  }

  private void requireColumns(Dataset<Row> raw, List<String> required) {
    List<String> present = Arrays.asList(raw.columns());
    List<String> missing = required.stream().filter(c -> !present.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw PopHealthException.badInput("Cannot read ONS lookup %s: required columns are missing (%s)",
          columns.id(), String.join(", ", missing));
    }
  }
}
