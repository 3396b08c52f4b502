package uk.pophealth.geography;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.pophealth.geography.Fixtures.district;
import static uk.pophealth.geography.Fixtures.frame;
import static uk.pophealth.geography.Fixtures.inputs;
import static uk.pophealth.geography.Fixtures.lsoa;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_GAP;
import static uk.pophealth.schema.DataQualityTable.FOOTPRINT_OVERLAP;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.GeographyTables.LsoaHierarchy;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.InputTables.LsoaDistricts;
import uk.pophealth.testing.SharedSpark;

/**
 * An lsoa_districts lookup replaces lsoa_deprivation's lad_code as the LSOA -> district link. The deprivation file
 * places E1..E4 in an old district L9 that has no footprint; the lookup places E1..E3 in L1 (E3 also in L2), has
 * no row for E4, and has a Welsh LSOA W1 the job does not know.
 */
class LsoaDistrictLinksTest {
  private static final List<Row> DEPRIVATION =
      List.of(lsoa("E1", "L9"), lsoa("E2", "L9"), lsoa("E3", "L9"), lsoa("E4", "L9"));
  private static final List<Row> FOOTPRINTS =
      List.of(district("L1", "P1", "X", "2020-01-01", null), district("L2", "P2", "X", "2020-01-01", null));
  private static final List<Row> LOOKUP = List.of(RowFactory.create("E1", "L1"), RowFactory.create("E2", "L1"),
      RowFactory.create("E3", "L1"), RowFactory.create("E3", "L2"), RowFactory.create("W1", "W9"));

  @Test
  void withoutTheLookupTheDeprivationFilesDistrictsAreUsed() {
    FootprintResolver resolver = FootprintResolver.build(SharedSpark.spark(),
        inputs(List.of(), List.of(), FOOTPRINTS, DEPRIVATION));
    assertEquals(List.of(
        new FootprintFinding("footprints", FOOTPRINT_GAP, 2, 2, 0, 1, "lad L9 has no footprint")),
        resolver.findings());
    assertEquals(List.of(), hierarchy(resolver));
  }

  @Test
  void theLookupPlacesTheJobsLsoasAndReportsThoseItLacksOrSplits() {
    FootprintResolver resolver = FootprintResolver.build(SharedSpark.spark(), withLookup(DEPRIVATION));
    // W1 is not one of the job's LSOAs: its district W9, which has no footprint, is no finding.
    assertEquals(List.of(
        new FootprintFinding(LsoaDistricts.NAME, FOOTPRINT_GAP, 5, 5, 0, 1, "lsoa E4 has no district"),
        new FootprintFinding(LsoaDistricts.NAME, FOOTPRINT_OVERLAP, 5, 5, 0, 1,
            "E3 in 2 districts (L1..L2), kept L1")),
        resolver.findings());
    assertEquals(List.of("E1 L1 P1 X", "E2 L1 P1 X", "E3 L1 P1 X"), hierarchy(resolver));
  }

  @Test
  void withNoDeprivationRowsEveryLookupLsoaIsPlaced() {
    FootprintResolver resolver = FootprintResolver.build(SharedSpark.spark(), withLookup(List.of()));
    assertEquals(List.of(
        new FootprintFinding("footprints", FOOTPRINT_GAP, 2, 2, 0, 1, "lad W9 has no footprint"),
        new FootprintFinding(LsoaDistricts.NAME, FOOTPRINT_OVERLAP, 5, 5, 0, 1,
            "E3 in 2 districts (L1..L2), kept L1")),
        resolver.findings());
    assertEquals(List.of("E1 L1 P1 X", "E2 L1 P1 X", "E3 L1 P1 X"), hierarchy(resolver));
  }

  private static GeographyInputs withLookup(List<Row> deprivation) {
    GeographyInputs plain = inputs(List.of(), List.of(), FOOTPRINTS, deprivation);
    return new GeographyInputs(plain.practices(), plain.pcnMembership(), plain.footprints(), plain.lsoaDeprivation(),
        Optional.of(frame(LsoaDistricts.TABLE.schema(), LOOKUP)));
  }

  private static List<String> hierarchy(FootprintResolver resolver) {
    return resolver.lsoaHierarchy().orderBy(LsoaHierarchy.LSOA_CODE).collectAsList().stream()
        .map(r -> r.getAs(LsoaHierarchy.LSOA_CODE) + " " + r.getAs(LsoaHierarchy.LAD_CODE) + " "
            + r.getAs(GeographyTables.PLACE_CODE) + " " + r.getAs(GeographyTables.ICS_CODE))
        .toList();
  }
}
