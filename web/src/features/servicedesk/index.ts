// Service desk: the shared inbox and its views, a conversation with its thread and editors, and
// the Settings sections for mailboxes, the contact form, canned replies and the mail quarantine
// (the server's servicedesk area: /conversations, /canned-replies, /mailboxes, /contact-form,
// /mail-quarantine). A team's assignment mode is a section of the team's page
// (TeamAssignmentSection, shown by features/teams).
import type { Feature } from '../../app/registry';
import { atLeast, isPartner } from '../../auth/permissions';
import { InboxNavBadge } from './NavBadge';

export const servicedeskFeature: Feature = {
  id: 'servicedesk',
  routes: [
    { path: 'inbox', lazy: async () => ({ Component: (await import('./InboxPage')).InboxPage }) },
    { path: 'inbox/:conversationId', lazy: async () => ({ Component: (await import('./ConversationPage')).ConversationPage }) },
  ],
  nav: [{ to: '/inbox', labelKey: 'servicedesk.nav', icon: 'mail', order: 40, badge: InboxNavBadge }],
  settings: [
    {
      path: 'mailboxes',
      labelKey: 'servicedesk.settings.mailboxes',
      icon: 'mail',
      order: 700,
      visible: (me) => atLeast(me.role, 'admin'),
      routes: [
        { index: true, lazy: async () => ({ Component: (await import('./MailboxesPage')).MailboxesPage }) },
        { path: 'new', lazy: async () => ({ Component: (await import('./MailboxFormPage')).MailboxFormPage }) },
        { path: ':mailboxId', lazy: async () => ({ Component: (await import('./MailboxFormPage')).MailboxFormPage }) },
      ],
    },
    {
      path: 'contact-form',
      labelKey: 'servicedesk.settings.contactForm',
      icon: 'fields',
      order: 705,
      visible: (me) => atLeast(me.role, 'admin'),
      routes: [{ index: true, lazy: async () => ({ Component: (await import('./ContactFormPage')).ContactFormPage }) }],
    },
    {
      path: 'canned-replies',
      labelKey: 'servicedesk.settings.canned',
      icon: 'note',
      order: 710,
      visible: (me) => !isPartner(me),
      routes: [{ index: true, lazy: async () => ({ Component: (await import('./CannedRepliesPage')).CannedRepliesPage }) }],
    },
    {
      path: 'mail-quarantine',
      labelKey: 'servicedesk.settings.quarantine',
      icon: 'alert',
      order: 720,
      visible: (me) => atLeast(me.role, 'admin'),
      routes: [{ index: true, lazy: async () => ({ Component: (await import('./QuarantinePage')).QuarantinePage }) }],
    },
  ],
};
