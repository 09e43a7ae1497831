// A message's HTML made safe to show: inline images (src="cid:...") pointed at their attachment's
// download URL, then everything DOMPurify does not allow taken out (scripts, event handlers,
// forms, frames, javascript: links). The result goes into a sandboxed frame (HtmlBody.tsx), never
// into the page itself; remote images are kept out by the app's Content-Security-Policy.
//
// That policy also refuses inline styles (a <style> element, a style="" attribute) in the frame,
// which inherits it. Mail leans on them, so a style attribute is kept aside as data-sd-style and
// applied through the CSS object model once the frame has loaded (applyFrameStyles), which the
// policy allows; CSS cannot run code, and its remote url()s are refused by img-src.
import DOMPurify from 'dompurify';
import type { Attachment } from './types';

/** "<abc@x>" and "abc@x" name the same part. */
function normaliseCid(cid: string): string {
  return cid.trim().replace(/^</, '').replace(/>$/, '').toLowerCase();
}

/**
 * content-id -> URL for the attachments that can be shown (the rejected ones have no content);
 * `urlOf` gives an attachment's download URL.
 */
export function cidMap(attachments: Attachment[], urlOf: (a: Attachment) => string): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of attachments) {
    if (a.content_id && !a.rejected_reason) map.set(normaliseCid(a.content_id), urlOf(a));
  }
  return map;
}

/** The URL a "cid:..." reference stands for, or null when it names no attachment. */
export function resolveCid(src: string, cids: Map<string, string>): string | null {
  const m = /^cid:(.+)$/i.exec(src.trim());
  if (!m) return null;
  let id = m[1];
  try {
    id = decodeURIComponent(id);
  } catch {
    /* keep it as written */
  }
  return cids.get(normaliseCid(id)) ?? null;
}

/**
 * The sanitised HTML of a message: cid: images rewritten to their attachments (an unknown cid
 * loses its src), links opened outside the frame without handing it over.
 */
export function sanitiseMessageHtml(html: string, cids: Map<string, string>): string {
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (/^cid:/i.test(src.trim())) {
        const url = resolveCid(src, cids);
        if (url) node.setAttribute('src', url);
        else node.removeAttribute('src');
      }
    }
    const style = node.getAttribute('style');
    if (style !== null) {
      node.removeAttribute('style');
      if (style.trim()) node.setAttribute('data-sd-style', style);
    }
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purify.sanitize(html, {
    // cid: is let through only so that the hook above can rewrite it.
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|cid):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'base', 'meta', 'link'],
    FORBID_ATTR: ['srcset', 'background'],
    ADD_ATTR: ['target'],
  });
}

/** The document put into the sandboxed frame (its style comes from applyFrameStyles). */
export function frameDocument(safeHtml: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${safeHtml}</body></html>`;
}

/** The frame's own readable defaults. */
export const FRAME_CSS =
  'body{margin:0;font:14px/1.5 system-ui,sans-serif;color:#1f2328;overflow-wrap:anywhere}' +
  'img{max-width:100%;height:auto}blockquote{margin:0 0 0 .5em;padding-left:.75em;border-left:3px solid #d0d7de;color:#57606a}' +
  'table{max-width:100%}';

/**
 * Styles the loaded frame without inline CSS: the defaults as a constructed style sheet, and each
 * element's own style (kept aside by sanitiseMessageHtml) through the CSS object model.
 */
export function applyFrameStyles(doc: Document): void {
  const win = doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
  try {
    if (win && 'adoptedStyleSheets' in doc) {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(FRAME_CSS);
      doc.adoptedStyleSheets = [sheet];
    }
  } catch {
    /* an old browser: the mail shows with the browser's defaults */
  }
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>('[data-sd-style]'))) {
    el.style.cssText = el.getAttribute('data-sd-style') ?? '';
    el.removeAttribute('data-sd-style');
  }
}
