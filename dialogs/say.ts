// Picks, among the ways of saying one thing, the one said least often in this conversation: a repeated question reads differently.
import type { Variants } from './wording/index.js';

/** A short, stable key for a text (FNV-1a), so the counts stay small in conversation state. */
function keyOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * How often each wording was said in this conversation. `counts` is the conversation's own record
 * (kept in its state), updated in place.
 */
export class Said {
  constructor(private readonly counts: Record<string, number>) {}

  /** The variant said least so far (the first among equals), counted as said. */
  pick(variants: Variants): string {
    let best = variants[0];
    for (const v of variants) if (this.count(v) < this.count(best)) best = v;
    this.counts[keyOf(best)] = this.count(best) + 1;
    return best;
  }

  /** Like pick, but null once every variant was said twice: an acknowledgement is then better left unsaid than repeated. */
  pickFresh(variants: Variants): string | null {
    return variants.some((v) => this.count(v) < 2) ? this.pick(variants) : null;
  }

  private count(text: string): number {
    return this.counts[keyOf(text)] ?? 0;
  }
}
