-- Names are unique per security group regardless of case ("Sales" and "sales" would confuse every console).
alter table campaign drop constraint campaign_name_unique_per_group;
create unique index campaign_name_unique_per_group on campaign (security_group, lower(name));
create index campaign_strategy on campaign (strategy);

-- Membership lives with the campaign (one row per member) so "campaigns of agent X" is an indexed query.
create table campaign_member (
    campaign_id varchar(36)  not null references campaign (id) on delete cascade,
    agent_id    varchar(100) not null,
    primary key (campaign_id, agent_id)
);
create index campaign_member_agent on campaign_member (agent_id);

insert into campaign_member (campaign_id, agent_id)
select distinct c.id, m.agent
from campaign c,
     lateral jsonb_array_elements_text(coalesce(c.settings -> 'agentMembers', '[]'::jsonb)) as m(agent);
update campaign set settings = settings - 'agentMembers';

create table agent_profile (
    agent_id     varchar(100) primary key,
    display_name varchar(200) not null,
    capacity     integer      not null,
    version      bigint       not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);

create table agent_profile_group (
    agent_id       varchar(100) not null references agent_profile (agent_id) on delete cascade,
    security_group varchar(120) not null,
    primary key (agent_id, security_group)
);
create index agent_profile_group_group on agent_profile_group (security_group);
