-- One row per campaign that ever had a request: the row lock serializes every change to the campaign's queue
-- (arrival, assignment, abandon, manual pick), which keeps it first come, first served under any concurrency.
create table campaign_queue (
    campaign_id       varchar(100) primary key,
    last_assigned_to  varchar(100)
);

create sequence interaction_queue_seq;

create table interaction (
    id                     varchar(100) primary key,
    campaign_id            varchar(100) not null,
    state                  varchar(16)  not null,
    customer_name          varchar(120),
    language               varchar(2)   not null,
    requested_at           timestamptz  not null,
    queue_seq              bigint,
    queued_at              timestamptz,
    announced_position     integer,
    sl_threshold_seconds   integer,
    agent_id               varchar(100),
    assigned_at            timestamptz,
    closed_at              timestamptz,
    ended_by               varchar(16),
    reject_reason          varchar(20),
    constraint interaction_state check (state in ('QUEUED', 'ASSIGNED', 'ENDED', 'ABANDONED', 'REJECTED')),
    constraint assigned_has_agent check (state not in ('ASSIGNED', 'ENDED') or agent_id is not null)
);
create index interaction_waiting on interaction (campaign_id, queue_seq) where state = 'QUEUED';
create index interaction_open_by_agent on interaction (agent_id) where state = 'ASSIGNED';

-- active counts the agent's ASSIGNED interactions; the check is the last line of defence of the capacity rule.
create table agent (
    id                 varchar(100) primary key,
    display_name       varchar(200),
    status             varchar(16)  not null,
    status_changed_at  timestamptz  not null,
    available_since    timestamptz,
    capacity           integer      not null,
    active             integer      not null default 0,
    last_assigned_at   timestamptz,
    last_ended_at      timestamptz,
    constraint agent_status check (status in ('AVAILABLE', 'AWAY', 'OFFLINE')),
    constraint agent_within_capacity check (active >= 0 and active <= capacity)
);

-- Raw service-level counts per campaign and 15-minute interval (of the interaction's arrival);
-- percentages are computed when read, by the formula asked for.
create table service_level_interval (
    campaign_id       varchar(100) not null,
    interval_start    timestamptz  not null,
    offered           integer      not null default 0,
    answered_within   integer      not null default 0,
    answered_after    integer      not null default 0,
    abandoned_short   integer      not null default 0,
    abandoned_within  integer      not null default 0,
    abandoned_after   integer      not null default 0,
    primary key (campaign_id, interval_start)
);
