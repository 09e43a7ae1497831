// Typed fixtures of GET /canvas/relationships for the unit tests, shaped exactly as the contract
// says: a segment with a plan (dedicated assistance expected, its owner target missed), a
// segment with no members and no cost model, and the ranked gaps.
import type { BlockGap, BlockSegment, BlockType, Figure, RelationshipType, RelationshipsBlock } from './types';
import { BLOCK_TYPES } from './types';

const noLink = { route: null, filter: null };

export function figure(value: number | null, reason: string | null = null, route: string | null = null): Figure {
  return { value, reason: value === null ? (reason ?? 'no_data') : null, link: route ? { route, filter: null } : noLink };
}

export function unusedType(type: RelationshipType, members: number | null): BlockType {
  return {
    type,
    expected: false,
    established: members === null ? null : false,
    status: 'not_used',
    motivation: null,
    team: null,
    channels: [],
    note: '',
    threshold: {
      measure: 'interactions_per_100_customers',
      value: 10,
      measured: members === null ? figure(null, 'no_customers') : figure(0),
    },
    targets: [],
    activity: { interactions: figure(0), customers_touched: figure(0), minutes: figure(0) },
    cost: {
      total_cents: figure(null, 'not_yet_measured'),
      time_cents: figure(null, 'not_yet_measured'),
      message_cents: figure(null, 'not_yet_measured'),
      fixed_cents: figure(null, 'not_yet_measured'),
    },
  };
}

export function premiumSegment(): BlockSegment {
  const types = BLOCK_TYPES.map((type) => unusedType(type, 120));
  types[1] = {
    type: 'dedicated_assistance',
    expected: true,
    established: true,
    status: 'expected_established',
    motivation: 'retention',
    team: { id: '3', name: 'Key accounts' },
    channels: ['email', 'phone'],
    note: 'A named person who knows the account.',
    threshold: { measure: 'customers_touched_percent', value: 10, measured: figure(45.5) },
    targets: [
      {
        metric: 'owner_coverage_share',
        comparator: 'at_least',
        value: 100,
        unit: 'percent',
        measured: figure(69.2),
        met: false,
      },
      {
        metric: 'csat_average',
        comparator: 'at_least',
        value: 4.5,
        unit: 'score_1_5',
        measured: figure(null, 'no_data'),
        met: null,
      },
    ],
    activity: { interactions: figure(210), customers_touched: figure(55), minutes: figure(3150) },
    cost: {
      total_cents: figure(183250),
      time_cents: figure(157500),
      message_cents: figure(750),
      fixed_cents: figure(25000),
    },
  };
  types[2] = {
    ...unusedType('self_service', 120),
    established: true,
    status: 'established_not_planned',
    threshold: { measure: 'interactions_per_100_customers', value: 10, measured: figure(14) },
    cost: { total_cents: figure(1200), time_cents: figure(0), message_cents: figure(1200), fixed_cents: figure(0) },
  };
  return {
    segment: { id: '12', name: 'Premium B2B', kind: 'b2b', entity_type: 'company' },
    plan: { version: 3, created_at: 1700000000000, author_label: 'ana@x.test', comment: 'Q3' },
    members: figure(120, null, '/segments/12'),
    cost_total: figure(184450),
    benefits: {
      retention_rate: figure(95),
      lost_customers: figure(6),
      cost_per_customer_cents: figure(1537.08),
      revenue_cents: figure(null, 'not_yet_measured'),
    },
    cost: { total_cents: figure(184450), time_cents: figure(157500), message_cents: figure(1950), fixed_cents: figure(25000) },
    types,
  };
}

export function emptySegment(): BlockSegment {
  return {
    segment: { id: '14', name: 'Newsletter readers', kind: 'b2c', entity_type: 'person' },
    plan: null,
    members: figure(0),
    cost_total: figure(null, 'not_yet_measured'),
    benefits: {
      retention_rate: figure(null, 'no_snapshot'),
      lost_customers: figure(null, 'no_snapshot'),
      cost_per_customer_cents: figure(null, 'not_yet_measured'),
      revenue_cents: figure(null, 'not_yet_measured'),
    },
    cost: {
      total_cents: figure(null, 'not_yet_measured'),
      time_cents: figure(null, 'not_yet_measured'),
      message_cents: figure(null, 'not_yet_measured'),
      fixed_cents: figure(null, 'not_yet_measured'),
    },
    types: BLOCK_TYPES.map((type) => unusedType(type, null)),
  };
}

export function ownerGap(): BlockGap {
  return {
    kind: 'target_missed',
    segment: { id: '12', name: 'Premium B2B', entity_type: 'company' },
    type: 'dedicated_assistance',
    metric: 'owner_coverage_share',
    customers: 37,
    of: 120,
    measured: 69.2,
    target: 100,
    link: { route: '/companies', filter: { field: 'owner_user_id', op: 'is_empty' } },
  };
}

export function block(): RelationshipsBlock {
  return {
    from: 1700000000000,
    to: 1707776000000,
    no_contact_days: 90,
    currency: 'EUR',
    segments: [premiumSegment(), emptySegment()],
    gaps: [
      ownerGap(),
      {
        kind: 'established_not_planned',
        segment: { id: '12', name: 'Premium B2B', entity_type: 'company' },
        type: 'self_service',
        metric: null,
        customers: 17,
        of: 120,
        measured: null,
        target: null,
        link: { route: '/companies', filter: { field: 'id', op: 'in_segment', value: '12' } },
      },
    ],
  };
}
