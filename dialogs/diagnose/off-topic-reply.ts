// What the bot says to a message outside its job: the topic's short answer when it knows one, what it helps with, a person on offer.
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Diagnosis } from '../../src/core/diagnosis/types.js';
import type { DiagnosisModel } from '../../src/core/diagnosis/diagnosis-model.js';
import type { Locale, Wording } from '../wording/index.js';
import { langOf } from './explain-diagnosis.js';

/**
 * For a known out-of-scope topic (rates, applying for a terminal ...): its answer from the knowledge
 * base, then what the bot can help with; otherwise the steer back alone. Either way a person is one
 * tap (or one word) away.
 */
export function offTopicReply(diagnosis: Diagnosis, model: DiagnosisModel, w: Wording, locale: Locale): Partial<Activity> {
  const topic = diagnosis.topic ? model.topics.get(diagnosis.topic) : undefined;
  const text = topic ? `${topic.answer[langOf(locale)]}\n\n${w.diagnosis.offTopic}` : w.diagnosis.offTopic;
  return MessageFactory.suggestedActions(CardFactory.actions([{ type: 'imBack', title: w.diagnosis.humanYes, value: w.diagnosis.humanYes }]), text);
}
