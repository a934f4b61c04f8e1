/**
 * Country names → one English short name per country ("Korea, Republic of" → "South Korea").
 * Recognition uses the i18n-iso-countries tables (official names and aliases) plus the
 * spellings ClinicalTrials.gov uses; display names come from the runtime's Intl data.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

const display = new Intl.DisplayNames(['en'], { type: 'region' });

/** Short names where Intl's are awkward for a trial list. */
const SHORT: Record<string, string> = {
  HK: 'Hong Kong',
  MO: 'Macao',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  PS: 'Palestine',
  MM: 'Myanmar',
  CI: "Côte d'Ivoire",
  BA: 'Bosnia and Herzegovina',
};

/** Spellings seen in registries that the tables do not know. */
const ALIASES: Record<string, string> = {
  'iran, islamic republic of': 'IR',
  'viet nam': 'VN',
  'congo, the democratic republic of the': 'CD',
  'macedonia, the former yugoslav republic of': 'MK',
  'korea, democratic people\'s republic of': 'KP',
  'taiwan, province of china': 'TW',
  'former serbia and montenegro': 'RS',
  'palestinian territory, occupied': 'PS',
  'palestinian territories': 'PS',
  'usa': 'US',
  'u.s.a.': 'US',
  'u.s.': 'US',
  'uk': 'GB',
  'england': 'GB',
  'scotland': 'GB',
  'wales': 'GB',
  'northern ireland': 'GB',
  'prc': 'CN',
  "people's republic of china": 'CN',
  'republic of korea': 'KR',
  'south korea': 'KR',
  'czech republic': 'CZ',
  'turkey': 'TR',
  'türkiye': 'TR',
};

const byIntlName = new Map<string, string>();
for (const code of Object.keys(countries.getAlpha2Codes())) {
  const name = display.of(code);
  if (name) byIntlName.set(name.toLowerCase(), code);
  if (SHORT[code]) byIntlName.set(SHORT[code].toLowerCase(), code);
}

/** The ISO 3166-1 alpha-2 code of a country name, or null. */
export function countryCode(name: string): string | null {
  const key = name.trim().replace(/\s+/gu, ' ');
  if (key === '') return null;
  // "Iran (Islamic Republic of)" is also written "Iran, Islamic Republic of", or just "Iran"
  const paren = /^(.*?)\s*\(([^)]+)\)$/u.exec(key);
  const variants = paren ? [key, `${paren[1]}, ${paren[2]}`, paren[1]!] : [key];
  for (const variant of variants) {
    const lower = variant.toLowerCase();
    const code = ALIASES[lower] ?? byIntlName.get(lower) ?? countries.getAlpha2Code(variant, 'en');
    if (code) return code;
  }
  return null;
}

/** The catalogue's English short name of a country, or null when the name is not a country. */
export function countryName(name: string): string | null {
  const code = countryCode(name);
  if (code == null) return null;
  return SHORT[code] ?? display.of(code) ?? null;
}

/**
 * The country a text ends with ("Jakarta Pusat, DKI Jakarta, Indonesia" → Indonesia), with the
 * rest of the text. Tries the longest tail first so "South Africa" wins over "Africa".
 */
export function trailingCountry(text: string): { country: string; rest: string } | null {
  const words = text.trim().split(/\s+/u);
  for (let n = Math.min(6, words.length); n >= 1; n -= 1) {
    const tail = words.slice(words.length - n).join(' ').replace(/^,\s*/u, '');
    const name = countryName(tail.replace(/[.,;]$/u, ''));
    if (name) return { country: name, rest: words.slice(0, words.length - n).join(' ').replace(/,\s*$/u, '') };
  }
  return null;
}

/**
 * The ISO 3166-1 numeric code of a country name ("China" → "156"), as world maps key their
 * shapes (world-atlas, Natural Earth), or null when the name is not a country.
 */
export function countryNumeric(name: string): string | null {
  const code = countryCode(name);
  return code ? (countries.alpha2ToNumeric(code) ?? null) : null;
}
