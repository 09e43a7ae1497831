// Shapes of the portfolios API, named from the types generated from the server's OpenAPI document.
import type { Schemas } from '../../api/types';

export type PortfolioItem = Schemas['PortfolioItem'];
export type PortfolioOverview = Schemas['PortfolioOverview'];
export type PortfolioOwner = Schemas['PortfolioOwner'];
export type PortfolioReassignment = Schemas['PortfolioReassignment'];
export type PortfolioReassignmentResult = Schemas['PortfolioReassignmentResult'];

export type PortfolioKind = 'all' | 'company' | 'person';
export type PortfolioSort = 'neglected' | 'recent';
export const NO_CONTACT_CHOICES = [0, 30, 60, 90, 180, 365] as const;
export const COVERAGE_DAYS = [30, 60, 90, 180, 365] as const;
