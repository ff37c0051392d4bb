-- Events waiting to be relayed to Kafka; written in the same transaction as the change they announce.
create table outbox_event (
    seq         bigserial primary key,
    event_id    varchar(64)  not null,
    topic       varchar(120) not null,
    record_key  varchar(200),
    payload     text         not null,
    created_at  timestamptz  not null default now()
);

-- Event ids a consumer has applied, so a redelivered event changes nothing.
create table processed_event (
    consumer     varchar(80)  not null,
    event_id     varchar(64)  not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
