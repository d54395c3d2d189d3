// Turns the policy's moves into the bot's messages: short, one idea each, in the merchant's language, buttons where there are choices.
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { CaseState, Move, Pending } from '../../src/core/conversation/case-state.js';
import type { DiagnosisModel } from '../../src/core/diagnosis/diagnosis-model.js';
import type { Diagnosis, Evidence } from '../../src/core/diagnosis/types.js';
import type { Bilingual } from '../../src/core/knowledge/types.js';
import { PROBLEM_KINDS } from '../../src/core/conversation/problem-kind.js';
import { formatMoment } from '../wording/format-report.js';
import { inLocale, inScript, listInLocale } from '../wording/knowledge-text.js';
import type { KindChoice, Locale, Wording } from '../wording/index.js';
import type { Said } from '../say.js';

export interface RenderContext {
  readonly w: Wording;
  /** The market whose settlement rules the bot applies (named when it says when money is due). */
  readonly market: Bilingual;
  readonly locale: Locale;
  readonly timeZone: string;
  readonly model: DiagnosisModel;
  readonly said: Said;
}

/** A message with its choices as buttons (channels that cannot show buttons get them as numbered text). */
export function withChoices(text: string, titles: readonly string[]): Partial<Activity> {
  return MessageFactory.suggestedActions(CardFactory.actions(titles.map((title) => ({ type: 'imBack', title, value: title }))), text);
}

/** The button titles of the kind question, in PROBLEM_KINDS order (the policy matches free text against them too). */
export function kindLabels(w: Wording): string[] {
  return PROBLEM_KINDS.map((k) => w.ask.kindChoices[k as KindChoice]);
}

function evidenceLine(e: Evidence, r: RenderContext): string | null {
  const { w, locale, model } = r;
  switch (e.kind) {
    case 'code': {
      const meaning = model.responseCodes.get(e.code)?.meaning;
      return w.diagnosis.codeEvidence(e.code, meaning ? inLocale(meaning, locale).split(/[（(]/)[0]! : '');
    }
    case 'unknown-code':
      return w.diagnosis.unknownCodeEvidence(e.code);
    case 'screen-text':
      return w.diagnosis.screenTextEvidence(inScript(e.text, locale));
    case 'answer': {
      const option = model.questions.get(e.questionId)?.options[e.optionIndex];
      return option ? w.diagnosis.answerEvidence(inLocale(option.label, locale)) : null;
    }
    case 'settlement-rule':
      return w.diagnosis.settlementEvidence(formatMoment(new Date(e.finding.dueBy), r.timeZone, locale), e.finding.mode, inLocale(r.market, locale));
    case 'words':
      return null;
  }
}

/**
 * The cause in one sentence with what decided it (codes, screen texts, answers, the settlement rule),
 * the fix as numbered steps, and — when a customer is likely waiting at the counter — what to tell them.
 */
function explain(d: Diagnosis, causeId: string, state: CaseState, r: RenderContext): Partial<Activity>[] {
  const cause = r.model.causes.get(causeId);
  if (!cause) return [];
  const { w, locale } = r;
  const lines = d.evidence.filter((e) => e.cause === causeId || e.kind === 'answer').map((e) => evidenceLine(e, r)).filter((l): l is string => l !== null);
  const atCounter = cause.tellCustomer !== undefined && state.kind !== 'not_arrived' && cause.class !== 'info';
  const first = `${atCounter ? `${r.said.pick(w.diagnosis.calm)}\n` : ''}${w.diagnosis.likelyCause(inLocale(cause.title, locale), inLocale(cause.summary, locale))}${lines.length > 0 ? ` ${w.diagnosis.evidence(lines)}` : ''}`;
  // The cause travels with the message as data, for channels, transcripts and tests that read it.
  const named: Partial<Activity> = { ...MessageFactory.text(first), channelData: { diagnosis: { cause: cause.id, confidence: d.confidence } } };
  const messages: Partial<Activity>[] = [named, MessageFactory.text(w.diagnosis.steps(listInLocale(cause.fix, locale)))];
  if (atCounter && cause.tellCustomer) messages.push(MessageFactory.text(w.diagnosis.tellCustomer(inLocale(cause.tellCustomer, locale))));
  return messages;
}

function ask(pending: Pending, retry: number, state: CaseState, r: RenderContext): Partial<Activity> {
  const { w, locale } = r;
  const again = retry > 0 ? `${r.said.pick(w.ask.notUnderstood)}` : '';
  const pick = retry >= 2 ? `\n${w.ask.pickOne}` : '';
  const say = (text: string, choices: readonly string[]) => {
    const body = [again, text].filter(Boolean).join(' ') + pick;
    return choices.length > 0 ? withChoices(body, retry >= 2 && pending.ask !== 'person' ? [...choices, w.ask.personYes] : choices) : MessageFactory.text(body);
  };
  switch (pending.ask) {
    case 'kind':
      return say(r.said.pick(w.ask.kind), kindLabels(w));
    case 'question': {
      const question = r.model.questions.get(pending.questionId);
      if (!question) return say(r.said.pick(w.ask.person), [w.ask.personYes, w.ask.personNo]);
      return say(inLocale(question.ask, locale), question.options.map((o) => inLocale(o.label, locale)));
    }
    case 'time':
      return say(r.said.pick(w.ask.time), retry >= 2 ? [w.ask.personYes] : []);
    case 'helped':
      return say(r.said.pick(w.ask.helped), [w.ask.helpedYes, w.ask.helpedNo]);
    case 'person':
      return say(r.said.pick(state.helped === false ? w.ask.personAfterNoHelp : w.ask.person), [w.ask.personYes, w.ask.personNo]);
  }
}

/** What the merchant reads for one move (the handover is the desk's to word: it is rendered by the caller). */
export function renderMove(move: Exclude<Move, { type: 'handover' }>, state: CaseState, r: RenderContext): Partial<Activity>[] {
  const { w, locale } = r;
  switch (move.type) {
    case 'explain':
      return explain(move.diagnosis, move.cause, state, r);
    case 'unsure': {
      const cause = move.diagnosis.cause ? r.model.causes.get(move.diagnosis.cause) : undefined;
      return cause ? [{ ...MessageFactory.text(w.diagnosis.unsure(inLocale(cause.title, locale))), channelData: { diagnosis: { cause: cause.id, confidence: move.diagnosis.confidence, sure: false } } }] : [];
    }
    case 'ask':
      return [ask(move.pending, move.retry, state, r)];
    case 'outOfScope': {
      const topic = move.diagnosis.topic ? r.model.topics.get(move.diagnosis.topic) : undefined;
      const text = topic ? `${inLocale(topic.answer, locale)}\n\n${w.diagnosis.offTopic}` : w.diagnosis.offTopic;
      return [{ ...withChoices(text, [w.ask.personYes]), channelData: { outOfScope: { topic: move.diagnosis.topic } } }];
    }
    case 'invalid':
      return [MessageFactory.text(w.invalid[move.problem])];
    case 'resolved': {
      const cause = move.cause ? r.model.causes.get(move.cause) : undefined;
      if (!cause) return [MessageFactory.text(r.said.pick(w.diagnosis.goodbye))];
      return [MessageFactory.text(`${w.diagnosis.resolved(inLocale(cause.title, locale))}\n${w.diagnosis.prevention(inLocale(cause.prevention, locale))}`)];
    }
    case 'goodbye':
      return [MessageFactory.text(r.said.pick(w.diagnosis.goodbye))];
  }
}
