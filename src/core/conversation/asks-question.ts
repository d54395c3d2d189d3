// Tells a question ("51是什么意思", "which number is the reference?") from a report of what happened.
import { normaliseText } from '../nlu/normalise-text.js';

const QUESTION = /[?？]|什么|怎么|如何|哪个|哪里|哪些|哪一|多久|几天|几点|是否|吗|为啥|为什么|咋|啥|能不能|可不可以|要不要|^(?:what|how|which|when|why|where|does|do|can|is|are|should|will|who)\b/i;

/** True when the message asks something rather than (only) reports. */
export function asksQuestion(text: string): boolean {
  return QUESTION.test(normaliseText(text).trim());
}
