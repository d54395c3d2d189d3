// The conversation's policy: from what the merchant just wrote and the case so far, what the bot does next.
import { diagnose } from '../diagnosis/diagnose.js';
import { diagnoseReport, type DiagnosisContext } from '../diagnosis/diagnose-report.js';
import type { Diagnosis } from '../diagnosis/types.js';
import type { CauseClass } from '../knowledge/types.js';
import type { MessageDetails } from '../nlu/extract-details.js';
import { normaliseText } from '../nlu/normalise-text.js';
import type { ExpectedSlot } from '../nlu/types.js';
import { mergeDetails, withDescription, type TransactionReport } from '../report/transaction-report.js';
import { asksQuestion } from './asks-question.js';
import { newCase, type CaseState, type HandoverReason, type Move, type Pending, type Turn } from './case-state.js';
import { matchOption } from './match-option.js';
import { kindFromWords, kindOfCause, PROBLEM_KINDS, type ProblemKind } from './problem-kind.js';
import { readReply, type Reply } from './read-reply.js';

/** What the dialog hands the policy for one merchant message. */
export interface TurnInput {
  /** The message (card data already masked). */
  readonly text: string;
  /** The message read with `expectingFor(pending)`. */
  readonly details: MessageDetails;
  readonly now: Date;
  readonly timeZone: string;
  /** The labels the merchant was shown for the kind question, in PROBLEM_KINDS order (for matching a free-text answer). */
  readonly kindLabels: readonly string[];
}

/** Replies in a row that may miss a question before the choices come as buttons with a person on offer. */
const MISSES_BEFORE_CHOICES = 2;

/** The causes a settlement timing rule explains (money simply not due yet): only these wait for the trade time. */
const TIMING_CAUSES: ReadonlySet<string> = new Set(['settlement_delay', 'cutoff_time', 'holiday_delay']);

/** Which classes of cause a kind of problem can have. */
const CLASSES_OF: Readonly<Record<ProblemKind, readonly CauseClass[]>> = {
  terminal: ['decline', 'terminal', 'operator', 'info'],
  not_arrived: ['settlement', 'info'],
  charged_twice: ['operator', 'terminal'],
  qr: ['qr', 'info'],
  refund: ['operator', 'qr', 'info'],
  question: ['decline', 'terminal', 'settlement', 'operator', 'qr', 'info'],
};

/** "先不管那个", "another thing", "actually …": the merchant turns to something else. */
const TOPIC_CHANGE = /先不管|不管那个|换个问题|另外一个问题|还有个问题|还有一个问题|另外还有|先说别的|actually|forget (?:that|it)|another (?:thing|problem|question|issue)|different (?:problem|issue)|separate (?:problem|issue)/i;

/** Asking to be helped, in the middle of an offer of a person: "你们帮我改一下", "please sort it". */
const WANTS_HELP = /帮我|帮忙|帮一下|处理一下|弄一下|改一下|怎么办|咋办|咋整|help|fix it|sort it|please|can you/i;

/** The slot a pending question expects, so a bare "3000" or "4421" is read as that. */
export function expectingFor(pending: Pending | null): ExpectedSlot | undefined {
  return pending?.ask === 'time' ? 'time' : undefined;
}

/** The message names a payment (an amount or an identifier; a day alone, "今天", does not). */
const namesPayment = (r: TransactionReport) => Boolean(r.amount || r.reference || r.terminalId || r.cardLast4 || r.orderNumber || r.responseCode);

/** The causes a problem of this kind can have (null: any). */
function causesFor(kind: ProblemKind | null, context: DiagnosisContext): ReadonlySet<string> | undefined {
  if (kind === null) return undefined;
  const classes = CLASSES_OF[kind];
  return new Set([...context.model.causes.values()].filter((c) => classes.includes(c.class)).map((c) => c.id));
}

/**
 * The case's diagnosis: of everything the merchant said together, or of one of their messages alone
 * when that one is surer (a specific detail said later is not drowned by a vague opening).
 */
