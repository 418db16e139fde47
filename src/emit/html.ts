/** What every HTML page plans writes shares: escaping, the CJK font stack, a strict Content-Security-Policy. */
import { createHash } from 'node:crypto';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** System UI first, then the Chinese fonts of Linux, macOS and Windows, so no font is fetched. */
export const CJK_FONTS = `system-ui,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif`;

/** The `'sha256-…'` source expression that lets exactly this inline script or style run. */
function hashSource(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * A meta Content-Security-Policy that forbids everything (network, plugins, forms) but the given
 * inline styles and scripts, each allowed by its hash; without scripts, none may run.
 */
export function cspMeta(styles: readonly string[], scripts: readonly string[] = []): string {
  const script = scripts.length > 0 ? `; script-src ${scripts.map(hashSource).join(' ')}` : '';
  return `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${styles.map(hashSource).join(' ')}${script}; img-src data:">`;
}

/** JSON that can stand inside a <script type="application/json"> block: no `</script>` or `<!--` can close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
