// The public contact form's settings as the screen edits them (GET/PUT /contact-form), and what
// the screen shows of the public side: the form's addresses (/public/contact/{workspace slug},
// its script-free page .../embed.html) and the <iframe> snippet to paste into the company's site.
// Pure functions, tested in settingsLogic.test.ts.
import { API_BASE } from '../../api/client';
import type { Schemas } from '../../api/types';

export type ContactFormSettings = Schemas['ContactFormSettings'];
export type ContactFormInput = Schemas['ContactFormSettingsInput'];

/** The form on the screen: the team as a select's value ('' for none), the sites one per row. */
export interface ContactFormDraft {
  enabled: boolean;
  team_id: string;
  origins: string[];
  success_message: string;
}

export function settingsToDraft(s: ContactFormSettings): ContactFormDraft {
  return {
    enabled: s.enabled,
    team_id: s.team_id ?? '',
    // One empty row to start from when no site is allowed yet.
    origins: s.allowed_origins.length > 0 ? [...s.allowed_origins] : [''],
    success_message: s.success_message,
  };
}

/**
 * What to PUT, and for each origin sent the row it came from: blank rows are left out, so the
 * server's "/allowed_origins/2" may be the fourth row on the screen.
 */
export function draftToInput(d: ContactFormDraft): { input: ContactFormInput; originRows: number[] } {
  const originRows: number[] = [];
  const allowed_origins: string[] = [];
  d.origins.forEach((o, row) => {
    const v = o.trim();
    if (!v) return;
    originRows.push(row);
    allowed_origins.push(v);
  });
  return {
    input: {
      enabled: d.enabled,
      team_id: d.team_id || null,
      allowed_origins,
      success_message: d.success_message,
    },
    originRows,
  };
}

/** The error field of a row's origin ("allowed_origins.2"), given the rows last sent. */
export function originErrorField(originRows: number[], row: number): string | undefined {
  const sent = originRows.indexOf(row);
  return sent < 0 ? undefined : `allowed_origins.${sent}`;
}

/** The form's public address (JSON: GET for a token and the fields, POST a message). */
export function publicFormUrl(origin: string, slug: string): string {
  return `${origin}${API_BASE}/public/contact/${encodeURIComponent(slug)}`;
}

/** The ready-made HTML form, in `lang` (or, without one, in the visitor's browser language). */
export function embedPageUrl(origin: string, slug: string, lang = ''): string {
  return `${publicFormUrl(origin, slug)}/embed.html${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
}

function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The <iframe> to paste into a page of one of the allowed sites. */
export function embedSnippet(origin: string, slug: string, lang: string, title: string): string {
  return (
    `<iframe src="${attribute(embedPageUrl(origin, slug, lang))}" title="${attribute(title)}"` +
    ` style="width:100%;min-height:40em;border:0" loading="lazy"></iframe>`
  );
}
