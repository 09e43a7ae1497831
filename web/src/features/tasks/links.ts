import type { CustomerRef } from './types';

/** Where a customer's record page is. */
export function customerPath(ref: Pick<CustomerRef, 'type' | 'id'>): string {
  return `/${ref.type === 'company' ? 'companies' : 'people'}/${encodeURIComponent(ref.id)}`;
}
