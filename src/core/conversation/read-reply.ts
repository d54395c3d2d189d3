// Reads a merchant's short answer to the bot's own question: yes, no, or "I don't know", in the forms merchants use.
import { normaliseText } from '../nlu/normalise-text.js';

export type Reply = 'yes' | 'no' | 'unknown';

const END = String.raw`[\s,，.。!！~～?？了啊呀呢吧哦噢嘛的👍🙏]*$`;

/** Whole-message yes: "对", "好的", "ok", "yep", "sure". */
const YES = new RegExp(
  String.raw`^(?:对|对的|对啊|是|是的|是啊|没错|正确|嗯+|好|好的|好了|行|行了|可以|可以了|确认|要|要的|需要|ok+|okay|k|yes|yep|yup|yeah|ya|sure|please|yes please|correct|right|that'?s right|confirm(?:ed)?)${END}`,
  'i',
);
/** It works now / understood, anywhere in a short message: "插卡可以了", "ok its back on", "知道了谢谢". */
const WORKS = /可以了|好了|能用了|能刷了|刷过了|成功了|解决了|搞定|没问题了|正常了|恢复了|知道了|明白了|懂了|it worked|that worked|works now|working now|(?:all )?(?:fixed|sorted|solved)|back on|back up|all good|got it|understood|thanks?,? (?:it )?work/i;
/** Still not working, anywhere: "重启过了 没用", "签了 还是不行", "still nothing", "its not there". */
const STILL_NOT = /还是不行|还不行|还是不能|还是刷不|还是连不上|还是没|还没好|没用|没有用|不管用|没解决|没有解决|不好使|依旧|照样|一样的问题|still (?:not|no|the same|failing|broken|doesn'?t|won'?t|nothing|declin)|(?:it )?didn'?t (?:work|help)|(?:it )?doesn'?t work|not working|no luck|not fixed|not there|isn'?t there|nothing (?:came|showed|shows|there)|same (?:problem|error|thing)/i;
/** Whole-message no: "不对", "没有", "nope", "not really". */
const NO = /^(?:没有|没|不对|不是|错了|有误|不正确|不行|不行啊|不要|不用|不用了|不需要|算了|no+|nope|nah|n|wrong|not right|incorrect|not really|no thanks?|not now)(?:[\s,，.。!！~～?？]|$)/i;
const UNKNOWN = /^(?:不知道|不清楚|不记得|记不得|记不清|忘了|忘记了|想不起来|没了|没有小票|没小票|没单子|没单号|找不到|看不到|不晓得|不懂|没注意|没看|无|dunno|don'?t know|do not know|no idea|not sure|i'?m not sure|none|n\/a|na|can'?t remember|don'?t remember|forgot|no receipt|i don'?t have (?:it|one|a receipt|the receipt)|not available)/i;

/**
 * 'yes', 'no' or 'unknown' for a reply to the bot's question, else null. "还是不行", "重启过了 没用",
 * "not really" are 'no'; "好了", "插卡可以了", "ok its back on" are 'yes'; "不知道", "没有小票",
 * "忘了", "don't know", "none" are 'unknown'. To a question about a detail, 'no' means the merchant
 * does not have it. Traditional characters and full-width letters read the same.
 */
export function readReply(text: string): Reply | null {
  const t = normaliseText(text).trim();
  if (t.length === 0) return null;
  if (STILL_NOT.test(t)) return 'no';
  if (YES.test(t) || WORKS.test(t)) return 'yes';
  if (NO.test(t)) return 'no';
  if (UNKNOWN.test(t)) return 'unknown';
  return null;
}
