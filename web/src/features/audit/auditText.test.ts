import { describe, expect, it } from 'vitest';
import i18n, { initI18n } from '../../i18n';
import { actionLabel, actorLabel, detailKeyLabel, detailValueText, targetLabel } from './auditText';

describe('audit entries in the reader language', () => {
  it('translates actions, targets, detail keys and known values, and keeps names as written', async () => {
    await initI18n('it');
    const t = i18n.getFixedT('it');
    expect(actionLabel(t, 'user.updated')).toBe('Utente modificato');
    expect(actionLabel(t, 'person.deleted')).toBe('Persona eliminata');
    expect(targetLabel(t, 'api_key')).toBe('Chiave API');
    expect(detailKeyLabel(t, 'new_role')).toBe('Nuovo ruolo');
    expect(detailValueText(t, 'new_role', 'manager')).toBe('Responsabile');
    expect(detailValueText(t, 'active', false)).toBe('no');
    expect(detailValueText(t, 'email', 'manager')).toBe('manager');
    expect(actorLabel(t, 'operator (command line)')).toBe('Operatore (riga di comando)');
    expect(actorLabel(t, 'giulia.romano@rapport.test')).toBe('giulia.romano@rapport.test');
  });

  it('keeps what it does not know as it came', async () => {
    await initI18n('pt');
    const t = i18n.getFixedT('pt');
    expect(actionLabel(t, 'something.new')).toBe('something.new');
    expect(detailKeyLabel(t, 'unknown_key')).toBe('unknown_key');
    expect(detailValueText(t, 'records', ['1', '2'])).toBe('1, 2');
  });
});
