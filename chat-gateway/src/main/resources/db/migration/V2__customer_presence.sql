-- When a customer was last known to be connected (touched on connect, every heartbeat while connected, and on
-- close, by whichever gateway instance holds the socket). A waiting chat whose customer has been gone for the
-- grace period is abandoned; an assigned one whose customer has been gone for the inactivity timeout is ended.
alter table chat_session add column customer_seen_at timestamptz;
update chat_session set customer_seen_at = updated_at;
alter table chat_session alter column customer_seen_at set not null;

create index chat_session_customer_gone on chat_session (customer_seen_at)
    where state in ('REQUESTED', 'QUEUED', 'ASSIGNED') and end_requested_at is null;
