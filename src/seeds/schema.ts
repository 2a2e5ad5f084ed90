/**
 * The shape of every seed file, one schema per kind. This is where a fact's form is checked; references
 * between files and facts that depend on other files (a signatory held the office, a party existed) are
 * checked in `check.ts`. The JSON Schemas published for editors (`seeds/schema/*.json`) are generated from
 * these by `npm run seed -- --write-json-schema`.
 */
import { z } from 'zod';
import { parsePartialDate } from '../model/dates.ts';

export const OBLIGATIONS = ['DEFENSE', 'OFFENSE', 'NEUTRALITY', 'NON_AGGRESSION', 'CONSULTATION', 'OTHER'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

/** A date at its known precision. YAML reads a bare year as a number, so 1961 is taken as "1961". */
export const seedDate = z
  .union([z.string(), z.number().int()])
  .transform((value, ctx) => {
    const text = String(value);
    if (!parsePartialDate(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (for example 1961-07-06)`,
      });
      return z.NEVER;
    }
    return text;
  })
  .meta({ description: 'A date at its known precision: YYYY-MM-DD, YYYY-MM or YYYY.' });

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lower-case letters, digits and single hyphens')
  .meta({ description: 'A stable id: lower-case letters, digits and hyphens.' });

const nationCode = z
  .string()
  .regex(/^[A-Z]{3}$|^X[A-Z0-9]{2,5}$/, 'must be an ISO 3166-1 alpha-3 code (three capitals) or an X-prefixed Entente code')
  .meta({ description: 'ISO 3166-1 alpha-3, or an X-prefixed stable code for a state without one.' });

const sourceRefs = z
  .array(slug)
  .min(1, 'must cite at least one source (an id from seeds/sources.yaml)')
  .meta({ description: 'Ids of sources in seeds/sources.yaml.' });

const optionalSourceRefs = z.array(slug).meta({ description: 'Ids of sources in seeds/sources.yaml.' });

const text = z.string().trim().min(1, 'must not be empty');

/** A fact recorded with its doubt: conflicting sources or no confirming source at all. */
export const caveat = z.strictObject({
  field: text.meta({ description: 'The field the doubt is about, e.g. signedOn or provisions.term.' }),
  kind: z.enum(['CONFLICT', 'UNVERIFIED'], { message: 'must be CONFLICT (sources disagree) or UNVERIFIED (no source confirms it)' }),
  alternative: z.union([z.string(), z.number()]).transform(String).optional()
    .meta({ description: 'The value another source gives, where sources conflict.' }),
  note: text,
  sources: optionalSourceRefs.default([]),
});

export const source = z.strictObject({
  id: slug,
  publisher: text,
  title: text,
  url: z.url({ message: 'must be a full URL (https://...)' }).optional(),
  publishedOn: seedDate.optional(),
  author: text.optional(),
  accessedOn: seedDate.optional(),
});

const period = z.strictObject({
  from: seedDate,
  to: seedDate.optional(),
  sources: optionalSourceRefs.default([]),
});

const nationName = z.strictObject({
  name: text,
  from: seedDate.optional(),
  to: seedDate.optional(),
  sources: optionalSourceRefs.default([]),
});

export const nation = z.strictObject({
  code: nationCode,
  name: text,
  aliases: z.array(text).default([]),
  cowCode: z.number().int().positive().optional(),
  region: text.optional(),
  periods: z.array(period).min(1, 'must list at least one period in which the state existed'),
  names: z.array(nationName).default([]),
  sources: sourceRefs,
});

/** An office held in a nation (`nation`) or in an organization (`organization`: NATO's Secretary General). */
const tenure = z.strictObject({
  office: text,
  nation: nationCode.optional().meta({ description: 'The nation whose office it is; or give `organization`.' }),
  organization: slug.optional().meta({ description: 'The organization whose office it is (its id); or give `nation`.' }),
  from: seedDate,
  to: seedDate.optional(),
  acting: z.boolean().optional(),
  note: text.optional(),
  sources: sourceRefs,
  caveats: z.array(caveat).default([]),
}).superRefine((t, ctx) => {
  if ((t.nation === undefined) === (t.organization === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [t.nation === undefined ? 'nation' : 'organization'],
      message: t.nation === undefined
        ? 'a tenure must name the nation (or the organization) whose office it is'
        : 'a tenure names a nation or an organization, not both: remove one',
    });
  }
});

export const leader = z.strictObject({
  id: slug,
  name: text,
  aliases: z.array(text).default([]),
  wikidataId: z.string().regex(/^Q\d+$/, 'must be a Wikidata QID such as Q7747').optional(),
  tenures: z.array(tenure).default([]),
});

const membership = z.strictObject({
  nation: nationCode,
  from: seedDate,
  to: seedDate.optional(),
  note: text.optional(),
  sources: sourceRefs,
});

export const organization = z.strictObject({
  id: slug,
  name: text,
  aliases: z.array(text).default([]),
  kind: text.optional(),
  foundingTreaty: slug.optional(),
  founded: seedDate.optional(),
  members: z.array(membership).default([]),
  aspirants: z
    .array(z.strictObject({ nation: nationCode, since: seedDate.optional(), note: text, sources: sourceRefs }))
    .default([])
    .meta({ description: 'Nations on a stated path to membership, not yet members.' }),
  sources: sourceRefs,
});

export const statement = z.strictObject({
  id: slug,
  speaker: slug.meta({ description: 'A leader id from seeds/leaders.yaml.' }),
  office: text.optional(),
  date: seedDate,
  place: text.optional(),
  summary: text,
  quote: text.optional(),
  about: z
    .strictObject({
      nations: z.array(nationCode).default([]),
      treaties: z.array(slug).default([]),
      organizations: z.array(slug).default([]),
    })
    .default({ nations: [], treaties: [], organizations: [] }),
  sources: sourceRefs,
});

export const visit = z.strictObject({
  id: slug,
  leader: slug,
  host: nationCode,
  from: seedDate,
  to: seedDate.optional(),
  place: text.optional(),
  summary: text,
  sources: sourceRefs,
});

const party = z.strictObject({
  nation: nationCode,
  signedOn: seedDate.optional(),
  ratifiedOn: seedDate.optional(),
  inForceFrom: seedDate.optional().meta({ description: "When the treaty took effect for this nation; defaults to the treaty's entry into force." }),
  leftOn: seedDate.optional(),
  note: text.optional(),
  sources: sourceRefs,
  caveats: z.array(caveat).default([]),
});

const signatory = z.strictObject({
  leader: slug,
  office: text,
  nation: nationCode,
  signedOn: seedDate,
  sources: sourceRefs,
});

const provision = z.strictObject({
  article: z.union([text, z.number().int()]).transform(String),
  obligation: z.enum(OBLIGATIONS, { message: `must be one of ${OBLIGATIONS.join(', ')}` }),
  summary: text,
  quote: text.optional(),
  obligors: z.array(nationCode).optional()
    .meta({ description: 'Parties bound by this provision; all parties when omitted.' }),
  beneficiaries: z.array(nationCode).optional()
    .meta({ description: 'Parties this provision protects; all parties when omitted.' }),
  sources: sourceRefs,
  caveats: z.array(caveat).default([]),
});

const milestone = z.strictObject({
  on: seedDate,
  nation: nationCode.optional(),
  summary: text,
  sources: sourceRefs,
});

const supersession = z.strictObject({
  treaty: slug,
  on: seedDate.optional(),
  note: text.optional(),
  sources: sourceRefs,
});

const term = z
  .union([z.literal('indefinite'), z.strictObject({ years: z.number().int().positive(), extendable: z.boolean().optional() })])
  .meta({ description: '"indefinite", or { years: N }.' });

export const treaty = z.strictObject({
  id: slug,
  name: text,
  aliases: z.array(text).default([]),
  kind: text.meta({ description: 'mutual defence treaty, security agreement, alliance, strategic partnership, friendship treaty, ...' }),
  legalForm: text.optional().meta({ description: 'treaty, executive agreement, political declaration, ...' }),
  signedOn: seedDate.optional(),
  signedAt: text.optional(),
  enteredIntoForceOn: seedDate.optional(),
  term: term.optional(),
  expiresOn: seedDate.optional(),
  terminatedOn: seedDate.optional(),
  terminationCause: text.optional(),
  articleCount: z.number().int().positive().optional(),
  summary: text.optional(),
  externalIds: z
    .strictObject({ atopId: z.number().int().positive().optional(), untsNumber: text.optional() })
    .optional(),
  sources: sourceRefs,
  parties: z.array(party).min(1, 'must list at least one party'),
  signatories: z.array(signatory).default([]),
  provisions: z.array(provision).default([]),
  milestones: z.array(milestone).default([]),
  supersedes: z.array(supersession).default([]),
  caveats: z.array(caveat).default([]),
});

export type Source = z.output<typeof source>;
export type Nation = z.output<typeof nation>;
export type Leader = z.output<typeof leader>;
export type Organization = z.output<typeof organization>;
export type Statement = z.output<typeof statement>;
export type Visit = z.output<typeof visit>;
export type Treaty = z.output<typeof treaty>;
export type Caveat = z.output<typeof caveat>;

/**
 * Seed files by kind: each list file holds an array of entries, each treaty file one treaty.
 * The paths are relative to the seeds folder.
 */
export const SEED_KINDS = {
  sources: { file: 'sources.yaml', schema: z.array(source), entry: source },
  nations: { file: 'nations.yaml', schema: z.array(nation), entry: nation },
  leaders: { file: 'leaders.yaml', schema: z.array(leader), entry: leader },
  organizations: { file: 'organizations.yaml', schema: z.array(organization), entry: organization },
  statements: { file: 'statements.yaml', schema: z.array(statement), entry: statement },
  visits: { file: 'visits.yaml', schema: z.array(visit), entry: visit },
  treaty: { file: 'treaties/*.yaml', schema: treaty, entry: treaty },
} as const;

export type SeedKind = keyof typeof SEED_KINDS;
