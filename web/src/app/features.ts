// Every area of the app, in one list. To add one (companies, people, service desk, canvas):
// create src/features/<area>/index.ts exporting a Feature, then add it here.
import type { Feature } from './registry';
import { homeFeature } from '../features/home';
import { settingsFeature } from '../features/settings';
import { customersFeature } from '../features/customers';
import { segmentsFeature } from '../features/segments';
import { importsFeature } from '../features/imports';
import { duplicatesFeature } from '../features/duplicates';

export const features: Feature[] = [
  homeFeature,
  customersFeature,
  segmentsFeature,
  importsFeature,
  duplicatesFeature,
  settingsFeature,
];
