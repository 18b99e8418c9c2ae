import { getDistricts, getProvinces, getRegencies } from 'idn-area-data';
import { cumulative } from './prng';

/** Where demo applicants live: real province, regency and district codes from idn-area-data. */
export interface DemoRegency {
  /** 4 digits, as DESIGN 4 writes regency_code (`3273`). */
  code: string;
  provinceCode: string;
  /** 6-digit district codes (`327301`), the first six digits of a NIK. */
  districts: string[];
}

export interface DemoProvince {
  code: string;
  name: string;
  regencies: DemoRegency[];
}

export interface DemoRegions {
  provinces: DemoProvince[];
  /** Cumulative population weights over `provinces`, for pickWeighted. */
  provinceWeights: Float64Array;
  /** Two-digit codes that are not provinces, for deliberately invalid NIKs. */
  nonProvinceCodes: string[];
}

/** Approximate population in millions (BPS, 2020s): applicants follow people. */
const POPULATION: Record<string, number> = {
  '11': 5.5, '12': 15.4, '13': 5.6, '14': 6.6, '15': 3.6, '16': 8.7, '17': 2.1, '18': 9.2, '19': 1.5, '21': 2.1,
  '31': 10.7, '32': 49.9, '33': 37.5, '34': 3.7, '35': 41.4, '36': 12.3, '51': 4.4, '52': 5.5, '53': 5.5,
  '61': 5.6, '62': 2.7, '63': 4.2, '64': 3.9, '65': 0.7, '71': 2.7, '72': 3.1, '73': 9.2, '74': 2.7, '75': 1.2,
  '76': 1.5, '81': 1.9, '82': 1.3, '91': 1.0, '92': 0.6, '93': 0.5, '94': 1.4, '95': 1.4, '96': 0.6,
};

let cached: Promise<DemoRegions> | null = null;

export function loadDemoRegions(): Promise<DemoRegions> {
  cached ??= buildRegions().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

const digits = (code: string) => code.replace(/\./g, '');
const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

async function buildRegions(): Promise<DemoRegions> {
  const [provinceRows, regencyRows, districtRows] = await Promise.all([getProvinces(), getRegencies(), getDistricts()]);
  const districtsByRegency = new Map<string, string[]>();
  for (const d of districtRows) {
    if (!d.code) continue;
    const key = digits(d.regency_code);
    const list = districtsByRegency.get(key) ?? [];
    list.push(digits(d.code));
    districtsByRegency.set(key, list);
  }
  const regenciesByProvince = new Map<string, DemoRegency[]>();
  for (const r of regencyRows) {
    if (!r.code) continue;
    const code = digits(r.code);
    const districts = (districtsByRegency.get(code) ?? []).sort();
    if (districts.length === 0) continue;
    const list = regenciesByProvince.get(r.province_code) ?? [];
    list.push({ code, provinceCode: r.province_code, districts });
    regenciesByProvince.set(r.province_code, list);
  }
  const provinces = provinceRows
    .filter((p) => p.code && regenciesByProvince.has(p.code))
    .map((p) => ({ code: p.code, name: p.name, regencies: (regenciesByProvince.get(p.code) ?? []).sort(byCode) }))
    .sort(byCode);
  const real = new Set(provinces.map((p) => p.code));
  const nonProvinceCodes = ['00', '10', '20', '22', '30', '37', '40', '45', '50', '55', '60', '68', '70', '79', '80', '88', '90', '97', '99'].filter((c) => !real.has(c));
  return {
    provinces,
    provinceWeights: cumulative(provinces.map((p) => POPULATION[p.code] ?? 1)),
    nonProvinceCodes,
  };
}
