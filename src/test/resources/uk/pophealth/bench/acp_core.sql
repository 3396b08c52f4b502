-- The ACP uptake core as DuckDB SQL: dementia register and ACP counts per practice, PCN, place and ICS at every
-- month end from ${first_month} to ${last_month}, over the canonical Parquet inputs under ${dir}.
-- The same semantics as uk.pophealth.cohort.DementiaRegister (no ACP look-back) and the footprint in force at
-- each month end as uk.pophealth.geography.FootprintResolver builds it:
--   on the register at m: registered on m (start <= m, end empty or >= m), alive on m (died on m = not counted),
--   a dementia code on or before m; with ACP: an ACP code on or before m, also before the diagnosis;
--   overlapping registrations count once, at the latest registration start (then the smaller practice code);
--   the practice's sub-ICB (practices), PCN (pcn_membership) and the sub-ICB's place and ICS (footprints) are
--   each the mapping in force on m with the latest effective_from (then the later effective_to); a practice
--   without a practices row on m has no PCN, place or ICS; a missing mapping counts as 'unknown'.
WITH
codes AS (
  SELECT DISTINCT codelist, code
  FROM read_parquet('${dir}/codelists/*.parquet')
  WHERE codelist IN ('dementia', 'acp')),
firsts AS (
  SELECT e.person_id,
         min(e.event_date::DATE) FILTER (WHERE c.codelist = 'dementia') AS dementia_date,
         min(e.event_date::DATE) FILTER (WHERE c.codelist = 'acp') AS acp_date
  FROM read_parquet('${dir}/gp_events/*.parquet') e
  JOIN codes c ON e.snomed_code = c.code
  GROUP BY e.person_id),
months AS (
  SELECT last_day(m)::DATE AS period_end
  FROM generate_series(DATE '${first_month}', DATE '${last_month}', INTERVAL 1 MONTH) t(m)),
episodes AS (
  SELECT p.person_id, p.practice_code, p.registration_start::DATE AS registration_start, f.acp_date,
         greatest(p.registration_start::DATE, f.dementia_date) AS from_date,
         least(coalesce(p.registration_end::DATE, DATE '9999-12-31'),
               coalesce(p.date_of_death::DATE - 1, DATE '9999-12-31')) AS to_date
  FROM read_parquet('${dir}/gp_patients/*.parquet') p
  JOIN firsts f ON f.person_id = p.person_id
  WHERE f.dementia_date IS NOT NULL),
register AS (
  SELECT e.person_id, m.period_end, e.practice_code,
         coalesce(e.acp_date <= m.period_end, false) AS has_acp
  FROM episodes e
  JOIN months m ON m.period_end >= e.from_date AND m.period_end <= e.to_date
  QUALIFY row_number() OVER (PARTITION BY e.person_id, m.period_end
                             ORDER BY e.registration_start DESC, e.practice_code) = 1),
keys AS (
  SELECT DISTINCT practice_code, period_end FROM register),
practice_at AS (
  SELECT k.practice_code, k.period_end, pr.sub_icb_code
  FROM keys k
  JOIN read_parquet('${dir}/practices/*.parquet') pr
    ON pr.practice_code = k.practice_code AND pr.effective_from::DATE <= k.period_end
   AND (pr.effective_to IS NULL OR pr.effective_to::DATE >= k.period_end)
  QUALIFY row_number() OVER (PARTITION BY k.practice_code, k.period_end
      ORDER BY pr.effective_from::DATE DESC, coalesce(pr.effective_to::DATE, DATE '9999-12-31') DESC,
               pr.practice_name DESC, pr.sub_icb_code DESC) = 1),
pcn_at AS (
  SELECT k.practice_code, k.period_end, pm.pcn_code
  FROM keys k
  JOIN read_parquet('${dir}/pcn_membership/*.parquet') pm
    ON pm.practice_code = k.practice_code AND pm.effective_from::DATE <= k.period_end
   AND (pm.effective_to IS NULL OR pm.effective_to::DATE >= k.period_end)
  QUALIFY row_number() OVER (PARTITION BY k.practice_code, k.period_end
      ORDER BY pm.effective_from::DATE DESC, coalesce(pm.effective_to::DATE, DATE '9999-12-31') DESC,
               pm.pcn_code DESC, pm.pcn_name DESC) = 1),
footprint_at AS (
  SELECT pa.practice_code, pa.period_end, fp.place_code, fp.ics_code
  FROM practice_at pa
  JOIN read_parquet('${dir}/footprints/*.parquet') fp
    ON fp.org_type = 'sub_icb' AND fp.org_code = pa.sub_icb_code AND fp.effective_from::DATE <= pa.period_end
   AND (fp.effective_to IS NULL OR fp.effective_to::DATE >= pa.period_end)
  QUALIFY row_number() OVER (PARTITION BY pa.practice_code, pa.period_end
      ORDER BY fp.effective_from::DATE DESC, coalesce(fp.effective_to::DATE, DATE '9999-12-31') DESC,
               fp.place_code DESC, fp.place_name DESC) = 1),
chain AS (
  SELECT k.practice_code, k.period_end,
         CASE WHEN pa.practice_code IS NULL THEN NULL ELSE pc.pcn_code END AS pcn_code,
         fa.place_code, fa.ics_code
  FROM keys k
  LEFT JOIN practice_at pa ON pa.practice_code = k.practice_code AND pa.period_end = k.period_end
  LEFT JOIN pcn_at pc ON pc.practice_code = k.practice_code AND pc.period_end = k.period_end
  LEFT JOIN footprint_at fa ON fa.practice_code = k.practice_code AND fa.period_end = k.period_end),
placed AS (
  SELECT r.period_end, r.has_acp, r.practice_code,
         coalesce(c.pcn_code, 'unknown') AS pcn_code,
         coalesce(c.place_code, 'unknown') AS place_code,
         coalesce(c.ics_code, 'unknown') AS ics_code
  FROM register r
  JOIN chain c ON c.practice_code = r.practice_code AND c.period_end = r.period_end)
SELECT period_end,
       CASE WHEN GROUPING(practice_code) = 0 THEN 'practice'
            WHEN GROUPING(pcn_code) = 0 THEN 'pcn'
            WHEN GROUPING(place_code) = 0 THEN 'place'
            ELSE 'ics' END AS geography_level,
       coalesce(practice_code, pcn_code, place_code, ics_code) AS geography_code,
       count(*) AS register,
       count(*) FILTER (WHERE has_acp) AS with_acp
FROM placed
GROUP BY GROUPING SETS ((period_end, practice_code), (period_end, pcn_code), (period_end, place_code),
                        (period_end, ics_code))
ORDER BY period_end, geography_level, geography_code
