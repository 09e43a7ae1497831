// Every area of the app, in one list. To add one (companies, people, service desk, canvas):
// create src/features/<area>/index.ts exporting a Feature, then add one line here. Its
// settings sections (Feature.settings) join the Settings screen by themselves.
import { collectSettingsSections, type Feature } from './registry';
import { homeFeature } from '../features/home';
import { tasksFeature } from '../features/tasks';
import { customersFeature } from '../features/customers';
import { segmentsFeature } from '../features/segments';
import { relationshipsFeature } from '../features/relationships';
import { importsFeature } from '../features/imports';
import { duplicatesFeature } from '../features/duplicates';
import { identityFeature } from '../features/identity';
import { teamsFeature } from '../features/teams';
import { serviceLevelsFeature } from '../features/servicelevels';
import { auditFeature } from '../features/audit';
import { servicedeskFeature } from '../features/servicedesk';
import { satisfactionFeature } from '../features/satisfaction';
import { portfoliosFeature } from '../features/portfolios';
import { costsFeature } from '../features/costs';
import { canvasFeature } from '../features/canvas';
import { settingsFeature } from '../features/settings';

const areas: Feature[] = [
  homeFeature,
  tasksFeature,
  servicedeskFeature,
  customersFeature,
  segmentsFeature,
  relationshipsFeature,
  importsFeature,
  duplicatesFeature,
  identityFeature,
  teamsFeature,
  serviceLevelsFeature,
  auditFeature,
  satisfactionFeature,
  portfoliosFeature,
  costsFeature,
  canvasFeature,
];

/** The sections of Settings, from every area, in their `order`. */
export const settingsSections = collectSettingsSections(areas);

/** The areas, then the Settings screen made of their sections. */
export const features: Feature[] = [...areas, settingsFeature(settingsSections)];
