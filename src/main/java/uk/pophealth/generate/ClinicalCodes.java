package uk.pophealth.generate;

import java.util.List;
import uk.pophealth.schema.InputTables.Codelists;

/**
 * The codelists the generator writes and draws events from: SNOMED CT dementia diagnoses (members of the NHS
 * DEM_COD refset), advance / end-of-life care plan codes, and a few common non-target codes used as noise.
 */
final class ClinicalCodes {
  record Code(String codelist, String code, String term, double weight) {}

  static final List<Code> DEMENTIA = List.of(
      new Code(Codelists.DEMENTIA, "52448006", "Dementia", 40),
      new Code(Codelists.DEMENTIA, "26929004", "Alzheimer's disease", 30),
      new Code(Codelists.DEMENTIA, "429998004", "Vascular dementia", 15),
      new Code(Codelists.DEMENTIA, "56267009", "Multi-infarct dementia", 4),
      new Code(Codelists.DEMENTIA, "230270009", "Frontotemporal dementia", 3),
      new Code(Codelists.DEMENTIA, "312991009", "Senile dementia of the Lewy body type", 5),
      new Code(Codelists.DEMENTIA, "15662003", "Senile dementia", 3));

  static final List<Code> ACP = List.of(
      new Code(Codelists.ACP, "1095151000000107", "Has end of life advance care plan", 50),
      new Code(Codelists.ACP, "713673000", "Has end of life care plan", 35),
      new Code(Codelists.ACP, "736366004", "Advance care plan", 15));

  static final List<Code> NOISE = List.of(
      new Code("hypertension", "38341003", "Hypertensive disorder", 30),
      new Code("diabetes", "44054006", "Type 2 diabetes mellitus", 15),
      new Code("asthma", "195967001", "Asthma", 15),
      new Code("copd", "13645005", "Chronic obstructive lung disease", 8),
      new Code("atrial_fibrillation", "49436004", "Atrial fibrillation", 8),
      new Code("depression", "35489007", "Depressive disorder", 14),
      new Code("anaemia", "271737000", "Anaemia", 10));

  static final List<Code> ALL = concat(DEMENTIA, ACP, NOISE);

  private ClinicalCodes() {}

  @SafeVarargs
  private static List<Code> concat(List<Code>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }

  static String[] codes(List<Code> list) {
    return list.stream().map(Code::code).toArray(String[]::new);
  }

  static double[] cumulativeWeights(List<Code> list) {
    return Rng.cumulative(list.stream().mapToDouble(Code::weight).toArray());
  }
}
