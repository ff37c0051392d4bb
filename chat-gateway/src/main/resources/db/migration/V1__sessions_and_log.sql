-- One row per customer chat (interaction) this gateway started. last_seq is the interaction log's high-water
-- mark; appenders lock the row, so sequence numbers are handed out one at a time per interaction.
create table chat_session (
    interaction_id   varchar(36)  primary key,
    campaign_id      varchar(100) not null,
    customer_name    varchar(120),
    language         varchar(2)   not null,
    state            varchar(12)  not null,
    agent_id         varchar(100),
    last_seq         bigint       not null default 0,
    requested_at     timestamptz,
    end_requested_at timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);

create index chat_session_agent on chat_session (agent_id, state);

-- Every server-to-client event of an interaction, numbered 1..n without gaps; replayed on resume.
create table interaction_log (
    interaction_id varchar(36)  not null references chat_session (interaction_id),
    seq            bigint       not null,
    event_id       varchar(120) not null,
    type           varchar(20)  not null,
    frame          jsonb        not null,
    created_at     timestamptz  not null default now(),
    primary key (interaction_id, seq),
    constraint interaction_log_event_unique unique (event_id)
);

-- Display names of agents, taken from their tokens when they connect, for the customer's "assigned" frame.
create table agent_profile (
    agent_id     varchar(100) primary key,
    display_name varchar(200) not null,
    updated_at   timestamptz  not null
);
