// A message's HTML in a sandboxed frame: sanitised first (html.ts), shown in an iframe that may
// not run scripts, grown to its content's height. allow-same-origin lets the frame load the
// inline images (same-origin attachment URLs, with the session cookie) and lets the page measure
// it; without allow-scripts that gives the frame's content no power.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentUrl } from './api';
import { applyFrameStyles, cidMap, frameDocument, sanitiseMessageHtml } from './html';
import type { Message } from './types';

export function HtmlBody({ conversationId, message }: { conversationId: string; message: Message }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(120);
  const doc = useMemo(() => {
    const cids = cidMap(message.attachments, (a) => attachmentUrl(conversationId, a.id));
    return frameDocument(sanitiseMessageHtml(message.html ?? '', cids));
  }, [conversationId, message]);
  return (
    <iframe
      ref={ref}
      className="sd-html"
      title={t('servicedesk.thread.htmlTitle', { from: message.from_name })}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      srcDoc={doc}
      style={{ height }}
      onLoad={() => {
        const doc = ref.current?.contentDocument;
        if (!doc?.body) return;
        applyFrameStyles(doc);
        setHeight(Math.min(Math.max(doc.documentElement.scrollHeight + 4, 40), 4000));
      }}
    />
  );
}
