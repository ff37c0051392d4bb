-- What signaling knows of each interaction, from the interactions topic: who may join its call socket
-- (the assigned agent) and whether a call is still possible. Strings from events are unbounded text so that no
-- event can be impossible to store.
create table interaction (
    id          text        primary key,
    campaign_id text,
    agent_id    text,
    state       varchar(20) not null,
    updated_at  timestamptz not null
);
