// Finds the cause of a reported problem, asks at most two separating questions, explains the fix, asks if it helped.
import { ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { diagnoseReport, type DiagnosisContext } from '../../src/core/diagnosis/diagnose-report.js';
import type { AnsweredQuestion, Diagnosis } from '../../src/core/diagnosis/types.js';
import type { FollowUpQuestion } from '../../src/core/knowledge/types.js';
import type { TransactionReport } from '../../src/core/report/transaction-report.js';
import { recogniseYesNo } from '../commands.js';
import { turnSettings } from '../turn-settings.js';
import { wordingFor, type Wording } from '../wording/index.js';
import { explainDiagnosis, langOf } from './explain-diagnosis.js';
import { offTopicReply } from './off-topic-reply.js';

export const DIAGNOSE_DIALOG = 'diagnose';

export interface DiagnoseOptions {
  /** Everything the merchant said about the problem (redacted). */
  readonly text: string;
  readonly report: TransactionReport | null;
  /** The response code of a plain question, when there is no report. */
  readonly responseCode?: string | null;
}

/** How the diagnosis ended; the root dialog records it and, if asked, calls a person. */
export interface DiagnoseResult {
  readonly cause: string | null;
  readonly confidence: number;
  readonly evidence: Diagnosis['evidence'];
  readonly resolved: boolean;
  readonly wantsPerson: boolean;
  /** The merchant's answer to "did that solve it?", when asked. */
  readonly helped?: boolean;
}

type Stage = 'question' | 'feedback' | 'offer';

interface DiagnoseState {
  text: string;
  report: TransactionReport | null;
  responseCode: string | null;
  answers: AnsweredQuestion[];
  asked: string[];
  stage: Stage;
  question: string | null;
  last: DiagnoseResult | null;
}

function buttons(text: string, titles: readonly string[]): Partial<Activity> {
  return MessageFactory.suggestedActions(CardFactory.actions(titles.map((title) => ({ type: 'imBack', title, value: title }))), text);
}

/**
 * Runs the diagnosis on the merchant's words, code and (for missing money) the settlement rule. When
 * unsure it asks the question that best separates the top causes, offered as buttons, at most twice;
 * then it answers with the cause, its evidence and the steps, or offers a person.
 */
export class DiagnoseDialog extends Dialog<DiagnoseOptions> {
  constructor(private readonly context: DiagnosisContext) {
    super(DIAGNOSE_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: DiagnoseOptions): Promise<DialogTurnResult> {
    const state: DiagnoseState = {
      text: options?.text ?? '',
      report: options?.report ?? null,
      responseCode: options?.responseCode ?? null,
      answers: [],
      asked: [],
      stage: 'question',
      question: null,
      last: null,
    };
    dc.activeDialog!.state = state;
    return this.step(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as DiagnoseState;
    const text = (dc.context.activity.text ?? '').trim();
    const w = this.wording(dc.context);
    if (state.stage === 'question') {
      const question = state.question ? this.context.model.questions.get(state.question) : undefined;
      const option = question?.options.findIndex((o) => o.label.zh === text || o.label.en.toLowerCase() === text.toLowerCase()) ?? -1;
      if (question && option >= 0) state.answers.push({ questionId: question.id, optionIndex: option });
      else state.text = `${state.text}\n${text}`;
      return this.step(dc, state);
    }
    const answer = text === w.diagnosis.helpedYes ? 'yes' : text === w.diagnosis.helpedNo || text === w.diagnosis.humanNo ? 'no' : recogniseYesNo(text);
    if (state.stage === 'feedback') {
      if (answer === 'yes') {
        const cause = state.last?.cause ? this.context.model.causes.get(state.last.cause) : undefined;
        await dc.context.sendActivity(w.diagnosis.resolved(cause?.title[langOf(turnSettings(dc.context).locale)] ?? ''));
        return dc.endDialog({ ...state.last, resolved: true, wantsPerson: false, helped: true });
      }
      if (answer === 'no') {
        state.stage = 'offer';
        if (state.last) state.last = { ...state.last, helped: false };
        await dc.context.sendActivity(buttons(w.diagnosis.offerHuman, [w.diagnosis.humanYes, w.diagnosis.humanNo]));
        return Dialog.EndOfTurn;
      }
      await dc.context.sendActivity(buttons(w.diagnosis.askHelped, [w.diagnosis.helpedYes, w.diagnosis.helpedNo]));
      return Dialog.EndOfTurn;
    }
    if (answer === 'yes') return dc.endDialog({ ...state.last, resolved: false, wantsPerson: true });
    if (answer === 'no') {
      await dc.context.sendActivity(w.diagnosis.goodbye);
      return dc.endDialog({ ...state.last, resolved: false, wantsPerson: false });
    }
    await dc.context.sendActivity(buttons(w.diagnosis.offerHuman, [w.diagnosis.humanYes, w.diagnosis.humanNo]));
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as DiagnoseState;
    const w = this.wording(context);
    const question = state.question ? this.context.model.questions.get(state.question) : undefined;
    if (state.stage === 'question' && question) await context.sendActivity(this.ask(question, context));
    else if (state.stage === 'feedback') await context.sendActivity(buttons(w.diagnosis.askHelped, [w.diagnosis.helpedYes, w.diagnosis.helpedNo]));
    else await context.sendActivity(buttons(w.diagnosis.offerHuman, [w.diagnosis.humanYes, w.diagnosis.humanNo]));
  }

  private async step(dc: DialogContext, state: DiagnoseState): Promise<DialogTurnResult> {
    const settings = turnSettings(dc.context);
    const w = wordingFor(settings.locale);
    const diagnosis = diagnoseReport(this.context, {
      text: state.text,
      report: state.report,
      responseCode: state.responseCode,
      answers: state.answers,
      now: settings.now,
      timeZone: settings.timeZone,
    });
    const result: DiagnoseResult = { cause: diagnosis.cause, confidence: diagnosis.confidence, evidence: diagnosis.evidence, resolved: false, wantsPerson: false };
    state.last = result;
    if (diagnosis.offTopic) {
      await dc.context.sendActivity(offTopicReply(diagnosis, this.context.model, w, settings.locale));
      return dc.endDialog(result);
    }
    if (diagnosis.decision === 'clarify' && diagnosis.question && !state.asked.includes(diagnosis.question.id)) {
      state.stage = 'question';
      state.question = diagnosis.question.id;
      state.asked.push(diagnosis.question.id);
      await dc.context.sendActivity(this.ask(diagnosis.question, dc.context));
      return Dialog.EndOfTurn;
    }
    const cause = diagnosis.cause ? this.context.model.causes.get(diagnosis.cause) : undefined;
    state.stage = 'offer';
    if (!cause || diagnosis.decision !== 'answer') {
      const best = cause?.title[langOf(settings.locale)] ?? '';
      await dc.context.sendActivity(buttons(w.diagnosis.uncertain(best), [w.diagnosis.humanYes, w.diagnosis.humanNo]));
      return Dialog.EndOfTurn;
    }
    for (const message of explainDiagnosis(diagnosis, cause, w, settings.locale, this.context.model.responseCodes, settings.timeZone)) {
      await dc.context.sendActivity(message);
    }
    if (cause.action === 'fix') {
      state.stage = 'feedback';
      await dc.context.sendActivity(buttons(w.diagnosis.askHelped, [w.diagnosis.helpedYes, w.diagnosis.helpedNo]));
    } else {
      await dc.context.sendActivity(buttons(w.diagnosis.needsPerson, [w.diagnosis.humanYes, w.diagnosis.humanNo]));
    }
    return Dialog.EndOfTurn;
  }

  private ask(question: FollowUpQuestion, context: TurnContext): Partial<Activity> {
    const lang = langOf(turnSettings(context).locale);
    return buttons(question.ask[lang], question.options.map((o) => o.label[lang]));
  }

  private wording(context: TurnContext): Wording {
    return wordingFor(turnSettings(context).locale);
  }
}
