/**
 * Referral deprivation spread (issue 6): {@link uk.pophealth.deprivation.ReferralDeprivation#compute} turns
 * ingested referrals, GP registrations, IMD by LSOA, an effective-dated LSOA footprint and (optionally) ONS
 * population into three tables declared in {@link uk.pophealth.schema.OutputTables}: ReferralDeprivation,
 * ReferralInequality and ReferralLsoaResolution (publish each with its {@code TABLE}).
 *
 * <p>Choices, for the analyst:
 * <ul>
 *   <li>Services: an adult social care Request counts under {@code asc_request} and {@code asc_request:<route>};
 *       a service referral under its own service; every referral once under {@code all}.</li>
 *   <li>LSOA of residence: the referral's own, else the GP-registered LSOA on the referral date (latest start among
 *       registrations in force that carry an LSOA), else unresolved: counted in the empty-decile rows and in
 *       referral_lsoa_resolution, never dropped.</li>
 *   <li>Periods: month, calendar quarter (= NHS financial quarters), April-March financial year; a period the
 *       range covers in part says how many months in {@code months_covered}.</li>
 *   <li>Geography: the footprint in force on the referral date, so a referral before a footprint change counts in
 *       the old ICS and one after it in the new. Population is taken on the period start date, on the footprint
 *       in force then.</li>
 *   <li>Population: ONS by LSOA (latest year no later than the period's start year) when given, else people
 *       registered with a GP on the period start date, alive, once each.</li>
 *   <li>Deprivation: national IMD decile from lsoa_deprivation, quintile = ceil(decile / 2); with local deciles on,
 *       also deciles and quintiles re-ranked within each ICS (phe_quantile), as imd_basis ics_local.</li>
 *   <li>IMD vintage: the footprint is on lsoa_deprivation's LSOA vintage (2011 for IMD 2019, 2021 for IoD 2025);
 *       referral, GP and population codes of the other vintage go through the ONS LSOA 2011-2021 lookup when it is
 *       given ({@code DeprivationInputs.lsoaLookup}): exact where one code corresponds, shared equally among the
 *       codes of a split or merge, and counted as unmapped (unknown decile) where none does
 *       ({@code referral_lsoa_resolution.lsoa_mapping}).</li>
 *   <li>SII/RII: phe_sii on the ten deciles' rates per 1,000 from counts (RATE, untransformed), seeded; SII is the
 *       least minus the most deprived end, so it is negative when referrals concentrate in deprived areas. Groups
 *       with a decile lacking population or referrals get no SII and a {@code sii_status} saying why.</li>
 * </ul>
 */
package uk.pophealth.deprivation;
