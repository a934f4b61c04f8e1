/** The JSON Schema of one public trial record, generated from the zod schema (never written by hand). */
import { z } from 'astro/zod';
import { TrialSchema } from './trial.ts';

export function trialJsonSchema(siteUrl = 'https://msc-trials.example.org'): Record<string, unknown> {
  const schema = z.toJSONSchema(TrialSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: new URL('/schema/trial.json', siteUrl).href,
    title: 'MSC trial record',
    description:
      'One trial of the MSC Trials Catalogue. Every field is present; a value the sources do not state is null (scalars, objects) or [] (lists).',
    ...schema,
  };
}
