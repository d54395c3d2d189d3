// One problem, from the merchant's first words to the fix, a person, or goodbye: reads each message, asks the policy, says its moves.
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { CaseState, Move } from '../../src/core/conversation/case-state.js';
import { expectingFor, nextMove } from '../../src/core/conversation/next-move.js';
import type { DiagnosisContext } from '../../src/core/diagnosis/diagnose-report.js';
import { extractDetails } from '../../src/core/nlu/extract-details.js';
import { turnSettings } from '../turn-settings.js';
import { wordingFor } from '../wording/index.js';
import type { DeskHooks } from './desk-hooks.js';
import { kindLabels, renderMove, type RenderContext } from './render-move.js';

export const CONVERSATION_DIALOG = 'conversation';

interface DialogState {
  case: CaseState | null;
}

/** The case the active conversation dialog holds (for a person asked for in the middle of it), or null. */
export function activeCase(dc: DialogContext): CaseState | null {
  const active = dc.activeDialog;
  return active?.id === CONVERSATION_DIALOG ? ((active.state as DialogState).case ?? null) : null;
}

/**
 * A Dialog over the conversation policy (src/core/conversation): every message is read for every
 * detail (with the slot the bot is waiting for), the policy decides, the moves are said. The dialog
 * ends when the case ends (solved, handed to a person, or closed), after recording it.
 */
export class ConversationDialog extends Dialog {
  constructor(
    private readonly diagnosis: DiagnosisContext,
    private readonly hooks: DeskHooks,
  ) {
    super(CONVERSATION_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    dc.activeDialog!.state = { case: null } satisfies DialogState;
    return this.onMessage(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    return this.onMessage(dc);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = (instance.state as DialogState).case;
    if (state?.pending) await this.say(context, [{ type: 'ask', pending: state.pending, retry: 0 }], state);
  }

  private async onMessage(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as DialogState;
    const settings = turnSettings(dc.context);
    const text = dc.context.activity.text ?? '';
    const details = extractDetails(text, { now: settings.now, timeZone: settings.timeZone, defaultCurrency: settings.currency, ...(expectingFor(state.case?.pending ?? null) ? { expecting: expectingFor(state.case?.pending ?? null)! } : {}) });
    const turn = nextMove(state.case, { text: details.redacted, details, now: settings.now, timeZone: settings.timeZone, kindLabels: kindLabels(wordingFor(settings.locale)) }, this.diagnosis);
    const ticketId = await this.say(dc.context, turn.moves, turn.state);
    if (!turn.outcome) {
      state.case = turn.state;
      return Dialog.EndOfTurn;
    }
    const { report, kind, last } = turn.state;
    const cause = turn.outcome === 'resolved' || turn.outcome === 'handed_over' || last?.decision === 'answer' ? (last?.cause ?? null) : null;
    await this.hooks.concluded(dc.context, { at: settings.now.toISOString(), report, kind, cause, outcome: turn.outcome, ...(ticketId ? { ticketId } : {}) });
    return dc.endDialog(turn.outcome);
  }

  /** Says the moves in order; a handover goes through the desk. Resolves with the ticket id, when one was opened. */
  private async say(context: TurnContext, moves: readonly Move[], state: CaseState): Promise<string | null> {
    const settings = turnSettings(context);
    const r: RenderContext = { w: wordingFor(settings.locale), market: this.diagnosis.settlement.market.name, locale: settings.locale, timeZone: settings.timeZone, model: this.diagnosis.model, said: settings.said };
    let ticketId: string | null = null;
    for (const move of moves) {
      if (move.type === 'handover') {
        const handed = await this.hooks.handOver(context, { report: state.report, diagnosis: state.last, kind: state.kind, reason: move.reason });
        ticketId = handed.ticketId;
        for (const message of handed.messages) await context.sendActivity(message);
        continue;
      }
      for (const message of renderMove(move, state, r)) await context.sendActivity(message);
    }
    return ticketId;
  }
}
