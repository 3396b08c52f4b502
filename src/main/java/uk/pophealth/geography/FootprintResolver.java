package uk.pophealth.geography;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_GAP;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables.PracticeHierarchy;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.PcnMembership;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.RowBuilder;
import uk.pophealth.spark.JobLabel;

/**
 * Effective-dated geography: practice -> PCN -> sub-ICB -> place -> ICS and LSOA -> district -> place -> ICS.
 *
 * <p>{@link #build} reads the reference tables once (they are small: see {@link ReferenceRows}), resolves
 * overlaps (on any day the mapping with the latest effective_from wins; see {@link Timeline}), intersects the
 * intervals into flattened hierarchies whose chains are constant within each row, and records gaps and overlaps
 * as {@link FootprintFinding}s. Facts are then mapped with {@link #withPracticeFootprint} /
 * {@link #withLsoaFootprint}, on the footprint in force at each fact's date or re-based onto one date
 * ({@link FootprintBasis}).
 */
public final class FootprintResolver {
  /** The LSOA hierarchy's columns without lsoa_code: one row per district and interval. */
  private static final StructType DISTRICT = districtSchema();

  private final SparkSession spark;
  private final Map<String, List<Dated<PracticeChain>>> practiceChains;
  private final Map<String, Timeline<Footprint>> districts;
  private final Dataset<Row> lsoaDistricts;
  private final List<FootprintFinding> findings;

  private FootprintResolver(SparkSession spark, Map<String, List<Dated<PracticeChain>>> practiceChains,
      Map<String, Timeline<Footprint>> districts, Dataset<Row> lsoaDistricts, List<FootprintFinding> findings) {
    this.spark = spark;
    this.practiceChains = practiceChains;
    this.districts = districts;
    this.lsoaDistricts = lsoaDistricts;
    this.findings = List.copyOf(findings);
  }

  /** Reads the reference tables and resolves them; runs a few small Spark jobs. */
  public static FootprintResolver build(SparkSession spark, GeographyInputs inputs) {
    requireNonNull(spark, "spark is null");
    requireNonNull(inputs, "inputs is null");
    JobLabel label = JobLabel.save(spark);
    spark.sparkContext().setJobDescription("geography: resolve effective-dated footprints");
    try {
      FindingCollector collector = new FindingCollector();
      Map<String, List<Dated<PracticeLink>>> practiceRows = ReferenceRows.practices(inputs.practices());
      Map<String, List<Dated<PcnLink>>> pcnRows = ReferenceRows.pcnMemberships(inputs.pcnMembership());
      Map<String, List<Dated<Footprint>>> subIcbRows =
          ReferenceRows.footprints(inputs.footprints(), Footprints.ORG_TYPE_SUB_ICB);
      Map<String, List<Dated<Footprint>>> districtRows =
          ReferenceRows.footprints(inputs.footprints(), Footprints.ORG_TYPE_LAD);
      collector.rowsIn(Practices.NAME, ReferenceRows.rowCount(practiceRows));
      collector.rowsIn(PcnMembership.NAME, ReferenceRows.rowCount(pcnRows));
      collector.rowsIn(Footprints.NAME, ReferenceRows.rowCount(subIcbRows) + ReferenceRows.rowCount(districtRows));

      Map<String, Timeline<Footprint>> subIcbs =
          collector.resolve(Footprints.NAME, Footprints.ORG_TYPE_SUB_ICB + " ", subIcbRows);
      Map<String, Timeline<Footprint>> districts =
          collector.resolve(Footprints.NAME, Footprints.ORG_TYPE_LAD + " ", districtRows);
      Map<String, List<Dated<PracticeChain>>> chains = PracticeChains.build(
          collector.resolve(Practices.NAME, "", practiceRows), collector.resolve(PcnMembership.NAME, "", pcnRows),
          subIcbs, new PracticeChains.Coverage(DateSpan.hull(pcnRows.values()), DateSpan.hull(subIcbRows.values())),
          collector);
      Dataset<Row> lsoaDistricts = LsoaDistrictLinks.of(inputs, collector);
      reportDistrictGaps(lsoaDistricts, districts, DateSpan.hull(districtRows.values()), collector);
      return new FootprintResolver(spark, chains, districts, lsoaDistricts, collector.findings());
    } finally {
      label.restore();
    }
  }

  /** Gaps and overlaps found in the reference tables; empty when they are consistent. */
  public List<FootprintFinding> findings() {
    return findings;
  }

  /** The practice hierarchy ({@link PracticeHierarchy#TABLE}), every interval. */
  public Dataset<Row> practiceHierarchy() {
    return practiceHierarchy(FootprintBasis.AT_EACH_DATE);
  }

