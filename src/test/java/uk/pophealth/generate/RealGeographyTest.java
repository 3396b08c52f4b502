package uk.pophealth.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.testing.RefData;
import uk.pophealth.testing.SharedSpark;

/** Real geography: only real LSOA and practice codes, and Bassetlaw moving ICS on 1 July 2022. */
class RealGeographyTest {
  @TempDir
  Path out;

  @Test
  void usesOnlyRealCodesAndMovesBassetlaw() throws Exception {
    Path imd = RefData.require("imd2019_lsoa11/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv");
    Path epraccur = RefData.require("gp_practices/epraccur.csv");
    RefData.require(RealGeography.SUB_ICB_LOOKUP);
    RefData.require(RealGeography.CCG_LOOKUP);
    RefData.require(RealGeography.LIST_SIZES);
    Path refdata = SharedSpark.refdata();
    GenerateJob.run(SharedSpark.spark(), GeneratorOptions.fromCommandLine(new GeneratorOptions.CommandLine(
        out.toString(), 1500, 3, 0.0, "real", refdata, "csv", 48, 3, null)));
    GeneratedData data = new GeneratedData(out);

    Set<String> realLsoas = new HashSet<>();
    for (String line : Files.readAllLines(imd, StandardCharsets.UTF_8).subList(1, 32_845)) {
      realLsoas.add(GeneratedData.split(line.replace("\uFEFF", "")).get(0));
    }
    Set<String> realPractices = new HashSet<>();
    for (String line : Files.readAllLines(epraccur, StandardCharsets.ISO_8859_1)) {
      realPractices.add(GeneratedData.split(line).get(0));
    }
    for (Map<String, String> row : data.rows(GpPatients.NAME)) {
      assertTrue(realLsoas.contains(row.get(GpPatients.LSOA_CODE)), row.toString());
      assertTrue(realPractices.contains(row.get(GpPatients.PRACTICE_CODE)), row.toString());
    }
    for (Map<String, String> row : data.rows(GpEvents.NAME)) {
      assertTrue(realPractices.contains(row.get(GpEvents.PRACTICE_CODE)), row.toString());
    }
    for (Map<String, String> row : data.rows(ServiceReferrals.NAME)) {
      String lsoa = row.get(ServiceReferrals.LSOA_CODE);
      assertTrue(lsoa.isEmpty() || realLsoas.contains(lsoa), row.toString());
    }
    for (Map<String, String> row : data.rows(Practices.NAME)) {
      assertTrue(realPractices.contains(row.get(Practices.PRACTICE_CODE)), row.toString());
    }
    List<Map<String, String>> lsoas = data.rows(LsoaDeprivation.NAME);
    assertEquals(32_844, lsoas.size());
    lsoas.forEach(r -> assertTrue(realLsoas.contains(r.get(LsoaDeprivation.LSOA_CODE)), r.toString()));

    List<Map<String, String>> footprints = data.rows(Footprints.NAME);
    for (String org : List.of("02Q", "E07000171")) {
      List<Map<String, String>> rows = footprints.stream().filter(r -> r.get(Footprints.ORG_CODE).equals(org)).toList();
      assertEquals(2, rows.size(), org);
      Map<String, String> before = rows.stream().filter(r -> r.get(Footprints.EFFECTIVE_TO).equals("2022-06-30"))
          .findFirst().orElseThrow();
      Map<String, String> after = rows.stream().filter(r -> r.get(Footprints.EFFECTIVE_FROM).equals("2022-07-01"))
          .findFirst().orElseThrow();
      assertEquals("E54000009", before.get(Footprints.ICS_CODE), org);
      assertTrue(before.get(Footprints.ICS_NAME).contains("South Yorkshire and Bassetlaw"), before.toString());
      assertEquals("E54000060", after.get(Footprints.ICS_CODE), org);
      assertTrue(after.get(Footprints.ICS_NAME).contains("Nottingham"), after.toString());
    }
    JsonNode moved = data.truth().at("/footprint_change/moved");
    Set<String> movedCodes = new HashSet<>();
    moved.forEach(m -> movedCodes.add(m.get("org_code").asText()));
    assertTrue(movedCodes.containsAll(Set.of("02Q", "E07000171")), movedCodes.toString());
    data.truth().at("/acp_uptake/by_pcn").forEach(p -> assertTrue(p.get("pcn_code").asText().startsWith("UZ")));
  }

  /** England in miniature: --ics keeps that many ICBs whole, the two Bassetlaw moved between first. */
  @Test
  void keepsTheFirstIcbsWithBassetlawsMove() throws Exception {
    RefData.require(RealGeography.SUB_ICB_LOOKUP);
    RefData.require(RealGeography.CCG_LOOKUP);
    RefData.require(RealGeography.EPRACCUR);
    RefData.require(RealGeography.LIST_SIZES);
    GenerateJob.run(SharedSpark.spark(), GeneratorOptions.fromCommandLine(new GeneratorOptions.CommandLine(
        out.toString(), 1500, 3, 0.0, "real", SharedSpark.refdata(), "csv", 48, 3, 3)));
    GeneratedData data = new GeneratedData(out);
    Set<String> current = new HashSet<>();
    for (Map<String, String> row : data.rows(Footprints.NAME)) {
      if (row.get(Footprints.EFFECTIVE_TO).isEmpty()) {
        current.add(row.get(Footprints.ICS_CODE));
      }
    }
    assertEquals(3, current.size(), current.toString());
    assertTrue(current.containsAll(Set.of("E54000060", "E54000061")), current.toString());
    List<Map<String, String>> lsoas = data.rows(LsoaDeprivation.NAME);
    assertTrue(lsoas.size() > 1000 && lsoas.size() < 5000, lsoas.size() + " LSOAs in three ICBs");
    assertEquals(3, data.truth().at("/parameters/ics").asInt());
    assertTrue(data.truth().at("/footprint_change/moved").size() >= 2);
  }
}
