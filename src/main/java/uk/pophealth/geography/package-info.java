/**
 * Effective-dated geography: practice -> PCN -> sub-ICB location -> place -> ICS (registered population) and
 * LSOA -> district -> place -> ICS (resident population).
 *
 * <p>Entry point: {@link uk.pophealth.geography.FootprintResolver#build}. Rules it follows:
 * <ul>
 *   <li>effective_from and effective_to are inclusive; an empty effective_to is open-ended.</li>
 *   <li>Overlaps (two mappings of one organisation in force on a day) resolve to the mapping with the latest
 *       effective_from (then the later effective_to, then the greater value), so every day has one chain and no
 *       person is counted twice; each is reported as {@code footprint_overlap}.</li>
 *   <li>Gaps (a day in a practice's life without a PCN or without a footprint for its sub-ICB; a district of an
 *       LSOA without a footprint) are reported as {@code footprint_gap}, counting only days within the period
 *       the table at fault covers. Gapped practice days stay in the practice hierarchy with empty columns;
 *       gapped LSOA days are absent from the LSOA hierarchy.</li>
 *   <li>Facts map to the chain in force on their date, or with {@code rebase_to_current_footprint} to the chain
 *       in force on the last day of the last period (a closed practice keeps its last chain).</li>
 * </ul>
 */
package uk.pophealth.geography;
