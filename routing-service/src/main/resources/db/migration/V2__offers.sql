-- Offers: an interaction offered to an agent who has not answered yet. Rows live while the offer is open and are
-- the state a restarted instance re-arms (expires_at is absolute, so the remaining time survives a crash).
create table offer (
    interaction_id  varchar(100) not null references interaction (id),
    agent_id        varchar(100) not null,
    campaign_id     varchar(100) not null,
    strategy        varchar(16)  not null,
    offered_at      timestamptz  not null,
    -- null: a MANUAL offer, open until someone picks the interaction
    expires_at      timestamptz,
    -- true: the offer holds one unit of the agent's capacity until it is answered (every strategy but MANUAL)
    reserves        boolean      not null,
    -- why the agent was chosen (AssignmentReason as JSON), published with the assignment when accepted
    reason          text,
    primary key (interaction_id, agent_id)
);
create index offer_by_agent on offer (agent_id);
create index offer_by_campaign on offer (campaign_id);
create index offer_expiry on offer (expires_at) where expires_at is not null;

-- An agent who declined an interaction, or let its offer expire, is not offered it again until skip_until.
create table offer_skip (
    interaction_id  varchar(100) not null references interaction (id),
    agent_id        varchar(100) not null,
    skip_until      timestamptz  not null,
    primary key (interaction_id, agent_id)
);

-- Capacity from the agent's profile (agent-profiles topic); null profile_version: no profile, configured default.
-- capacity stays the ceiling the guards use and is never below active (a lowered capacity applies as chats end).
alter table agent add column desired_capacity integer;
alter table agent add column profile_version bigint;
update agent set desired_capacity = capacity;
alter table agent alter column desired_capacity set not null;

-- Recent answer times per campaign, for the estimated wait of queued customers.
create index interaction_answered on interaction (campaign_id, assigned_at) where assigned_at is not null;
