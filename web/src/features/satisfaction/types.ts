// Shapes of the satisfaction API, named from the types generated from the server's OpenAPI document.
import type { Schemas } from '../../api/types';

export type CsatResults = Schemas['CsatResults'];
export type RatingSummary = Schemas['RatingSummary'];
export type NpsSeries = Schemas['NpsSeries'];
export type NpsSummary = Schemas['NpsSummary'];
export type FeedbackItem = Schemas['FeedbackItem'];
export type ServiceReport = Schemas['ServiceReport'];
export type DurationSummary = Schemas['DurationSummary'];

export type CsatGroup = 'agent' | 'team' | 'segment' | 'topic';
export const CSAT_GROUPS = ['agent', 'team', 'segment', 'topic'] as const satisfies readonly CsatGroup[];
export const TOPICS = ['product', 'service', 'process', 'billing', 'other'] as const;
export type Topic = (typeof TOPICS)[number];
export const PERIODS = [7, 30, 90, 365] as const;
export type PeriodDays = (typeof PERIODS)[number];
export type CountRowLike = ServiceReport['by_channel'][number];