function diagnoseCase(state: CaseState, context: DiagnosisContext, input: TurnInput): Diagnosis {
  const within = causesFor(state.kind, context);
  const lines = state.report.problem;
  const texts = lines.length > 1 ? [lines.join('\n'), ...lines] : [lines.join('\n')];
  const diagnoses = texts.map((text) =>
    diagnoseReport(context, {
      text,
      report: state.report,
      answers: state.answers,
      now: input.now,
      timeZone: input.timeZone,
      moneyMissing: state.kind === 'not_arrived',
      ...(within ? { within } : {}),
    }),
  );
  return diagnoses.reduce((best, d) => (d.confidence > best.confidence && !d.offTopic ? d : best));
}

/** The message on its own, without the case: what a new problem or a question in the middle would be. */
const diagnoseAlone = (input: TurnInput, context: DiagnosisContext) => diagnose(context.model, { text: input.details.problemWords, responseCode: input.details.identifiers.responseCode });

/** Takes the message's details into the case, and says why a stated value was refused. */
function absorb(state: CaseState, input: TurnInput): { state: CaseState; changed: boolean; moves: Move[] } {
  const merged = mergeDetails(withDescription(state.report, input.details), input.details, expectingFor(state.pending));
  const moves: Move[] = [];
  if (input.details.time.kind === 'future') moves.push({ type: 'invalid', problem: 'future_time' });
  if (input.details.amount.kind === 'invalid') moves.push({ type: 'invalid', problem: input.details.amount.reason });
  return { state: { ...state, report: merged.report }, changed: merged.changed.some((f) => f !== 'responseCode'), moves };
}

/** Does this message bring up a different problem than the one being discussed? */
function isNewProblem(state: CaseState, input: TurnInput, context: DiagnosisContext): boolean {
  const alone = diagnoseAlone(input, context);
  if (alone.offTopic || alone.cause === null || state.explained.includes(alone.cause)) return false;
  const cause = context.model.causes.get(alone.cause);
  if (!cause || cause.class === 'info') return false;
  if (TOPIC_CHANGE.test(normaliseText(input.text))) return true;
  const strong = alone.evidence.some((e) => e.kind === 'code' || e.kind === 'screen-text') || alone.decision === 'answer';
  const kind = kindFromWords(input.text) ?? kindOfCause(cause.id, cause.class);
  return strong && (kind !== state.kind || state.explained.length > 0);
}

/** The message adds to the problem (words the classifier reads, or the kind of problem), though it does not answer the question. */
function addsToProblem(input: TurnInput, context: DiagnosisContext): boolean {
  const alone = diagnoseAlone(input, context);
  return !alone.offTopic && (alone.evidence.some((e) => e.kind !== 'words') || alone.confidence >= 0.3 || kindFromWords(input.text) !== null);
}

/** A question asked in the middle ("哪个是参考号?", "T+1是什么意思", "where do I see the fees?"): the move that answers it. */
function sideQuestion(input: TurnInput, context: DiagnosisContext): Move | null {
  if (!asksQuestion(input.text)) return null;
  const alone = diagnoseAlone(input, context);
  if (alone.offTopic && alone.topic) return { type: 'outOfScope', diagnosis: alone };
  return alone.decision === 'answer' && alone.cause ? { type: 'explain', diagnosis: alone, cause: alone.cause } : null;
}

