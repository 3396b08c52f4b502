package uk.pophealth.geography;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.pophealth.schema.InputTables.Footprints;
import uk.pophealth.schema.InputTables.PcnMembership;

/**
 * Intersects practice -> sub-ICB (practices), practice -> PCN (pcn_membership) and sub-ICB -> place/ICS
 * (footprints) into one chain per interval in which all of it is constant. A practice's life is the union of its
 * practices intervals; within it, days without a PCN or without a footprint for its sub-ICB are kept (those
 * columns empty, so the practice still counts towards what is known) and reported as footprint_gap when they
 * fall within the period the table at fault covers.
 */
final class PracticeChains {
  private PracticeChains() {}

  /** The periods pcn_membership and the sub-ICB footprints cover; gaps are reported only within them. */
  record Coverage(DateSpan pcnMembership, DateSpan subIcbFootprints) {}

  static Map<String, List<Dated<PracticeChain>>> build(Map<String, Timeline<PracticeLink>> practices,
      Map<String, Timeline<PcnLink>> pcns, Map<String, Timeline<Footprint>> subIcbFootprints,
      Coverage coverage, FindingCollector findings) {
    Map<String, List<Dated<PracticeChain>>> chains = new TreeMap<>();
    for (Map.Entry<String, Timeline<PracticeLink>> practice : practices.entrySet()) {
      String code = practice.getKey();
      Timeline<PcnLink> pcn = pcns.getOrDefault(code, Timeline.empty());
      List<Dated<PracticeChain>> pieces = new ArrayList<>();
      for (Dated<PracticeLink> life : practice.getValue().segments()) {
        String subIcb = life.value().subIcbCode();
        Timeline<Footprint> footprint = subIcbFootprints.getOrDefault(subIcb, Timeline.empty());
        for (Dated<PcnLink> member : pcn.over(life.span())) {
          if (member.isGap()) {
            findings.gap(PcnMembership.NAME, code, member.span(), coverage.pcnMembership());
          }
          for (Dated<Footprint> where : footprint.over(member.span())) {
            if (where.isGap()) {
              findings.gap(Footprints.NAME, Footprints.ORG_TYPE_SUB_ICB + " " + subIcb, where.span(),
                  coverage.subIcbFootprints());
            }
            pieces.add(new Dated<>(where.span(), new PracticeChain(life.value(), member.value(), where.value())));
          }
        }
      }
      chains.put(code, Timeline.coalesce(pieces));
    }
    return chains;
  }
}
