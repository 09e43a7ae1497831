// How a feature plugs into the app: a folder under src/features/<area>/ whose index exports a
// `Feature` (its routes inside the signed-in shell, and its entries in the left navigation),
// listed once in app/features.ts. Keep pages behind `lazy` so the first download stays small.
import type { RouteObject } from 'react-router';
import type { Me } from '../api/types';
import type { IconName } from '../ui/icons';

export interface NavEntry {
  /** Where the entry leads (absolute path). */
  to: string;
  /** i18n key of the label. */
  labelKey: string;
  icon: IconName;
  /** Lower comes first. Home is 0, settings 1000; leave gaps for what comes next. */
  order: number;
  /** Only the exact path marks it current (for "/"). */
  end?: boolean;
  /** Hide the entry from people who cannot use anything behind it. */
  visible?: (me: Me) => boolean;
}

export interface Feature {
  id: string;
  /** Routes rendered inside the app shell; paths relative to "/". */
  routes: RouteObject[];
  nav?: NavEntry[];
}

export function navEntries(features: Feature[], me: Me): NavEntry[] {
  return features
    .flatMap((f) => f.nav ?? [])
    .filter((n) => !n.visible || n.visible(me))
    .sort((a, b) => a.order - b.order);
}