  /** The practice hierarchy; when re-based, one row per practice: its chain in force on the re-base date. */
  public Dataset<Row> practiceHierarchy(FootprintBasis basis) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<Dated<PracticeChain>>> practice : practiceChains.entrySet()) {
      for (Dated<PracticeChain> chain : select(practice.getValue(), basis)) {
        rows.add(practiceRow(practice.getKey(), chain));
      }
    }
    return spark.createDataFrame(rows, PracticeHierarchy.TABLE.schema());
  }

  /** The LSOA hierarchy ({@link LsoaHierarchy#TABLE}), every interval. */
  public Dataset<Row> lsoaHierarchy() {
    return lsoaHierarchy(FootprintBasis.AT_EACH_DATE);
  }

  /** The LSOA hierarchy; when re-based, one row per LSOA: its chain in force on the re-base date. */
  public Dataset<Row> lsoaHierarchy(FootprintBasis basis) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Timeline<Footprint>> district : districts.entrySet()) {
      for (Dated<Footprint> footprint : select(district.getValue().segments(), basis)) {
        rows.add(districtRow(district.getKey(), footprint));
      }
    }
    Dataset<Row> byDistrict = spark.createDataFrame(rows, DISTRICT);
    // Columns other than lsoa_code come from the district side, whose nullability is the declared one.
    Column[] columns = Arrays.stream(LsoaHierarchy.TABLE.schema().fieldNames())
        .map(c -> c.equals(LsoaHierarchy.LSOA_CODE) ? lsoaDistricts.col(c) : byDistrict.col(c))
        .toArray(Column[]::new);
    return lsoaDistricts.join(broadcast(byDistrict),
        lsoaDistricts.col(LsoaDeprivation.LAD_CODE).equalTo(byDistrict.col(LsoaHierarchy.LAD_CODE))).select(columns);
  }

  /**
   * Every (district, place, ICS) link of the footprint over the same intervals as {@link #lsoaHierarchy(FootprintBasis)}
   * but for every district, whether or not an LSOA names it: read from the timelines the resolver holds on the
   * driver (it grows with the geography, not the population), so no Spark job runs.
   */
  public Set<List<String>> districtPlaceIcs(FootprintBasis basis) {
    Set<List<String>> links = new java.util.TreeSet<>(java.util.Comparator.comparing(Object::toString));
    for (Map.Entry<String, Timeline<Footprint>> district : districts.entrySet()) {
      for (Dated<Footprint> footprint : select(district.getValue().segments(), basis)) {
        links.add(List.of(district.getKey(), footprint.value().placeCode(), footprint.value().icsCode()));
      }
    }
    return java.util.Collections.unmodifiableSet(links);
  }

  /**
   * The places and ICSs whose members (practices and districts) in some month from {@code first} to {@code last}
   * differ between the footprint in force in that month (on its first or its last day) and the one a re-based
   * table puts every month on: before a boundary change, the area a re-based series counts is not the area an
   * in-force table counts, though both carry its code. Both areas of a member that moved are listed (where it was,
   * where it is re-based to). A member with no mapping in force in the month (not yet open, closed, a gap) has no
   * facts there and is left out. Read from the timelines the resolver holds on the driver (they grow with the
   * geography, not the population); empty when {@code rebased} is not re-based, or nothing moved.
   */
  public Set<AreaMonth> reassigned(FootprintBasis rebased, YearMonth first,
      YearMonth last) {
    Set<AreaMonth> reassigned = new HashSet<>();
    if (!rebased.isRebased()) {
      return reassigned;
    }
    List<List<Dated<Footprint>>> members = new ArrayList<>();
    districts.values().forEach(timeline -> members.add(timeline.segments()));
    for (List<Dated<PracticeChain>> chains : practiceChains.values()) {
      List<Dated<Footprint>> footprints = new ArrayList<>();
      chains.forEach(c -> footprints.add(new Dated<>(c.span(), c.value() == null ? null : c.value().footprint())));
      members.add(footprints);
    }
    for (List<Dated<Footprint>> member : members) {
      List<Dated<Footprint>> at = select(member, rebased);
      Footprint target = at.isEmpty() ? null : at.get(0).value();
      for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
        for (LocalDate day : List.of(month.atDay(1), month.atEndOfMonth())) {
          Footprint inForce = null;
          for (Dated<Footprint> segment : member) {
            if (segment.span().contains(day)) {
              inForce = segment.value();
            }
          }
          if (inForce == null) {
            continue;
          }
          String placeThen = inForce.placeCode();
          String placeRebased = target == null ? null : target.placeCode();
          if (!placeThen.equals(placeRebased)) {
            reassigned.add(new AreaMonth(AreaMonth.PLACE, placeThen, month));
            reassigned.add(new AreaMonth(AreaMonth.PLACE, placeRebased, month));
          }
          String icsThen = inForce.icsCode();
          String icsRebased = target == null ? null : target.icsCode();
          if (!icsThen.equals(icsRebased)) {
            reassigned.add(new AreaMonth(AreaMonth.ICS, icsThen, month));
            reassigned.add(new AreaMonth(AreaMonth.ICS, icsRebased, month));
          }
        }
      }
    }
    return reassigned;
  }

  /**
   * Adds the practice's chain ({@link PracticeHierarchy#ATTRIBUTES}) to each fact: the one in force on the fact's
   * date, or on the re-base date. Facts without a mapping keep their row with those columns empty.
   *
   * @param practiceColumn the facts' column holding the practice code
   * @param dateColumn the facts' date column (e.g. the month end); ignored when re-based
   */
  public Dataset<Row> withPracticeFootprint(Dataset<Row> facts, String practiceColumn, String dateColumn,
      FootprintBasis basis) {
    return FootprintJoin.attach(facts, practiceColumn, dateColumn, new FootprintJoin.Hierarchy(
        practiceHierarchy(basis), PracticeHierarchy.PRACTICE_CODE, PracticeHierarchy.ATTRIBUTES), !basis.isRebased());
  }

  /** As {@link #withPracticeFootprint}, for facts located by LSOA ({@link LsoaHierarchy#ATTRIBUTES}). */
  public Dataset<Row> withLsoaFootprint(Dataset<Row> facts, String lsoaColumn, String dateColumn,
      FootprintBasis basis) {
    return FootprintJoin.attach(facts, lsoaColumn, dateColumn, new FootprintJoin.Hierarchy(lsoaHierarchy(basis),
        LsoaHierarchy.LSOA_CODE, LsoaHierarchy.ATTRIBUTES), !basis.isRebased());
  }

  private static <V> List<Dated<V>> select(List<Dated<V>> segments, FootprintBasis basis) {
    if (!basis.isRebased()) {
      return segments;
    }
    Dated<V> latest = null;
    for (Dated<V> segment : segments) {
      if (!segment.span().from().isAfter(basis.rebaseDate())) {
        latest = segment;
      }
    }
    return latest == null ? List.of() : List.of(latest);
  }

  private static void reportDistrictGaps(Dataset<Row> lsoaDistricts, Map<String, Timeline<Footprint>> districts,
      DateSpan coverage, FindingCollector collector) {
    for (Row row : lsoaDistricts.select(col(LsoaDeprivation.LAD_CODE)).distinct().collectAsList()) {
      String code = row.getString(0);
      String org = Footprints.ORG_TYPE_LAD + " " + code;
      Timeline<Footprint> timeline = districts.get(code);
      if (timeline == null || coverage == null) {
        collector.add(Footprints.NAME, FOOTPRINT_GAP, org, org + " has no footprint");
        continue;
      }
      for (Dated<Footprint> piece : timeline.over(coverage)) {
        if (piece.isGap()) {
          collector.gap(Footprints.NAME, org, piece.span(), coverage);
        }
      }
    }
  }

  private static Row practiceRow(String practiceCode, Dated<PracticeChain> dated) {
    PracticeChain chain = dated.value();
    PcnLink pcn = chain.pcn();
    Footprint footprint = chain.footprint();
    RowBuilder row = RowBuilder.of(PracticeHierarchy.TABLE).set(PracticeHierarchy.PRACTICE_CODE, practiceCode)
        .set(PracticeHierarchy.PRACTICE_NAME, chain.practice().practiceName())
        .set(PracticeHierarchy.SUB_ICB_CODE, chain.practice().subIcbCode());
    if (pcn != null) {
      row.set(PracticeHierarchy.PCN_CODE, pcn.pcnCode()).set(PracticeHierarchy.PCN_NAME, pcn.pcnName());
    }
    if (footprint != null) {
      footprintColumns(row, footprint);
    }
    return validity(row, dated.span()).build();
  }

  private static Row districtRow(String districtCode, Dated<Footprint> dated) {
    RowBuilder row = RowBuilder.of(LsoaHierarchy.NAME + " by district", DISTRICT)
        .set(LsoaHierarchy.LAD_CODE, districtCode);
    return validity(footprintColumns(row, dated.value()), dated.span()).build();
  }

  private static RowBuilder footprintColumns(RowBuilder row, Footprint footprint) {
    return row.set(GeographyTables.PLACE_CODE, footprint.placeCode())
        .set(GeographyTables.PLACE_NAME, footprint.placeName()).set(GeographyTables.ICS_CODE, footprint.icsCode())
        .set(GeographyTables.ICS_NAME, footprint.icsName());
  }

  private static RowBuilder validity(RowBuilder row, DateSpan span) {
    return row.set(GeographyTables.VALID_FROM, sqlDate(span.from()))
        .set(GeographyTables.VALID_TO, sqlDate(span.toOrNull()));
  }

  /** The LSOA hierarchy's columns without lsoa_code: one row per district and interval. */
  private static StructType districtSchema() {
    return new StructType(Arrays.stream(LsoaHierarchy.TABLE.schema().fields())
        .filter(f -> !f.name().equals(LsoaHierarchy.LSOA_CODE)).toArray(StructField[]::new));
  }

  private static Date sqlDate(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
