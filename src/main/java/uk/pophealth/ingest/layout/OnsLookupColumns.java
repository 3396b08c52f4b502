package uk.pophealth.ingest.layout;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one vintage of the ONS LSOA -> sub-ICB location -> ICB (and district) lookup, as published on
 * the ONS Open Geography Portal (and packaged by humaniverse/geographr). Codes are the ONS nine-character codes
 * (E38 sub-ICB / CCG, E54 ICB / STP) unless the vintage's name says NHS codes (e.g. 02Q, QT1), which match the
 * ODS files (epraccur's commissioner). The 2021 lookup publishes ONS codes only.
 *
 * @param id the layout name, e.g. ons_lsoa11_sicbl22_icb22
 * @param districtCode the district (LTLA) column, or null when the vintage has none (lsoa21 -> icb24)
 */
public record OnsLookupColumns(String id, String lsoaCode, String subIcbCode, String subIcbName, String icsCode,
    String icsName, String districtCode) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** lookup_lsoa11_ccg21_stp21_ltla21: CCGs and STPs as at April 2021 (valid until 2022-06-30). */
  public static final OnsLookupColumns CCG21_STP21 = new OnsLookupColumns("ons_lsoa11_ccg21_stp21",
      "lsoa11_code", "ccg21_code", "ccg21_name", "stp21_code", "stp21_name", "ltla21_code");
  /** lookup_lsoa11_sicbl22_icb22_ltla22: sub-ICB locations and ICBs from 2022-07-01, ONS codes. */
  public static final OnsLookupColumns SICBL22_ICB22 = new OnsLookupColumns("ons_lsoa11_sicbl22_icb22",
      "lsoa11_code", "sicbl22_code", "sicbl22_name", "icb22_code", "icb22_name", "ltla22_code");
  /** The same 2022 lookup with NHS (ODS) codes for the sub-ICB location and the ICB. */
  public static final OnsLookupColumns SICBL22_ICB22_NHS_CODES = new OnsLookupColumns(
      "ons_lsoa11_sicbl22_icb22_nhs_codes", "lsoa11_code", "sicbl22_code_h", "sicbl22_name", "icb22_code_h",
      "icb22_name", "ltla22_code");
  /** lookup_lsoa21_icb24 (LSOA 2021 geography), ONS codes; it has no district column. */
  public static final OnsLookupColumns ICB24 = new OnsLookupColumns("ons_lsoa21_icb24",
      "lsoa21_code", "sicbl24_code", "sicbl24_name", "icb24_code", "icb24_name", null);
  /** lookup_lsoa21_icb24 with NHS (ODS) codes. */
  public static final OnsLookupColumns ICB24_NHS_CODES = new OnsLookupColumns("ons_lsoa21_icb24_nhs_codes",
      "lsoa21_code", "sicbl24_code_nhs", "sicbl24_name", "icb24_code_nhs", "icb24_name", null);

  public static final List<OnsLookupColumns> ALL =
      List.of(CCG21_STP21, SICBL22_ICB22, SICBL22_ICB22_NHS_CODES, ICB24, ICB24_NHS_CODES);

  public OnsLookupColumns {
    requireNonNull(id, "id is null");
    requireNonNull(lsoaCode, "lsoaCode is null");
    requireNonNull(subIcbCode, "subIcbCode is null");
    requireNonNull(subIcbName, "subIcbName is null");
    requireNonNull(icsCode, "icsCode is null");
    requireNonNull(icsName, "icsName is null");
  }

  public boolean hasDistrict() {
    return districtCode != null;
  }

  /** Every column the layout reads from the published file. */
  public List<String> required() {
    List<String> columns = new ArrayList<>(List.of(lsoaCode, subIcbCode, subIcbName, icsCode, icsName));
    if (hasDistrict()) {
      columns.add(districtCode);
    }
    return List.copyOf(columns);
  }
}
