// The root dialog: help, start over, a person and the merchant's records work at any step; everything else is the conversation.
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { DiagnosisContext } from '../src/core/diagnosis/diagnose-report.js';
import { isGreetingOnly, isThanks, recogniseCommand } from './commands.js';
import { activeCase, ConversationDialog, CONVERSATION_DIALOG } from './conversation/conversation-dialog.js';
import type { CaseRecord, DeskHooks } from './conversation/desk-hooks.js';
import { turnSettings } from './turn-settings.js';
import { formatMoment } from './wording/format-report.js';
import { inLocale } from './wording/knowledge-text.js';
import { wordingFor, type Wording } from './wording/index.js';

export const MAIN_DIALOG = 'main';

/**
 * Root ComponentDialog (the core-bot "cancel and help" pattern): commands are checked before the
 * conversation sees a message. "转人工 / agent" hands the current case (or none) to a person at any
 * step; "重新开始 / start over" forgets it; "我的记录 / my reports" lists what the merchant reported
 * before without disturbing the question in progress; a bare greeting is asked what happened.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly diagnosis: DiagnosisContext,
    private readonly hooks: DeskHooks,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new ConversationDialog(diagnosis, hooks));
    this.initialDialogId = CONVERSATION_DIALOG;
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
    const settings = turnSettings(innerDc.context);
    const w = wordingFor(settings.locale);
    const waiting = { status: innerDc.activeDialog ? DialogTurnStatus.waiting : DialogTurnStatus.complete };
    switch (recogniseCommand(text)) {
      case 'help':
        await innerDc.context.sendActivity(w.help);
        return waiting;
      case 'records':
        await innerDc.context.sendActivity(this.recordsMessage(await this.hooks.records(innerDc.context), w, settings.locale, settings.timeZone));
        return waiting;
      case 'cancel':
        await innerDc.cancelAllDialogs();
        await innerDc.context.sendActivity(w.cancelled);
        return { status: DialogTurnStatus.cancelled };
      case 'human': {
        const current = activeCase(innerDc);
        const handed = await this.hooks.handOver(innerDc.context, { report: current?.report ?? null, diagnosis: current?.last ?? null, kind: current?.kind ?? null, reason: current?.helped === false ? 'not_helped' : 'asked' });
        for (const message of handed.messages) await innerDc.context.sendActivity(message);
        if (current) await this.hooks.concluded(innerDc.context, { at: settings.now.toISOString(), report: current.report, kind: current.kind, cause: current.last?.cause ?? null, outcome: 'handed_over', ticketId: handed.ticketId });
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete };
      }
      case null:
        if (!innerDc.activeDialog && (isGreetingOnly(text) || text.trim().length === 0)) {
          await innerDc.context.sendActivity(settings.said.pick(w.askDescription));
          return { status: DialogTurnStatus.complete };
        }
        if (!innerDc.activeDialog && isThanks(text)) {
          await innerDc.context.sendActivity(settings.said.pick(w.diagnosis.goodbye));
          return { status: DialogTurnStatus.complete };
        }
        return undefined;
    }
  }

  private recordsMessage(records: readonly CaseRecord[], w: Wording, locale: Parameters<typeof wordingFor>[0], timeZone: string) {
    if (records.length === 0) return MessageFactory.text(w.records.empty);
    const shown = records.slice(0, 10);
    const lines = shown.map((r, i) => {
      const cause = r.cause ? this.diagnosis.model.causes.get(r.cause) : undefined;
      const facts = w.summary(r.report, timeZone) || formatMoment(new Date(r.at), timeZone, locale);
      return `${i + 1}. ${[facts, cause ? inLocale(cause.title, locale) : w.records.noCause, w.records.outcome[r.outcome], r.ticketId].filter(Boolean).join(' · ')}`;
    });
    return MessageFactory.text(`${w.records.heading(shown.length)}\n${lines.join('\n')}`);
  }
}
