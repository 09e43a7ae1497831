// How a feature plugs into the app: a folder under src/features/<area>/ (named like the server
// area whose endpoints it calls) whose index exports a `Feature` (its routes inside the
// signed-in shell, its entries in the left navigation, its sections of Settings), listed once in
// app/features.ts. Keep pages behind `lazy` so the first download stays small.
import { createContext, useContext, type ComponentType } from 'react';
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
  /** A small count beside the label (e.g. the tasks that are due); renders nothing when there is none. */
  badge?: ComponentType;
}

/** A section of the Settings screen (/settings/<path>), contributed by the area it belongs to. */
export interface SettingsSection {
  /** Path under /settings/. */
  path: string;
  /** i18n key of the label (in the subnavigation and on the home page). */
  labelKey: string;
  icon: IconName;
  /** Lower comes first: users 100, teams 200, custom fields 300, API keys 400, roles 500, audit 600. */
  order: number;
  /** Hide the section from people who cannot use it. */
  visible?: (me: Me) => boolean;
  /** Routes relative to /settings/<path>/. */
  routes: RouteObject[];
}

export interface Feature {
  id: string;
  /** Routes rendered inside the app shell; paths relative to "/". */
  routes: RouteObject[];
  nav?: NavEntry[];
  /** Its sections of Settings (the settings feature puts them under /settings/). */
  settings?: SettingsSection[];
  /** Components always mounted in the signed-in shell, above the page (e.g. reminders). */
  shellWidgets?: ComponentType[];
}

export function navEntries(features: Feature[], me: Me): NavEntry[] {
  return features
    .flatMap((f) => f.nav ?? [])
    .filter((n) => !n.visible || n.visible(me))
    .sort((a, b) => a.order - b.order);
}

/** Whether `me` may use a settings section. */
export function sectionVisible(section: SettingsSection, me: Me): boolean {
  return !section.visible || section.visible(me);
}

/** Every feature's settings sections, in `order`. */
export function collectSettingsSections(features: Feature[]): SettingsSection[] {
  return features.flatMap((f) => f.settings ?? []).sort((a, b) => a.order - b.order);
}

/**
 * The settings sections of the app, provided by the shell (app/Shell.tsx) from app/features.ts,
 * so that the settings screen and the home page list them without importing the feature list.
 */
export const SettingsSectionsContext = createContext<SettingsSection[]>([]);

/** The settings sections `me` may use, in order. */
export function useVisibleSettingsSections(me: Me): SettingsSection[] {
  return useContext(SettingsSectionsContext).filter((s) => sectionVisible(s, me));
}
