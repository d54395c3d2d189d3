// Recognises the merchant's commands in any language and script: help, start over, a person, their records.
import { normaliseText } from '../src/core/nlu/normalise-text.js';

export type Command = 'help' | 'cancel' | 'human' | 'records';

const HELP = /^(?:帮助|帮忙|怎么用|怎么弄|不会用|使用说明|help|\?|？|what do you need|what can you do|how does this work)[\s!！。.?？]*$/i;
const CANCEL = /^(?:取消|算了|不用了|重来|重新来|cancel|reset|never ?mind|forget it)[\s!！。.]*$|重新开始|从头开始|从头来|start over|start again|restart/i;
const HUMAN =
  /转人工|人工客服|找.{0,2}人工|要人工|接人工|人工服务|转客服|找.{0,2}客服|客服在吗|真人|找专人|专人处理|找个人|找人处理|找人帮|^人工[\s!！。.吧啊]*$|get (?:me )?(?:someone|somebody) to|someone to (?:fix|help|look|call)|talk to (?:a |an |your )?(?:person|human|agent|someone|somebody|rep)|speak (?:to|with) (?:a |an )?(?:person|human|agent|someone|somebody|rep)|real person|human agent|live agent|customer service|(?:^|\s)agent(?: please)?[\s!.]*$|^(?:a )?(?:human|person)(?: please)?[\s!.]*$|get (?:me )?(?:someone|somebody|a person|a human)|someone (?:to help|who can)/i;
const RECORDS = /^(?:我的记录|我的报告|我的问题记录|我的工单|我报过的问题|问题记录|历史记录|my (?:reports?|records?|history|tickets)|show (?:me )?my (?:reports?|records?|history))[\s!！。.?？]*$/i;

/**
 * A command that applies at any step, or null. Help, start over and records must be the whole message;
 * a person may be asked for inside a sentence ("那找人工吧 急", "agent please", "get someone to fix it").
 */
export function recogniseCommand(text: string): Command | null {
  const t = normaliseText(text).trim();
  if (HUMAN.test(t)) return 'human';
  if (CANCEL.test(t)) return 'cancel';
  if (RECORDS.test(t)) return 'records';
  if (HELP.test(t)) return 'help';
  return null;
}

const GREETING_ONLY = /^(?:你好|您好|在吗|在不在|哈喽|嗨|hi|hello|hey|good (?:morning|afternoon|evening)|早上好|下午好|晚上好|早|有人吗)[\s!！。.~,，呀啊]*$/i;

const THANKS = /^(?:ok|okay|好的|好|行|嗯+|收到|知道了|明白了)?[\s,，.。!！]*(?:谢谢|多谢|感谢|谢了|thanks?|thank you|thx|cheers|ta)(?:[\s,，.。!！~]*(?:你|您|啦|了|a lot|so much|mate|!)*)?[\s!！。.~👍🙏]*$|^(?:ok|okay|好的|知道了|明白了|got it|understood|no worries|all good)[\s!！。.~👍🙏]*$/i;

/** True for thanks or an acknowledgement with nothing else in it ("ok thanks", "好的谢谢"). */
export function isThanks(text: string): boolean {
  return THANKS.test(normaliseText(text).trim());
}

/** True for a greeting with nothing else in it. */
export function isGreetingOnly(text: string): boolean {
  return GREETING_ONLY.test(normaliseText(text).trim());
}
