package uk.pophealth.deprivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.deprivation.Rows.OPEN;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.InputTables.LsoaLookup;
import uk.pophealth.testing.CsvRows;
import uk.pophealth.testing.RefData;
import uk.pophealth.testing.SharedSpark;

/** LSOA codes brought across the 2011 / 2021 vintages through the real ONS lookup, on codes looked up in it by hand. */
class LsoaVintageTest {
  static final String LOOKUP = "geography_lookups/lookup_lsoa11_lsoa21_ltla22.csv";
  /** Hartlepool 009A: U, the same code in both vintages. */
  static final String UNCHANGED = "E01011949";
  /** Middlesbrough 001G (2011): S, split into Middlesbrough 001H and 001I (2021). */
  static final String SPLIT_2011 = "E01033468";
  static final String SPLIT_PART_H = "E01035189";
  static final String SPLIT_PART_I = "E01035190";
  /** Hartlepool 005A and 005D (2011): M, merged into Hartlepool 015C (2021). */
  static final String MERGED_A_2011 = "E01011973";
  static final String MERGED_D_2011 = "E01011976";
  static final String MERGED_2021 = "E01035188";
  /** Gateshead 024C (2011): X, a complex change into Northumberland 043F and another 2021 LSOA. */
  static final String COMPLEX_2011 = "E01008187";
  static final String NOT_A_CODE = "E01999999";
  static final StructType REFERRAL = new StructType()
      .add("id", DataTypes.StringType).add(Columns.LSOA, DataTypes.StringType)
      .add(Columns.ALLOCATION, DataTypes.LongType);
  static final StructType POPULATION = new StructType()
      .add(Columns.AS_AT, DataTypes.DateType).add(Columns.LSOA, DataTypes.StringType)
      .add(Columns.COUNT, DataTypes.LongType);

  static Dataset<Row> lookup;
  static Map<String, List<String>> complexTargets = new HashMap<>();