/** Applies the merchant's reply to what was pending; null when the reply does not answer it. */
function answerPending(state: CaseState, pending: Pending, input: TurnInput, reply: Reply | null, changed: boolean, context: DiagnosisContext): { state: CaseState; moves: Move[]; outcome?: Turn['outcome'] } | null {
  const settled = (next: Partial<CaseState>): CaseState => ({ ...state, ...next, pending: null, misses: 0 });
  switch (pending.ask) {
    case 'kind': {
      const chosen = matchOption(input.text, input.kindLabels);
      const kind: ProblemKind | null = kindFromWords(input.text) ?? (chosen !== null ? PROBLEM_KINDS[chosen]! : null);
      if (kind) return { state: settled({ kind }), moves: [] };
      if (reply === 'unknown' || changed) return { state: settled({}), moves: [] };
      return null;
    }
    case 'question': {
      const question = context.model.questions.get(pending.questionId);
      const option = question ? matchOption(input.text, [...question.options.map((o) => o.label.zh), ...question.options.map((o) => o.label.en)]) : null;
      if (question && option !== null) return { state: settled({ answers: [...state.answers, { questionId: question.id, optionIndex: option % question.options.length }] }), moves: [] };
      if (reply === 'unknown' || changed) return { state: settled({}), moves: [] };
      return null;
    }
    case 'time': {
      if (state.report.time) return { state: settled({}), moves: [] };
      if (reply === 'unknown' || reply === 'no') return { state: settled({ timeUnknown: true }), moves: [] };
      return null;
    }
    case 'helped': {
      if (reply === 'yes') return { state: settled({ helped: true }), moves: [{ type: 'resolved', cause: pending.cause }], outcome: 'resolved' };
      // "still not working", or details of the payment to look into: the fix did not do it.
      if (reply === 'no' || (reply === null && changed)) return { state: { ...settled({ helped: false }), pending: { ask: 'person' } }, moves: [{ type: 'ask', pending: { ask: 'person' }, retry: 0 }] };
      return null;
    }
    case 'person': {
      const reason: HandoverReason = state.helped === false ? 'not_helped' : state.last?.decision === 'answer' ? 'needs_acquirer' : 'unsure';
      // Details to look into, or "帮我处理一下", in answer to the offer: they want the person.
      if (reply === 'yes' || (reply === null && (changed || WANTS_HELP.test(normaliseText(input.text))))) return { state: settled({}), moves: [{ type: 'handover', reason }], outcome: 'handed_over' };
      if (reply === 'no') return { state: settled({}), moves: [{ type: 'goodbye' }], outcome: 'closed' };
      return null;
    }
  }
}

/**
 * Decides what to say once the case holds everything the merchant said: answer when the cause is
 * clear; otherwise find out the kind of problem, the trade time (money not arrived, when only the
 * settlement rule can tell), or the answer to the question that best separates the likely causes;
 * when still unsure, say the best guess and offer a person. Nothing is asked twice as a new question.
 */
function decide(state: CaseState, context: DiagnosisContext, input: TurnInput, moves: Move[]): Turn {
  const words = state.report.description.join('\n');
  const first = diagnoseCase(state, context, input);
  if (first.offTopic && state.kind === null && !namesPayment(state.report) && state.answers.length === 0 && state.explained.length === 0) {
    return { state: { ...state, last: first }, moves: [...moves, { type: 'outOfScope', diagnosis: first }], outcome: 'closed' };
  }
  const firstCause = first.cause ? context.model.causes.get(first.cause) : undefined;
  const kind = state.kind ?? kindFromWords(words) ?? (first.decision === 'answer' && firstCause ? kindOfCause(firstCause.id, firstCause.class) : null);
  let current: CaseState = { ...state, kind };
  const d = kind !== state.kind ? diagnoseCase(current, context, input) : first;
  current = { ...current, last: d };
  const cause = d.cause ? context.model.causes.get(d.cause) : undefined;
  const ask = (pending: Pending): Turn => ({ state: { ...current, pending, misses: 0, asked: [...current.asked, pending.ask === 'question' ? pending.questionId : pending.ask] }, moves: [...moves, { type: 'ask', pending, retry: 0 }] });

  const settledByWords = d.decision === 'answer' && cause !== undefined && !TIMING_CAUSES.has(cause.id);
  if (kind === 'not_arrived' && !settledByWords && !current.report.time && !current.timeUnknown && !current.asked.includes('time')) return ask({ ask: 'time' });

  if (d.decision === 'answer' && cause && !current.explained.includes(cause.id)) {
    current = { ...current, explained: [...current.explained, cause.id] };
    const explained: Move = { type: 'explain', diagnosis: d, cause: cause.id };
    if (cause.action === 'human') return { state: current, moves: [...moves, explained, { type: 'handover', reason: 'needs_acquirer' }], outcome: 'handed_over' };
    const next: Pending = cause.action === 'ticket' ? { ask: 'person' } : { ask: 'helped', cause: cause.id };
    return { state: { ...current, pending: next, misses: 0 }, moves: [...moves, explained, { type: 'ask', pending: next, retry: 0 }] };
  }
  if (kind === null && !current.asked.includes('kind')) return ask({ ask: 'kind' });
  if (d.decision === 'clarify' && d.question && !current.asked.includes(d.question.id)) return ask({ ask: 'question', questionId: d.question.id });
  const unsure: Move[] = d.cause && !current.explained.includes(d.cause) && !d.offTopic ? [{ type: 'unsure', diagnosis: d }] : [];
  return { state: { ...current, pending: { ask: 'person' }, misses: 0 }, moves: [...moves, ...unsure, { type: 'ask', pending: { ask: 'person' }, retry: 0 }] };
}

