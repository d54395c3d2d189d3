// Collects transaction time, amount and reference: takes what the merchant already said, asks only for the rest.
import { ActivityTypes, CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { extractDetails, type MessageDetails } from '../../src/core/nlu/extract-details.js';
import type { ExpectedSlot } from '../../src/core/nlu/types.js';
import {
  EMPTY_REPORT,
  mergeDetails,
  missingSlot,
  withDescription,
  type CorrectableField,
  type ReportSlot,
  type TransactionReport,
} from '../../src/core/report/transaction-report.js';
import { recogniseYesNo, saysNoReceipt } from '../commands.js';
import { turnSettings } from '../turn-settings.js';
import { wordingFor, type Wording } from '../wording/index.js';

export const COLLECT_DETAILS_DIALOG = 'collectDetails';

/** Retries of one question before the bot mentions that a person can help. */
const RETRIES_BEFORE_HELP = 2;

type Asking = ReportSlot | 'confirm' | 'fix';

interface CollectState {
  report: TransactionReport;
  asking: Asking;
  retries: number;
}

export interface CollectOptions {
  /** The merchant's first description, already redacted. */
  readonly text: string;
}

const EXPECTED: Readonly<Record<Asking, ExpectedSlot | undefined>> = {
  time: 'time',
  amount: 'amount',
  reference: 'reference',
  terminalId: 'terminalId',
  fallbackId: 'terminalId',
  confirm: undefined,
  fix: undefined,
};

const FIELD_SLOTS: readonly CorrectableField[] = ['time', 'amount', 'reference'];

/**
 * A slot-filling dialog over a TransactionReport. Every merchant message is read for every field, so
 * details can come in any order and any later value corrects an earlier one. Ends with the confirmed
 * report as its result, after a one-line read-back the merchant accepts.
 */
export class CollectDetailsDialog extends Dialog<CollectOptions> {
  constructor() {
    super(COLLECT_DETAILS_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: CollectOptions): Promise<DialogTurnResult> {
    const state: CollectState = { report: EMPTY_REPORT, asking: 'time', retries: 0 };
    dc.activeDialog!.state = state;
    const details = this.read(dc.context, options?.text ?? '', undefined);
    state.report = withDescription(mergeDetails(state.report, details).report, details);
    await this.sendProblems(dc.context, details);
    return this.askNext(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as CollectState;
    const text = activity.text ?? '';
    const w = this.wording(dc.context);
    const details = this.read(dc.context, text, EXPECTED[state.asking]);
    const merged = mergeDetails(withDescription(state.report, details), details);
    state.report = merged.report;

    if (state.asking === 'confirm' || state.asking === 'fix') {
      if (merged.changed.length > 0) return this.askNext(dc, state);
      const field = this.chosenField(text, w);
      if (state.asking === 'fix' && field) return this.reask(dc, state, field);
      const answer = recogniseYesNo(text);
      if (state.asking === 'confirm' && answer === 'yes') return dc.endDialog(state.report);
      if (answer === 'no' || state.asking === 'fix') {
        state.asking = 'fix';
        await dc.context.sendActivity(this.withButtons(w.whichField, FIELD_SLOTS.map((f) => w.fieldNames[f])));
        return Dialog.EndOfTurn;
      }
      return this.askNext(dc, state);
    }

    if (state.asking === 'reference' && merged.changed.length === 0 && saysNoReceipt(text)) {
      state.report = { ...state.report, noReceipt: true };
    }
    const complained = await this.sendProblems(dc.context, details, state.asking);
    if (!complained && merged.changed.length === 0 && missingSlot(state.report) === state.asking) {
      state.retries += 1;
      const hint = state.retries > RETRIES_BEFORE_HELP ? `${w.retry[state.asking]}\n${w.help}` : w.retry[state.asking];
      await dc.context.sendActivity(this.promptFor(state.asking, hint, w));
      return Dialog.EndOfTurn;
    }
    return this.askNext(dc, state);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as CollectState;
    const w = this.wording(context);
    await context.sendActivity(this.questionFor(state, w, context));
  }

  private read(context: TurnContext, text: string, expecting: ExpectedSlot | undefined): MessageDetails {
    const { now, timeZone, currency } = turnSettings(context);
    return extractDetails(text, { now, timeZone, defaultCurrency: currency, ...(expecting ? { expecting } : {}) });
  }

  /** Tells the merchant why a stated value was not taken (a future time, a zero amount ...); true if it did. */
  private async sendProblems(context: TurnContext, details: MessageDetails, asking?: Asking): Promise<boolean> {
    const w = this.wording(context);
    const problems: string[] = [];
    if (details.time.kind === 'future') problems.push(w.futureTime);
    if (details.amount.kind === 'invalid') problems.push(w.invalidAmount[details.amount.reason]);
    const six = details.identifiers.unlabelledSixDigits;
    if (asking === 'reference' && six && details.identifiers.references.length === 0) problems.push(w.unlabelledSixDigits(six));
    for (const problem of problems) await context.sendActivity(problem);
    return problems.length > 0;
  }

  private async askNext(dc: DialogContext, state: CollectState): Promise<DialogTurnResult> {
    const next: Asking = missingSlot(state.report) ?? 'confirm';
    if (next !== state.asking) state.retries = 0;
    state.asking = next;
    await dc.context.sendActivity(this.questionFor(state, this.wording(dc.context), dc.context));
    return Dialog.EndOfTurn;
  }

  private async reask(dc: DialogContext, state: CollectState, field: CorrectableField): Promise<DialogTurnResult> {
    const { [field]: _dropped, ...rest } = state.report;
    state.report = field === 'reference' ? { ...rest, noReceipt: false } : (rest as TransactionReport);
    state.asking = field;
    state.retries = 0;
    const w = this.wording(dc.context);
    await dc.context.sendActivity(this.promptFor(field, w.ask[field], w));
    return Dialog.EndOfTurn;
  }

  private questionFor(state: CollectState, w: Wording, context: TurnContext): Partial<Activity> {
    if (state.asking === 'confirm' || state.asking === 'fix') {
      const summary = w.summary(state.report, turnSettings(context).timeZone);
      return this.withButtons(w.confirm(summary), [w.confirmYes, w.confirmNo]);
    }
    return this.promptFor(state.asking, w.ask[state.asking], w);
  }

  private promptFor(slot: ReportSlot, text: string, w: Wording): Partial<Activity> {
    return slot === 'reference' ? this.withButtons(text, [w.noReceiptOption]) : MessageFactory.text(text);
  }

  private withButtons(text: string, titles: readonly string[]): Partial<Activity> {
    return MessageFactory.suggestedActions(CardFactory.actions(titles.map((title) => ({ type: 'imBack', title, value: title }))), text);
  }

  private chosenField(text: string, w: Wording): CorrectableField | null {
    const t = text.trim();
    return FIELD_SLOTS.find((f) => w.fieldNames[f] === t || new RegExp(`^${f}$`, 'i').test(t)) ?? null;
  }

  private wording(context: TurnContext): Wording {
    return wordingFor(turnSettings(context).locale);
  }
}
