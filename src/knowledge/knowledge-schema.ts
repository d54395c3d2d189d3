// The shapes of the knowledge files, as zod schemas that turn YAML into the core's typed knowledge.
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const bilingual = z.object({ zh: text, en: text }).strict();
const textList = (min = 1) => z.array(text).min(min, `needs at least ${min}`);
const bilingualList = (min = 1) => z.object({ zh: textList(min), en: textList(min) }).strict();
const party = z.enum(['cardholder', 'merchant', 'acquirer', 'issuer']);
const code = z.string().regex(/^[0-9A-Z]{2}$/, 'must be two upper-case letters or digits, quoted ("05")');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time "HH:MM"');

/** Minimum example phrasings per language in each cause entry. */
export const MIN_EXAMPLES = 10;

export const causeFileSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
    class: z.enum(['decline', 'terminal', 'settlement', 'operator', 'qr', 'info']),
    action: z.enum(['fix', 'ticket', 'human']),
    who_acts: z.array(party).min(1, 'needs at least 1'),
    title: bilingual,
    summary: bilingual,
    symptoms: bilingualList(),
    signals: z
      .object({ codes: z.array(code), screen_texts: z.array(text), keywords: bilingualList() })
      .strict(),
    examples: bilingualList(MIN_EXAMPLES),
    questions: z.array(text),
    fix: bilingualList(),
    escalate_when: bilingual,
    prevention: bilingual,
    tell_customer: bilingual.optional(),
  })
  .strict()
  .transform((c) => ({
    id: c.id,
    class: c.class,
    action: c.action,
    whoActs: c.who_acts,
    title: c.title,
    summary: c.summary,
    symptoms: c.symptoms,
    codes: c.signals.codes,
    screenTexts: c.signals.screen_texts,
    keywords: c.signals.keywords,
    examples: c.examples,
    questions: c.questions,
    fix: c.fix,
    escalateWhen: c.escalate_when,
    prevention: c.prevention,
    ...(c.tell_customer ? { tellCustomer: c.tell_customer } : {}),
  }));

export const questionsFileSchema = z.array(
  z
    .object({
      id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
      ask: bilingual,
      options: z
        .array(z.object({ label: bilingual, supports: z.array(text).min(1, 'needs at least 1 cause') }).strict())
        .min(2, 'needs at least 2 options'),
    })
    .strict(),
);

export const lexiconFileSchema = z.array(
  z
    .object({
      concept: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
      causes: z.array(text).min(1, 'needs at least 1 cause'),
      terms: z.object({ zh: z.array(text), en: z.array(text) }).strict(),
    })
    .strict(),
);

export const responseCodesFileSchema = z.array(
  z
    .object({
      code,
      meaning: bilingual,
      action_class: z.enum(['A', 'B', 'C', 'D', 'E']),
      who_acts: z.array(party),
      cause: z.string().nullable(),
      advice: bilingual,
      note: z.string().optional(),
    })
    .strict()
    .transform((r) => ({ code: r.code, meaning: r.meaning, actionClass: r.action_class, whoActs: r.who_acts, cause: r.cause, advice: r.advice })),
);

export const settlementFileSchema = z
  .object({
    market: z.object({ id: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as CN'), name: bilingual }).strict(),
    calendar: z.enum(['china', 'weekends']),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"')).optional(),
    cutoff: clock,
    modes: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Z0-9]+$/, 'must be upper-case letters and digits (T1, D0)'),
            name: bilingual,
            days: z.number().int().min(0).max(10),
            calendar: z.enum(['working', 'calendar']),
            payout_by: clock.optional(),
            window: z.object({ start: clock, end: clock }).strict().optional(),
            fallback: z.string().optional(),
            description: bilingual,
            note: z.string().optional(),
          })
          .strict()
          .transform((m) => ({
            id: m.id,
            name: m.name,
            days: m.days,
            calendar: m.calendar,
            description: m.description,
            ...(m.payout_by !== undefined ? { payoutBy: m.payout_by } : {}),
            ...(m.window !== undefined ? { window: m.window } : {}),
            ...(m.fallback !== undefined ? { fallback: m.fallback } : {}),
          })),
      )
      .min(1, 'needs at least 1 mode'),
    default_mode: z.string(),
  })
  .strict()
  .transform((s) => ({ market: s.market, calendar: s.calendar, holidays: s.holidays ?? [], cutoff: s.cutoff, modes: s.modes, defaultMode: s.default_mode }));

export const topicsFileSchema = z.array(
  z
    .object({
      id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
      title: bilingual,
      answer: bilingual,
      examples: bilingualList(MIN_EXAMPLES),
    })
    .strict(),
);

export const offTopicFileSchema = z.object({ examples: bilingualList(MIN_EXAMPLES) }).strict().transform((f) => f.examples);

export const taxonomySchema = z.object({
  causes: z.array(z.object({ id: z.string(), class: z.string(), action: z.string(), codes: z.array(z.string()) }).passthrough()),
}).passthrough();
