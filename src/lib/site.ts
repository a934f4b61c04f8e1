/** Site-wide facts and URL helpers: one place for names, licence and paths. */

export const SITE = {
  name: 'MSC Trials Catalogue',
  shortName: 'MSC Trials',
  description:
    'An open research catalogue of clinical trials of mesenchymal stem/stromal cells and cell-free MSC products (secretome, conditioned medium, extracellular vesicles): read, search, compare and cite trials, with every fact traced to its source record.',
  dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  codeLicence: { name: 'MIT', url: '/about/#licence' },
  /** per-trial social images; CATALOGUE_OG_IMAGES=0 skips drawing them (benchmark builds) */
  ogImages: process.env.CATALOGUE_OG_IMAGES !== '0',
  /** the build's date, ISO day; "today" for citations and feeds */
  buildDate: (process.env.CATALOGUE_AS_OF && /^\d{4}-\d{2}-\d{2}$/u.test(process.env.CATALOGUE_AS_OF)
    ? process.env.CATALOGUE_AS_OF
    : new Date().toISOString().slice(0, 10)) as string,
} as const;

/** A trial id as a URL path segment: ids are URL-safe except for "/" (e.g. CTRI/2020/01/012345). */
export function idSlug(id: string): string {
  return id.replace(/\//gu, '-');
}

export const trialPath = (id: string) => `/trials/${idSlug(id)}/`;
export const trialJsonPath = (id: string) => `/trials/${idSlug(id)}.json`;

/** Absolute URL on the site (canonical links, feeds, citations). */
export function absolute(path: string, site: URL | undefined): string {
  return new URL(path, site ?? 'https://msc-trials.example.org').href;
}
