-- The staffing hint reads the last hour's arrivals and the handle times of recently ended interactions of a
-- campaign on every dashboard recomputation: keep both range scans on an index.
create index interaction_arrivals on interaction (campaign_id, queued_at) where queued_at is not null;
create index interaction_ended on interaction (campaign_id, closed_at) where state = 'ENDED';
