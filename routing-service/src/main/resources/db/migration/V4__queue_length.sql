-- The number of interactions waiting in each queue, kept by the routing engine under the queue's row lock, so a
-- batch reads it with the lock instead of counting the queue.
alter table campaign_queue add column waiting integer not null default 0;
update campaign_queue q set waiting = (select count(*) from interaction i
                                       where i.campaign_id = q.campaign_id and i.state = 'QUEUED');
alter table campaign_queue add constraint campaign_queue_waiting check (waiting >= 0);
