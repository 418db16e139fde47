/**
 * Web-page and browser furniture: the lines a government site puts around an article (counters,
 * font-size and print buttons, share links, the breadcrumb) and the header or footer a browser
 * prints on every page. Split and metadata both must see through them.
 */

/** A labelled counter or page part: `访问量：2381`, `字号：大 中 小`, `当前位置：首页 > …`. */
const FURNITURE_LABEL = /^[【[]?[ \u3000]*(?:访问量|访问次数|浏览次数|浏览量|阅读量|阅读次数|点击数|点击量|点击率|字号|字体|当前位置|您的位置|您当前的位置|当前的位置|所在位置|作者|责任编辑|编辑|审核|分享到|扫一扫)[ \u3000]*[：:]/;
/** A row of buttons and nothing else: `打印本页 关闭窗口`, `【打印】【关闭】`, `【大 中 小】`, `分享到：微信 微博`. */
const FURNITURE_BUTTONS = /^(?:[【[]?[ \u3000]*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|分享到[：:][^【[]{0,30}|分享到|分享|收藏本页|加入收藏|收藏|返回顶部|返回|扫一扫在手机打开当前页|大[ \u3000]*中[ \u3000]*小)[ \u3000]*[】\]]?[ \u3000|｜]*)+$/;
/** The longest line that is furniture (a row of counters and buttons). */
const FURNITURE_MAX = 120;
/**
 * A browser's print header or footer: `12/1/26, 9:08 PM 某某规划`, `2021/3/5 下午3:08`, a file
 * or web URL (with its `1/44`). The layout stage removes them from page-made text; here they only
 * must not be taken for titles.
 */
const BROWSER_FURNITURE = /^(?:\d{1,4}[/-]\d{1,2}[/-]\d{1,4}[ ,，]+(?:[上下]午)?\d{1,2}:\d{2}|(?:file|https?):\/\/)/;
/**
 * Whether a line (trimmed) is web-page furniture or a browser's print header or footer. Such a
 * line is never a title, and does not end a document's head (`分享到：` is no salutation).
 */
export function isFurniture(text: string): boolean {
  if (text.length > FURNITURE_MAX) return false;
  return FURNITURE_LABEL.test(text) || (text.length <= 40 && FURNITURE_BUTTONS.test(text)) || BROWSER_FURNITURE.test(text);
}