/**
 * One merchant message in a case (a new case when `state` is null). The reply is read against what
 * the bot asked: an answer moves on; "不知道" moves on without the detail; a new problem starts a new
 * case; a question in the middle is answered and the earlier question asked again; more words about
 * the problem are taken in and the bot decides again; anything else is asked again in other words,
 * then with the choices as buttons and a person on offer — never the same question a third time.
 */
export function nextMove(previous: CaseState | null, input: TurnInput, context: DiagnosisContext): Turn {
  const reply = readReply(input.text);
  const pending = previous?.pending ?? null;
  const fresh = previous === null || (pending !== null && reply === null && isNewProblem(previous, input, context));
  const absorbed = absorb(fresh ? newCase() : previous!, input);
  let state = absorbed.state;
  const moves = absorbed.moves;
  if (fresh || pending === null) return decide(state, context, input, moves);

  const side = reply === null ? sideQuestion(input, context) : null;
  if (side && !(side.type === 'explain' && state.explained.includes(side.cause))) return { state, moves: [...moves, side, { type: 'ask', pending, retry: 1 }] };
  const answered = answerPending(state, pending, input, reply, absorbed.changed, context);
  if (answered) {
    if (answered.outcome) return { state: answered.state, moves: [...moves, ...answered.moves], outcome: answered.outcome };
    if (answered.moves.length > 0) return { state: answered.state, moves: [...moves, ...answered.moves] };
    return decide(answered.state, context, input, moves);
  }
  if (reply === null && pending.ask !== 'person' && WANTS_HELP.test(normaliseText(input.text))) {
    return { state: { ...state, pending: { ask: 'person' }, misses: 0 }, moves: [...moves, { type: 'ask', pending: { ask: 'person' }, retry: 0 }] };
  }
  if (reply === null && pending.ask !== 'person' && addsToProblem(input, context)) {
    const again = diagnoseCase(state, context, input);
    // More words that point to a cause not yet explained: decide again; to the same one: it is not an answer.
    if (!(again.cause && state.explained.includes(again.cause))) return decide({ ...state, pending: null, misses: 0 }, context, input, moves);
  }
  state = { ...state, misses: state.misses + 1 };
  if (state.misses > MISSES_BEFORE_CHOICES && pending.ask !== 'person') {
    return { state: { ...state, pending: { ask: 'person' }, misses: 0 }, moves: [...moves, { type: 'ask', pending: { ask: 'person' }, retry: 0 }] };
  }
  if (state.misses > MISSES_BEFORE_CHOICES) return { state, moves: [...moves, { type: 'goodbye' }], outcome: 'closed' };
  return { state, moves: [...moves, { type: 'ask', pending, retry: state.misses }] };
}
