// A message's HTML made safe to show: inline images (src="cid:...") pointed at their attachment's
// download URL, then everything DOMPurify does not allow taken out (scripts, event handlers,
// forms, frames, javascript: links). The result goes into a sandboxed frame (HtmlBody.tsx), never
// into the page itself; remote images are kept out by the app's Content-Security-Policy.
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

/** The document put into the sandboxed frame: the sanitised body and a readable default style. */
export function frameDocument(safeHtml: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    '<style>body{margin:0;font:14px/1.5 system-ui,sans-serif;color:#1f2328;overflow-wrap:anywhere}' +
    'img{max-width:100%;height:auto}blockquote{margin:0 0 0 .5em;padding-left:.75em;border-left:3px solid #d0d7de;color:#57606a}' +
    'table{max-width:100%}</style></head><body>' +
    safeHtml +
    '</body></html>'
  );
}
