create table campaign (
    id                    varchar(36)  primary key,
    name                  varchar(120) not null,
    security_group        varchar(120) not null,
    strategy              varchar(20)  not null,
    service_level_seconds integer      not null,
    default_language      varchar(2)   not null,
    settings              jsonb        not null,
    version               bigint       not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    constraint campaign_name_unique_per_group unique (security_group, name)
);
