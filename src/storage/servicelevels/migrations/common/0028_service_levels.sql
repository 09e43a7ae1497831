-- Service levels (issue 15): business-hours calendars and the SLA policies that use them.

-- A calendar: its IANA time zone, weekly opening hours and holidays (local dates). hours_json
-- is {"mon": [{"start": "09:00", "end": "13:00"}, ...], ...}; holidays_json is
-- [{"date": "2026-12-25", "name": "..."}] (domain/servicelevels/calendar_json.hpp).
CREATE TABLE sla_calendars (
    workspace_id BIGINT NOT NULL REFERENCES workspaces (workspace_id),
    calendar_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    always_open BOOLEAN NOT NULL DEFAULT FALSE,
    hours_json TEXT NOT NULL,
    holidays_json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, calendar_id),
    UNIQUE (workspace_id, name)
);

-- A policy: targets in business minutes of its calendar, for a priority (NULL: any) and a
-- segment (NULL: every customer), tried in position order.
CREATE TABLE sla_policies (
    workspace_id BIGINT NOT NULL,
    policy_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    priority TEXT CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    segment_id BIGINT,
    position BIGINT NOT NULL,
    calendar_id BIGINT NOT NULL,
    first_response_minutes BIGINT,
    next_response_minutes BIGINT,
    resolution_minutes BIGINT,
    warn_before_minutes BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, policy_id),
    UNIQUE (workspace_id, name),
    FOREIGN KEY (workspace_id, calendar_id) REFERENCES sla_calendars (workspace_id, calendar_id)
);
CREATE INDEX sla_policies_by_calendar ON sla_policies (workspace_id, calendar_id);
