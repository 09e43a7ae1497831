// A customer's HTML is shown only after sanitising: scripts and handlers gone, inline images
// pointed at their attachments.
import { describe, expect, it } from 'vitest';
import { applyFrameStyles, cidMap, frameDocument, resolveCid, sanitiseMessageHtml } from './html';
import type { Attachment } from './types';

const att = (id: string, cid: string | null, rejected: string | null = null): Attachment => ({
  id,
  filename: `${id}.png`,
  content_type: 'image/png',
  size: 10,
  inline: true,
  content_id: cid,
  rejected_reason: rejected,
});
const url = (a: Attachment) => `/api/v1/conversations/5/attachments/${a.id}`;

describe('inline images', () => {
  const cids = cidMap([att('1', '<logo@mail>'), att('2', 'Photo.JPG@x'), att('3', 'big@x', 'too large')], url);

  it('map content ids (with or without angle brackets, any case) to download URLs', () => {
    expect(resolveCid('cid:logo@mail', cids)).toBe('/api/v1/conversations/5/attachments/1');
    expect(resolveCid('CID:photo.jpg@x', cids)).toBe('/api/v1/conversations/5/attachments/2');
    expect(resolveCid('cid:%3Clogo@mail%3E', cids)).toBe('/api/v1/conversations/5/attachments/1');
    expect(resolveCid('cid:big@x', cids)).toBeNull(); // rejected: there is nothing to show
    expect(resolveCid('https://x/y.png', cids)).toBeNull();
  });

  it('are rewritten in the sanitised HTML; unknown ones lose their source', () => {
    const out = sanitiseMessageHtml('<p>Hi<img src="cid:logo@mail" alt="logo"><img src="cid:nope@x" alt="gone"></p>', cids);
    const doc = new DOMParser().parseFromString(out, 'text/html');
    const imgs = doc.querySelectorAll('img');
    expect(imgs[0].getAttribute('src')).toBe('/api/v1/conversations/5/attachments/1');
    expect(imgs[1].hasAttribute('src')).toBe(false);
  });
});

describe('sanitising', () => {
  const clean = (html: string) => sanitiseMessageHtml(html, new Map());

  it('removes scripts, event handlers, javascript: links, forms and frames', () => {
    const out = clean(
      '<p onclick="steal()">Hello <b>there</b></p><script>alert(1)</script><img src=x onerror="alert(2)">' +
        '<a href="javascript:alert(3)">click</a><form action="/x"><input name="p"></form><iframe src="/"></iframe>' +
        '<style>body{display:none}</style><svg><script>alert(4)</script></svg>',
    );
    expect(out).toContain('<b>there</b>');
    expect(out).not.toMatch(/script|onclick|onerror|javascript:|<form|<input|<iframe|<style|alert/i);
  });

  it('keeps ordinary links and opens them outside the frame', () => {
    const out = clean('<a href="https://example.it/ordine?id=1">order</a> <a href="mailto:a@b.it">mail</a>');
    const doc = new DOMParser().parseFromString(out, 'text/html');
    const links = [...doc.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.it/ordine?id=1', 'mailto:a@b.it']);
    expect(links.every((a) => a.getAttribute('target') === '_blank' && a.getAttribute('rel') === 'noopener noreferrer')).toBe(
      true,
    );
  });

  it('puts the result into a whole document for the sandboxed frame', () => {
    const doc = frameDocument('<p>x</p>');
    expect(doc.startsWith('<!doctype html>')).toBe(true);
    expect(doc).toContain('<body><p>x</p></body>');
    expect(doc).not.toMatch(/<style|style=/);
  });

  it('keeps inline styles aside, to be applied through the CSS object model (the page refuses inline CSS)', () => {
    const out = clean('<p style="color: red; font-weight: bold">red</p><p style="">plain</p>');
    expect(out).not.toMatch(/\sstyle="/);
    const doc = new DOMParser().parseFromString(frameDocument(out), 'text/html');
    applyFrameStyles(doc);
    const [red, plain] = [...doc.querySelectorAll('p')];
    expect(red.style.color).toBe('red');
    expect(red.style.fontWeight).toBe('bold');
    expect(red.hasAttribute('data-sd-style')).toBe(false);
    expect(plain.hasAttribute('data-sd-style')).toBe(false);
  });
});
