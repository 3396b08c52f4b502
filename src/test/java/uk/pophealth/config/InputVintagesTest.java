package uk.pophealth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

/** The dated-vintages form of an input in job.yaml: read, paths resolved, and every malformed form refused by name. */
class InputVintagesTest {
  private static final String VINTAGE_2021 =
      "    - {path: ccg21.csv, layout: ons_lsoa11_ccg21_stp21, valid_from: 2021-04-01, valid_to: 2022-06-30}";
  private static final String VINTAGE_2022 =
      "    - {path: sicbl22.csv, layout: ons_lsoa11_sicbl22_icb22, valid_from: 2022-07-01}";

  @TempDir Path dir;

  private JobConfig load(String... footprintLines) throws Exception {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, "inputs:\n  practices: {path: practices.csv}\n  footprints:\n"
        + String.join("\n", footprintLines) + "\n");
    return JobConfigLoader.load(file);
  }

  private PopHealthException refused(String... footprintLines) {
    PopHealthException e = assertThrows(PopHealthException.class, () -> load(footprintLines));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    return e;
  }

  @Test
  void vintagesAreReadInDateOrderWithTheirPathsResolved() throws Exception {
    JobConfig config = load("    vintages:", VINTAGE_2022, VINTAGE_2021);
    InputSpec footprints = config.input("footprints");
    List<InputSpec> sources = footprints.sources();
    assertEquals(List.of(dir.resolve("ccg21.csv").toString(), dir.resolve("sicbl22.csv").toString()),
        footprints.paths());
    assertEquals(List.of("ons_lsoa11_ccg21_stp21", "ons_lsoa11_sicbl22_icb22"),
        sources.stream().map(InputSpec::layout).toList());
    assertEquals(LocalDate.parse("2021-04-01"), sources.get(0).validFromDate());
    assertEquals(LocalDate.parse("2022-06-30"), sources.get(0).validToDate());
    assertEquals(null, sources.get(1).validToDate());
    assertEquals("csv", sources.get(1).format());
    // The single-spec form is unchanged: one source, itself, canonical and undated.
    InputSpec practices = config.input("practices");
    assertEquals(List.of(practices), practices.sources());
    assertEquals(InputSpec.CANONICAL, practices.layout());
    assertEquals(null, practices.validFromDate());
  }

  @Test
  void theReadmeExampleLoads() throws Exception {
    InputSpec spec = load("    vintages:",
        "      - {path: refdata/lookup_lsoa11_ccg21_stp21_ltla21.csv, layout: ons_lsoa11_ccg21_stp21,",
        "         valid_from: 2021-04-01, valid_to: 2022-06-30}",
        "      - {path: refdata/lookup_lsoa11_sicbl22_icb22_ltla22.csv, layout: ons_lsoa11_sicbl22_icb22,",
        "         valid_from: 2022-07-01}").input("footprints");
    assertEquals(List.of(LocalDate.parse("2021-04-01"), LocalDate.parse("2022-07-01")),
        spec.sources().stream().map(InputSpec::validFromDate).toList());
  }

  @Test
  void aSingleSpecWithValidFromIsAnInputOfOneVintage() throws Exception {
    InputSpec spec = load("    {path: icb24.csv, layout: ons_lsoa21_icb24, valid_from: 2024-04-01}").input("footprints");
    assertEquals(List.of(dir.resolve("icb24.csv").toString()), spec.paths());
    assertEquals(LocalDate.parse("2024-04-01"), spec.validFromDate());
  }

  @Test
  void overlappingVintagesAreRefusedNamingBothAndTheFirstSharedDay() {
    PopHealthException e = refused("    vintages:", VINTAGE_2021,
        "    - {path: sicbl22.csv, layout: ons_lsoa11_sicbl22_icb22, valid_from: 2022-06-30}");
    // Paths as written in the file: the form is checked as the file is read.
    assertEquals("Cannot read input footprints: vintages overlap; ccg21.csv (2021-04-01..2022-06-30) and sicbl22.csv "
        + "(2022-06-30..) are both in force on 2022-06-30", e.getMessage());
    PopHealthException openEnded = refused("    vintages:",
        "    - {path: ccg21.csv, layout: ons_lsoa11_ccg21_stp21, valid_from: 2021-04-01}", VINTAGE_2022);
    assertEquals("Cannot read input footprints: vintages overlap; ccg21.csv (2021-04-01..) and sicbl22.csv "
        + "(2022-07-01..) are both in force on 2022-07-01", openEnded.getMessage());
  }

  @Test
  void missingOrBadDatesAreRefusedNamingTheValue() {
    assertEquals("Cannot read input footprints: vintage 2 has no valid_from, the first day it is in force "
        + "(sicbl22.csv)", refused("    vintages:", VINTAGE_2021,
        "    - {path: sicbl22.csv, layout: ons_lsoa11_sicbl22_icb22}").getMessage());
    assertEquals("Cannot read valid_to of ccg21.csv: expected a date yyyy-MM-dd (2022-06-31)", refused("    vintages:",
        "    - {path: ccg21.csv, layout: ons_lsoa11_ccg21_stp21, valid_from: 2021-04-01, valid_to: 2022-06-31}")
        .getMessage());
    assertEquals("Cannot read input footprints: valid_to is before valid_from (2022-07-01..2022-06-30)",
        refused("    vintages:", "    - {path: x.csv, layout: ons_lsoa11_ccg21_stp21, valid_from: 2022-07-01, "
            + "valid_to: 2022-06-30}").getMessage());
    assertEquals("Cannot read input footprints: valid_to needs a valid_from (icb24.csv)",
        refused("    {path: icb24.csv, layout: ons_lsoa21_icb24, valid_to: 2024-04-01}").getMessage());
  }

  @Test
  void mixedOrIncompleteFormsAreRefused() {
    assertEquals("Cannot read input footprints: give either a path or vintages, not both (footprints.csv)",
        refused("    path: footprints.csv", "    vintages:", VINTAGE_2021).getMessage());
    assertEquals("Cannot read input footprints: format, layout, valid_from and valid_to go on each vintage, not "
        + "beside vintages (ons_lsoa11_ccg21_stp21)",
        refused("    layout: ons_lsoa11_ccg21_stp21", "    vintages:", VINTAGE_2021).getMessage());
    assertEquals("Cannot read input footprints: vintage 1 has no path (valid_from 2021-04-01)",
        refused("    vintages:", "    - {layout: ons_lsoa11_ccg21_stp21, valid_from: 2021-04-01}").getMessage());
    assertEquals("Cannot read input footprints: two vintages read the same path (x.csv)", refused("    vintages:",
        "    - {path: x.csv, layout: ons_lsoa11_ccg21_stp21, valid_from: 2021-04-01, valid_to: 2022-06-30}",
        "    - {path: x.csv, layout: ons_lsoa11_sicbl22_icb22, valid_from: 2022-07-01}").getMessage());
    assertEquals("Cannot read input footprints: give a path, or vintages with a path each (no path)",
        refused("    {format: csv}").getMessage());
  }
}
