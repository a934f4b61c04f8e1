/**
 * How a page says that a field has no value: "the registry record states none" when a record we
 * hold is the registry's own complete export of that field, else "not in the records we hold" (a
 * page copy may leave a section out). Shared by the trial page and the comparison grid.
 */
import { registryUrl } from '../domain/registries.ts';
import { FORMAT, noneCarries, someAuthoritative } from '../domain/vocabulary.ts';
import type { Trial } from '../schemas/trial.ts';
import { NOT_HELD, capital } from './format.ts';

export interface Absence {
  /** `registry`: the registry's own complete record states none; `not-held`: the records we hold do not carry it */
  kind: 'registry' | 'not-held';
  /** what the page says in place of the value */
  text: string;
  /** the reason, naming the record we hold */
  detail: string | null;
  /** where the reader can look: the trial's registry page */
  registryUrl: string | null;
  /** the contract field it stands for */
  field: string;
  /** a page copy that may have left the section out (the reason is said once, in the page's note on the records held) */
  pageCopy: boolean;
}

/** The keys of FORMAT `lacks` a field falls under. */
function lackKey(field: string): string {
  if (/^outcomes\.(primary|secondary|other)$/u.test(field)) return 'outcomes.class';
  return field;
}

/** How the page says that a field has no value, for this trial's records. */
export function absenceOf(t: Pick<Trial, 'id' | 'sources'>, field: string, what: string): Absence {
  const formats = t.sources.map((s) => s.format);
  const link = registryUrl(t.id);
  const key = lackKey(field);
  if (someAuthoritative(formats, key)) {
    return { kind: 'registry', text: `The registry record states no ${what}.`, detail: null, registryUrl: link, field, pageCopy: false };
  }
  const kinds = [...new Set(t.sources.map((s) => FORMAT[s.format].kind))];
  const held = kinds.join(' and ');
  const carries = !noneCarries(formats, key);
  const detail = carries
    ? `${capital(held)} ${kinds.length > 1 ? 'state' : 'states'} none; a page copy can leave a section out.`
    : `${capital(held)} ${kinds.length > 1 ? 'do' : 'does'} not carry ${what}.`;
  return { kind: 'not-held', text: `${NOT_HELD}.`, detail, registryUrl: link, field, pageCopy: carries };
}
