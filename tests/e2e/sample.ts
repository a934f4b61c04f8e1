/**
 * The fixed sample of trial pages the browser gates open (every other page template is opened in
 * full; the file-level checks of dist.spec.ts read every page). Each is there for what it shows;
 * together they cover every page shape of the real catalogue. Stated in docs/quality.md.
 */
export const TRIAL_SAMPLE: readonly { id: string; why: string }[] = [
  { id: 'NCT06688318', why: 'seed 000 (Veeva) with an editorial note, an age-unit flag and a curated-looking fact box' },
  { id: 'NCT07157891', why: 'seed 001 (meddatax): secretome combined with PRGF, facet evidence from the description' },
  { id: 'NCT04208646', why: 'seed 002 (Veeva): a page copy without dates, outcomes or sites — the “not in the records we hold” wording' },
  { id: 'NCT04501354', why: 'seed 003 (MedPath) merged with its row of the CSV download: two sources, provenance table' },
  { id: 'NCT05921058', why: 'seed 004 (classic page copy): unsplit location, enrollment mismatch' },
  { id: 'NCT04447833', why: 'the first row of the CSV download: unclassified outcome measures, no criteria' },
  { id: 'NCT00366145', why: 'phase 3, quadruple masking, many US sites, a product name (Prochymal)' },
  { id: 'NCT03925649', why: 'expanded access of all three kinds, no longer available' },
  { id: 'NCT05240430', why: 'an observational study with its model and time perspective' },
  { id: 'NCT04313647', why: 'results posted and two study documents' },
  { id: 'NCT04739930', why: 'an MSC-containing preparation (bone marrow aspirate concentrate)' },
  { id: 'NCT01325103', why: 'scope needs review: bone marrow “stem cells” of an unstated kind' },
  { id: 'NCT04073472', why: 'withdrawn, enrollment 0, no sites' },
  { id: 'NCT02172885', why: 'a EudraCT number beside the NCT number: two registry ids' },
];
