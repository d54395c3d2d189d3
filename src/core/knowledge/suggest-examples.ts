// Candidate example phrasings from the desk's resolved tickets: the merchant's words with the cause the agent confirmed.
import type { Ticket } from '../tickets/ticket.js';

/** One phrasing a person may add to a cause's examples after review. */
export interface ExampleSuggestion {
  /** The cause the agent confirmed when resolving. */
  readonly cause: string;
  /** The merchant's words (redacted, as stored on the ticket). */
  readonly text: string;
  readonly lang: 'zh' | 'en';
  readonly ticket: string;
  /** What the bot had diagnosed before the handover (null when it had not named a cause). */
  readonly botCause: string | null;
  /** True when the bot had already named the confirmed cause. */
  readonly agreed: boolean;
}

const HAN = /[\u3400-\u9fff]/;

/**
 * From resolved and closed tickets whose agent confirmed a cause: the merchant's problem words (the
 * report's problem lines, else the merchant's messages), each once per cause, without the phrasings the
 * knowledge base already has and without lines `isNoise` rejects (commands such as "转人工", one-word
 * answers). Grouped by cause, then by ticket. Nothing here changes the knowledge base.
 */
export function suggestExamples(tickets: readonly Ticket[], known: ReadonlySet<string>, isNoise: (text: string) => boolean): ExampleSuggestion[] {
  const seen = new Set<string>();
  const suggestions: ExampleSuggestion[] = [];
  for (const ticket of tickets) {
    const cause = ticket.resolution?.cause;
    if (!cause || (ticket.status !== 'resolved' && ticket.status !== 'closed')) continue;
    const problem = ticket.report?.problem.filter((line) => line.trim().length > 0) ?? [];
    const words = problem.length > 0 ? problem : ticket.messages.filter((m) => m.author === 'merchant').map((m) => m.text);
    const botCause = ticket.diagnosis?.cause ?? null;
    for (const raw of words) {
      const text = raw.trim();
      const key = `${cause}\u0000${text.toLowerCase()}`;
      if (text.length < 4 || isNoise(text) || known.has(text.toLowerCase()) || seen.has(key)) continue;
      seen.add(key);
      suggestions.push({ cause, text, lang: HAN.test(text) ? 'zh' : 'en', ticket: ticket.id, botCause, agreed: botCause === cause });
    }
  }
  return suggestions.sort((a, b) => a.cause.localeCompare(b.cause) || a.ticket.localeCompare(b.ticket));
}
