/**
 * ACLED's `region` for each country of the gazetteer (packs/world/countries.json), by ISO 3166
 * alpha-3. ACLED's regions follow the UN geoscheme with its own cuts: Sudan sits in Northern
 * Africa, Turkey and Iran in the Middle East, the Caucasus with Central Asia, Mexico in Central
 * America, Angola and Zambia in Southern Africa. Source: ACLED's published region lists
 * (public knowledge), written by hand for Marsad.
 */
const REGION_MEMBERS: Record<string, string> = {
  'Northern Africa': 'DZA EGY LBY MAR SDN TUN ESH',
  'Western Africa': 'BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN',
  'Middle Africa': 'CMR CAF TCD COG COD GNQ GAB STP',
  'Eastern Africa': 'BDI COM DJI ERI ETH KEN MUS MYT REU RWA SYC SOM SSD TZA UGA',
  'Southern Africa': 'AGO BWA SWZ LSO MDG MWI MOZ NAM ZAF ZMB ZWE',
  'Middle East': 'BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM',
  'Caucasus and Central Asia': 'ARM AZE GEO KAZ KGZ TJK TKM UZB',
  'South Asia': 'AFG BGD BTN IND MDV NPL PAK LKA IOT',
  'Southeast Asia': 'BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM CXR CCK',
  'East Asia': 'CHN HKG MAC JPN MNG PRK KOR TWN',
  Europe:
    'ALA ALB AND AUT BLR BEL BIH BGR HRV CYP CZE DNK EST FRO FIN FRA DEU GIB GRC GGY HUN ISL IRL IMN ITA JEY ' +
    'XKK LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SJM SWE CHE UKR GBR VAT',
  'North America': 'CAN USA BMU GRL SPM UMI',
  'Central America': 'MEX BLZ CRI SLV GTM HND NIC PAN',
  Caribbean:
    'AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA LCA MAF VCT SXM TTO TCA VIR',
  'South America': 'ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN',
  Oceania: 'ASM AUS COK FJI PYF GUM KIR MHL FSM NRU NCL NZL NIU NFK MNP PLW PNG PCN WSM SLB TKL TON TUV VUT WLF',
  Antarctica: 'ATA BVT ATF HMD SGS',
};

const REGION_BY_ISO3: ReadonlyMap<string, string> = new Map(
  Object.entries(REGION_MEMBERS).flatMap(([region, codes]) => codes.split(' ').map((iso3) => [iso3, region] as const)),
);

/** ACLED's region of a country, or '' for a code outside the table (the cell stays empty rather than guessed). */
export function acledRegion(iso3: string): string {
  return REGION_BY_ISO3.get(iso3) ?? '';
}

export const ACLED_REGIONS: readonly string[] = Object.keys(REGION_MEMBERS);
