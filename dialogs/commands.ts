// Recognises the merchant's commands in either language: help, cancel, a person, yes / no, no receipt.

export type Command = 'help' | 'cancel' | 'human';

const HELP = /^(?:帮助|帮忙|怎么用|怎么弄|不会用|help|\?|？|what do you need|what can you do)[\s!！。.?？]*$/i;
const CANCEL = /^(?:取消|算了|不用了|重新开始|重来|从头开始|重新来|cancel|start over|restart|reset|never ?mind|forget it)[\s!！。.]*$/i;
const HUMAN = /转人工|人工客服|找人工|要人工|^人工|真人|客服电话|找客服|联系客服|talk to (?:a |an )?(?:person|human|agent|someone)|speak to (?:a |an )?(?:person|human|agent|someone)|real person|human agent|^agent$|^(?:a )?human$|customer service|live agent/i;

/** A command that applies at any step, or null. Help and cancel must be the whole message; a person may be asked for inside a sentence. */
export function recogniseCommand(text: string): Command | null {
  const t = text.trim();
  if (HUMAN.test(t)) return 'human';
  if (CANCEL.test(t)) return 'cancel';
  if (HELP.test(t)) return 'help';
  return null;
}

const YES = /^(?:对|对的|是|是的|没错|正确|嗯|嗯嗯|好|好的|可以|确认|ok|okay|yes|yep|yeah|y|correct|right|that's right|confirm(?:ed)?)[\s!！。.]*$/i;
const NO = /^(?:不对|不是|错了|有误|不正确|no|nope|n|wrong|not right|incorrect)(?:[\s,，!！。.]|$)/i;

/** 'yes', 'no' or null for an answer to a read-back. "不对，是2000" is 'no' (and carries a correction). */
export function recogniseYesNo(text: string): 'yes' | 'no' | null {
  const t = text.trim();
  if (YES.test(t)) return 'yes';
  if (NO.test(t)) return 'no';
  return null;
}

const NO_RECEIPT = /没有?小票|没(?:有)?(?:签购单|凭条|单子)|小票(?:丢|没了|找不到|没打)|不知道|不清楚|记不(?:得|清)|找不到|no receipt|don'?t have (?:the |a )?receipt|lost (?:the )?receipt|don'?t know|no idea|not sure/i;

/** True when the merchant says they have no receipt or do not know the reference. */
export function saysNoReceipt(text: string): boolean {
  return NO_RECEIPT.test(text);
}

const GREETING_ONLY = /^(?:你好|您好|在吗|在不在|哈喽|嗨|hi|hello|hey|good (?:morning|afternoon|evening)|早上好|下午好|晚上好)[\s!！。.~,，呀啊]*$/i;

/** True for a greeting with nothing else in it. */
export function isGreetingOnly(text: string): boolean {
  return GREETING_ONLY.test(text.trim());
}

const QUESTION = /[?？]|什么|怎么|如何|哪个|哪里|哪些|多久|几天|几点|是否|吗|为啥|为什么|咋|啥|能不能|可不可以|^(?:what|how|which|when|why|where|does|do|can|is|are|should|will)\b/i;

/** True when the message asks something ("51是什么意思", "how long does T+1 take?") rather than reports. */
export function isQuestion(text: string): boolean {
  return QUESTION.test(text.trim());
}
