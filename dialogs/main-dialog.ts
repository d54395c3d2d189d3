// The root dialog: greets, runs the collection, and handles help / cancel / a person at any step.
import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { diagnose } from '../src/core/diagnosis/diagnose.js';
import type { DiagnosisContext } from '../src/core/diagnosis/diagnose-report.js';
import { extractDetails } from '../src/core/nlu/extract-details.js';
import type { TransactionReport } from '../src/core/report/transaction-report.js';
import { CollectDetailsDialog, COLLECT_DETAILS_DIALOG, type CollectOptions } from './collect-details/collect-details-dialog.js';
import { isGreetingOnly, isQuestion, recogniseCommand } from './commands.js';
import { DiagnoseDialog, DIAGNOSE_DIALOG, type DiagnoseOptions, type DiagnoseResult } from './diagnose/diagnose-dialog.js';
import { offTopicReply } from './diagnose/off-topic-reply.js';
import { turnSettings } from './turn-settings.js';
import { wordingFor } from './wording/index.js';

export const MAIN_DIALOG = 'main';
const FLOW = 'mainFlow';

/** What the waterfall keeps between its steps. */
interface FlowValues {
  questionOnly?: boolean;
  report?: TransactionReport;
}

const flowValues = (step: WaterfallStepContext) => step.values as FlowValues;

/** What the root dialog reports outward; the bot wires these to storage (and later to tickets). */
export interface MainDialogHooks {
  /** The merchant asked for (or was offered and took) a person: open or find the ticket; returns what to tell them. */
  humanRequested(context: TurnContext, report: TransactionReport | null, diagnosis: DiagnoseResult | null, reason: string): Promise<string>;
  /** A conversation reached its end: the report (null for a plain question) and what the diagnosis found. */
  concluded(context: TurnContext, report: TransactionReport | null, diagnosis: DiagnoseResult): Promise<void>;
}

/**
 * Root ComponentDialog (the core-bot "cancel and help" pattern): commands are checked before any
 * child dialog sees the message, at any depth. A report flows collect → confirm → diagnose; a plain
 * question ("51是什么意思") goes straight to the diagnosis; an off-topic message is steered back.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly hooks: MainDialogHooks,
    private readonly diagnosis: DiagnosisContext,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new CollectDetailsDialog());
    this.addDialog(new DiagnoseDialog(diagnosis));
    this.addDialog(
      new WaterfallDialog(FLOW, [(step) => this.start(step), (step) => this.diagnoseReport(step), (step) => this.conclude(step)]),
    );
    this.initialDialogId = FLOW;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const text = innerDc.context.activity.text;
    if (typeof text !== 'string') return undefined;
    const command = recogniseCommand(text);
    if (command === null) return undefined;
    const w = wordingFor(turnSettings(innerDc.context).locale);
    switch (command) {
      case 'help':
        await innerDc.context.sendActivity(w.help);
        if (innerDc.activeDialog) {
          await innerDc.repromptDialog();
          return { status: DialogTurnStatus.waiting };
        }
        await innerDc.context.sendActivity(w.askDescription);
        return { status: DialogTurnStatus.complete };
      case 'cancel':
        await innerDc.cancelAllDialogs();
        await innerDc.context.sendActivity(w.cancelled);
        return { status: DialogTurnStatus.cancelled };
      case 'human': {
        // A person takes over from here: the ticket carries what was collected and diagnosed, and the dialog ends.
        const { report, diagnosis } = this.currentWork(innerDc);
        const reason = diagnosis ? 'the merchant asked for a person after the diagnosis' : 'the merchant asked for a person';
        await innerDc.context.sendActivity(await this.hooks.humanRequested(innerDc.context, report, diagnosis, reason));
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete };
      }
    }
  }

  /** Terminal faults (no signal, printer, sign-in ...) are fixed without looking up a transaction. */
  private needsTransaction(causeId: string): boolean {
    const cause = this.diagnosis.model.causes.get(causeId);
    return !cause || (cause.class !== 'terminal' && cause.class !== 'info') || causeId === 'communication_timeout';
  }

  /** What the active child dialog has so far: the report being collected, or the report and diagnosis. */
  private currentWork(innerDc: DialogContext): { report: TransactionReport | null; diagnosis: DiagnoseResult | null } {
    const active = innerDc.activeDialog;
    const state = active?.state as { report?: TransactionReport | null; last?: DiagnoseResult | null } | undefined;
    if (active?.id === COLLECT_DETAILS_DIALOG) return { report: state?.report ?? null, diagnosis: null };
    if (active?.id === DIAGNOSE_DIALOG) return { report: state?.report ?? null, diagnosis: state?.last ? { ...state.last, resolved: false, wantsPerson: true } : null };
    return { report: null, diagnosis: null };
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = step.context.activity.text ?? '';
    const settings = turnSettings(step.context);
    const w = wordingFor(settings.locale);
    if (isGreetingOnly(text) || text.trim().length === 0) {
      await step.context.sendActivity(w.askDescription);
      return step.endDialog();
    }
    const details = extractDetails(text, { now: settings.now, timeZone: settings.timeZone, defaultCurrency: settings.currency });
    const first = diagnose(this.diagnosis.model, { text: details.problemWords, responseCode: details.identifiers.responseCode });
    const noTransaction = details.amount.kind === 'none' && details.identifiers.references.length === 0;
    if (first.offTopic && noTransaction) {
      await step.context.sendActivity(offTopicReply(first, this.diagnosis.model, w, settings.locale));
      return step.endDialog();
    }
    // A plain question, or a terminal fault that needs no transaction looked up, is answered at once.
    const terminalFault = first.decision === 'answer' && first.cause !== null && !this.needsTransaction(first.cause);
    if (noTransaction && ((isQuestion(text) && details.time.kind !== 'ok') || terminalFault)) {
      flowValues(step).questionOnly = true;
      const options: DiagnoseOptions = { text: details.problemWords, report: null, responseCode: details.identifiers.responseCode };
      return step.beginDialog(DIAGNOSE_DIALOG, options);
    }
    const options: CollectOptions = { text };
    return step.beginDialog(COLLECT_DETAILS_DIALOG, options);
  }

  private async diagnoseReport(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (flowValues(step).questionOnly) return step.next(step.result);
    const report = step.result as TransactionReport;
    const settings = turnSettings(step.context);
    const w = wordingFor(settings.locale);
    flowValues(step).report = report;
    await step.context.sendActivity(w.collected(w.summary(report, settings.timeZone)));
    const options: DiagnoseOptions = { text: report.problem.join('\n'), report };
    return step.beginDialog(DIAGNOSE_DIALOG, options);
  }

  private async conclude(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as DiagnoseResult;
    const report = flowValues(step).report ?? null;
    await this.hooks.concluded(step.context, report, result);
    if (result.wantsPerson) {
      const reason = result.cause && this.diagnosis.model.causes.get(result.cause)?.action !== 'fix' ? 'the cause needs the acquirer' : 'the suggested fix did not help';
      await step.context.sendActivity(await this.hooks.humanRequested(step.context, report, result, reason));
    }
    return step.endDialog(result);
  }
}