  @BeforeAll
  static void readLookup() throws Exception {
    List<Row> rows = new ArrayList<>();
    Map<String, String> change = new HashMap<>();
    for (String[] r : CsvRows.columns(RefData.require(LOOKUP), "lsoa11_code", "change_code", "lsoa21_code")) {
      rows.add(RowFactory.create(r[0], r[1], r[2]));
      change.put(r[0] + ">" + r[2], r[1]);
      if (r[0].equals(COMPLEX_2011)) {
        complexTargets.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[2]);
      }
    }
    // the hand-picked rows are what the file says (a misread file fails here, not later)
    assertEquals("U", change.get(UNCHANGED + ">" + UNCHANGED));
    assertEquals("S", change.get(SPLIT_2011 + ">" + SPLIT_PART_H));
    assertEquals("S", change.get(SPLIT_2011 + ">" + SPLIT_PART_I));
    assertEquals("M", change.get(MERGED_A_2011 + ">" + MERGED_2021));
    assertEquals("M", change.get(MERGED_D_2011 + ">" + MERGED_2021));
    assertEquals(2, complexTargets.get(COMPLEX_2011).size());
    lookup = SharedSpark.spark().createDataFrame(rows, LsoaLookup.TABLE.schema());
  }

  static LsoaVintage rankedOn(String... codes) {
    List<Row> deprivation = new ArrayList<>();
    for (String code : codes) {
      deprivation.add(Rows.deprivation(code, "LAD", 1, 1));
    }
    return LsoaVintage.of(NationalDeprivation.of(Rows.deprivation(deprivation)), Optional.of(lookup));
  }

  static Map<String, String[]> mapped(LsoaVintage vintage, Row... referrals) {
    Map<String, String[]> byId = new HashMap<>();
    for (Row row : vintage.referrals(SharedSpark.spark().createDataFrame(List.of(referrals), REFERRAL),
        Columns.LSOA, Columns.ALLOCATION).collectAsList()) {
      byId.put(row.getString(0), new String[] {row.getAs(Columns.LSOA), row.getAs("lsoa_mapping")});
    }
    return byId;
  }

  static void assertMapped(Map<String, String[]> byId, String id, String lsoa, String mapping) {
    assertEquals(lsoa, byId.get(id)[0], id);
    assertEquals(mapping, byId.get(id)[1], id);
  }

  @Test
  void lsoa2011CodesReachIod2025Codes() {
    List<String> complex = complexTargets.get(COMPLEX_2011).stream().sorted().toList();
    LsoaVintage vintage = rankedOn(UNCHANGED, SPLIT_PART_H, SPLIT_PART_I, MERGED_2021, complex.get(0), complex.get(1));
    Map<String, String[]> byId = mapped(vintage,
        RowFactory.create("u", UNCHANGED, 0L),
        RowFactory.create("m-a", MERGED_A_2011, 0L),
        RowFactory.create("m-d", MERGED_D_2011, 5L),
        RowFactory.create("s-0", SPLIT_2011, 0L),
        RowFactory.create("s-1", SPLIT_2011, 1L),
        RowFactory.create("s-negative", SPLIT_2011, -3L),
        RowFactory.create("x", COMPLEX_2011, 2L),
        RowFactory.create("bad", NOT_A_CODE, 0L),
        RowFactory.create("none", null, 0L));
    assertEquals(9, byId.size(), "every row kept");
    assertMapped(byId, "u", UNCHANGED, "as_given");
    assertMapped(byId, "m-a", MERGED_2021, "mapped");
    assertMapped(byId, "m-d", MERGED_2021, "mapped");
    // shared among the sorted parts by allocation modulo the number of parts
    assertMapped(byId, "s-0", SPLIT_PART_H, "mapped_shared");
    assertMapped(byId, "s-1", SPLIT_PART_I, "mapped_shared");
    assertMapped(byId, "s-negative", SPLIT_PART_I, "mapped_shared");
    assertMapped(byId, "x", complex.get(0), "mapped_shared");
    assertMapped(byId, "bad", NOT_A_CODE, "unmapped");
    assertMapped(byId, "none", null, "no_lsoa");
  }

  @Test
  void lsoa2021CodesReachImd2019Codes() {
    LsoaVintage vintage = rankedOn(UNCHANGED, SPLIT_2011, MERGED_A_2011, MERGED_D_2011);
    Map<String, String[]> byId = mapped(vintage,
        RowFactory.create("split-part", SPLIT_PART_I, 7L),
        RowFactory.create("merged-0", MERGED_2021, 0L),
        RowFactory.create("merged-1", MERGED_2021, 1L),
        RowFactory.create("u", UNCHANGED, 1L));
    assertMapped(byId, "split-part", SPLIT_2011, "mapped");
    assertMapped(byId, "merged-0", MERGED_A_2011, "mapped_shared");
    assertMapped(byId, "merged-1", MERGED_D_2011, "mapped_shared");
    assertMapped(byId, "u", UNCHANGED, "as_given");
  }

  @Test
  void populationIsSummedOverMergesAndSharedEquallyOverSplitsLosingNobody() {
    LsoaVintage vintage = rankedOn(UNCHANGED, SPLIT_PART_H, SPLIT_PART_I, MERGED_2021);
    java.sql.Date day = Rows.date("2021-06-30");
    List<Row> rows = List.of(
        RowFactory.create(day, UNCHANGED, 1000L),
        RowFactory.create(day, SPLIT_2011, 3001L),
        RowFactory.create(day, MERGED_A_2011, 100L),
        RowFactory.create(day, MERGED_D_2011, 50L),
        RowFactory.create(day, NOT_A_CODE, 7L));
    Map<String, Long> byLsoa = new HashMap<>();
    for (Row row : vintage.population(SharedSpark.spark().createDataFrame(rows, POPULATION)).collectAsList()) {
      byLsoa.put(row.getAs(Columns.LSOA), row.getAs(Columns.COUNT));
    }
    assertEquals(Map.of(UNCHANGED, 1000L, SPLIT_PART_H, 1501L, SPLIT_PART_I, 1500L, MERGED_2021, 150L,
        NOT_A_CODE, 7L), byLsoa);
  }

  /** Through the product: 2011 referral codes against IoD 2025 deciles, counted by mapping, none lost. */
  @Test
  void referralsOfASplitLsoaAreSharedBetweenItsPartsAndCounted() {
    List<Row> deprivation = List.of(Rows.deprivation(SPLIT_PART_H, "E06000002", 1, 1),
        Rows.deprivation(SPLIT_PART_I, "E06000002", 2, 2), Rows.deprivation(MERGED_2021, "E06000001", 3, 3));
    List<Row> footprint = new ArrayList<>();
    for (Row d : deprivation) {
      footprint.add(Rows.footprint(d.getString(0), d.getString(1), "P1", "I1", "2000-01-01", OPEN));
    }
    List<Row> referrals = new ArrayList<>();
    int split = 200;
    for (int k = 0; k < split; k++) {
      referrals.add(Rows.referral("S" + k, "person-" + k, "wellbeing", "2023-05-10", SPLIT_2011));
    }
    referrals.add(Rows.referral("M1", "m1", "wellbeing", "2023-05-11", MERGED_A_2011));
    referrals.add(Rows.referral("M2", "m2", "wellbeing", "2023-05-12", MERGED_D_2011));
    referrals.add(Rows.referral("B1", "b1", "wellbeing", "2023-05-12", NOT_A_CODE));
    DeprivationInputs inputs = new DeprivationInputs(Rows.careEvents(List.of()), Rows.referrals(referrals),
        Rows.patients(List.of()), Rows.deprivation(deprivation), Rows.footprints(footprint), Optional.empty(),
        Optional.of(lookup));
    DeprivationResult result = ReferralDeprivation.compute(SharedSpark.spark(), inputs,
        new DeprivationOptions(YearMonth.of(2023, 5), YearMonth.of(2023, 5), false, 0.6, 1_000, 1));
    Map<String, Long> byMapping = new HashMap<>();
    for (Row row : result.lsoaResolution().where("service = 'all'").collectAsList()) {
      byMapping.put(row.getAs("lsoa_mapping"), row.getAs("referrals"));
    }
    assertEquals(Map.of("mapped_shared", (long) split, "mapped", 2L, "unmapped", 1L), byMapping);
    Map<Integer, Long> byDecile = new HashMap<>();
    for (Row row : result.referralDeprivation().where("period_type = 'month' AND geography_level = 'all' "
        + "AND service = 'all' AND quantile_type = 'decile'").collectAsList()) {
      byDecile.put(row.getAs("imd_decile"), row.getAs("referrals"));
    }
    long partH = byDecile.getOrDefault(1, 0L);
    long partI = byDecile.getOrDefault(2, 0L);
    assertEquals(split, partH + partI, "every referral of the split LSOA lands on one of its parts");
    // equal shares by a hash of person and date: binomial(200, 1/2) lies within 60-140 with certainty in practice
    assertTrue(partH >= 60 && partI >= 60, partH + " / " + partI);
    assertEquals(2L, byDecile.get(3), "both merged 2011 LSOAs reach the 2021 LSOA");
    assertEquals(1L, byDecile.get(null), "the unmapped code is an unknown-decile referral");
  }
}
