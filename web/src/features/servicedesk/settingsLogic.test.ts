// The contact form's draft and addresses, and when a team's page shows its inbox assignment.
import { describe, expect, it } from 'vitest';
import { nobodyToAssign, showsAssignment } from './assignment';
import {
  draftToInput,
  embedPageUrl,
  embedSnippet,
  originErrorField,
  publicFormUrl,
  settingsToDraft,
  type ContactFormSettings,
} from './contactForm';

const stored: ContactFormSettings = {
  enabled: true,
  team_id: '5',
  allowed_origins: ['https://shop.example.com', 'https://www.example.com'],
  success_message: 'Grazie!',
  updated_at: 1_700_000_000_000,
};

describe('the contact form draft', () => {
  it('round-trips the stored settings', () => {
    const d = settingsToDraft(stored);
    expect(d).toEqual({
      enabled: true,
      team_id: '5',
      origins: ['https://shop.example.com', 'https://www.example.com'],
      success_message: 'Grazie!',
    });
    expect(draftToInput(d)).toEqual({
      input: {
        enabled: true,
        team_id: '5',
        allowed_origins: ['https://shop.example.com', 'https://www.example.com'],
        success_message: 'Grazie!',
      },
      originRows: [0, 1],
    });
  });

  it('starts with one empty site row when no site is allowed yet', () => {
    const d = settingsToDraft({ ...stored, team_id: null, allowed_origins: [] });
    expect(d.team_id).toBe('');
    expect(d.origins).toEqual(['']);
    expect(draftToInput(d).input.allowed_origins).toEqual([]);
  });

  it('sends no team as null and leaves blank rows out, remembering which row each origin came from', () => {
    const { input, originRows } = draftToInput({
      enabled: false,
      team_id: '',
      origins: ['', ' https://a.example ', '   ', 'ftp://bad'],
      success_message: '',
    });
    expect(input).toEqual({
      enabled: false,
      team_id: null,
      allowed_origins: ['https://a.example', 'ftp://bad'],
      success_message: '',
    });
    expect(originRows).toEqual([1, 3]);
    // The server's "/allowed_origins/1" is the fourth row on the screen; blank rows have no error field.
    expect(originErrorField(originRows, 3)).toBe('allowed_origins.1');
    expect(originErrorField(originRows, 1)).toBe('allowed_origins.0');
    expect(originErrorField(originRows, 2)).toBeUndefined();
  });
});

describe('the public form addresses', () => {
  it('are under the workspace slug, the page in a chosen language or the visitor’s', () => {
    expect(publicFormUrl('https://crm.example.it', 'acme')).toBe('https://crm.example.it/api/v1/public/contact/acme');
    expect(embedPageUrl('https://crm.example.it', 'acme')).toBe('https://crm.example.it/api/v1/public/contact/acme/embed.html');
    expect(embedPageUrl('https://crm.example.it', 'acme', 'pt')).toBe(
      'https://crm.example.it/api/v1/public/contact/acme/embed.html?lang=pt',
    );
    expect(publicFormUrl('http://x', 'a b')).toBe('http://x/api/v1/public/contact/a%20b');
  });

  it('embed as an iframe whose attributes are escaped', () => {
    expect(embedSnippet('https://crm.example.it', 'acme', 'it', 'Contatta "Caffè & Co" <srl>')).toBe(
      '<iframe src="https://crm.example.it/api/v1/public/contact/acme/embed.html?lang=it"' +
        ' title="Contatta &quot;Caffè &amp; Co&quot; &lt;srl&gt;"' +
        ' style="width:100%;min-height:40em;border:0" loading="lazy"></iframe>',
    );
  });
});

describe('the inbox assignment section', () => {
  it('shows for service teams, and for other teams only when they assign automatically', () => {
    expect(showsAssignment('service', undefined)).toBe(true);
    expect(showsAssignment('service', 'manual')).toBe(true);
    expect(showsAssignment('sales', undefined)).toBe(false);
    expect(showsAssignment('sales', 'manual')).toBe(false);
    expect(showsAssignment('sales', 'round_robin')).toBe(true);
    expect(showsAssignment('it', 'load_based')).toBe(true);
  });

  it('warns when automatic assignment has no active member to choose', () => {
    const users = [
      { id: '1', active: true },
      { id: '2', active: false },
    ];
    expect(nobodyToAssign('round_robin', ['2'], users)).toBe(true);
    expect(nobodyToAssign('load_based', [], users)).toBe(true);
    expect(nobodyToAssign('round_robin', ['2', '1'], users)).toBe(false);
    expect(nobodyToAssign('manual', [], users)).toBe(false);
    expect(nobodyToAssign('round_robin', ['2'], undefined)).toBe(false);
  });
});
