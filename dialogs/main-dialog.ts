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
import type { TransactionReport } from '../src/core/report/transaction-report.js';
import { CollectDetailsDialog, COLLECT_DETAILS_DIALOG, type CollectOptions } from './collect-details/collect-details-dialog.js';
import { isGreetingOnly, recogniseCommand } from './commands.js';
import { turnSettings } from './turn-settings.js';
import { wordingFor } from './wording/index.js';

export const MAIN_DIALOG = 'main';
const FLOW = 'mainFlow';

/** What the root dialog reports outward; the bot wires these to storage (and later to tickets). */
export interface MainDialogHooks {
  /** The merchant asked for a person. Returns false if a request was already open. */
  humanRequested(context: TurnContext, report: TransactionReport | null): Promise<boolean>;
  /** The merchant confirmed a complete report. */
  reportConfirmed(context: TurnContext, report: TransactionReport): Promise<void>;
}

/**
 * Root ComponentDialog (the core-bot "cancel and help" pattern): commands are checked before any
 * child dialog sees the message, at any depth; everything else flows greeting → collect → confirm.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly hooks: MainDialogHooks) {
    super(MAIN_DIALOG);
    this.addDialog(new CollectDetailsDialog());
    this.addDialog(new WaterfallDialog(FLOW, [(step) => this.start(step), (step) => this.finish(step)]));
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
        const fresh = await this.hooks.humanRequested(innerDc.context, this.currentReport(innerDc));
        await innerDc.context.sendActivity(fresh ? w.humanRequested : w.humanAlreadyRequested);
        if (innerDc.activeDialog) {
          await innerDc.repromptDialog();
          return { status: DialogTurnStatus.waiting };
        }
        return { status: DialogTurnStatus.complete };
      }
    }
  }

  private currentReport(innerDc: DialogContext): TransactionReport | null {
    const active = innerDc.activeDialog;
    return active?.id === COLLECT_DETAILS_DIALOG ? ((active.state as { report?: TransactionReport }).report ?? null) : null;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = step.context.activity.text ?? '';
    if (isGreetingOnly(text) || text.trim().length === 0) {
      await step.context.sendActivity(wordingFor(turnSettings(step.context).locale).askDescription);
      return step.endDialog();
    }
    const options: CollectOptions = { text };
    return step.beginDialog(COLLECT_DETAILS_DIALOG, options);
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const report = step.result as TransactionReport;
    const settings = turnSettings(step.context);
    const w = wordingFor(settings.locale);
    await step.context.sendActivity(w.collected(w.summary(report, settings.timeZone)));
    await this.hooks.reportConfirmed(step.context, report);
    return step.endDialog(report);
  }
}
