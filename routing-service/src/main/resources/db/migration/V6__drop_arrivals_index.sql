-- The dashboard's arrival rate now comes from the 15-minute counters (service_level_interval.offered) instead of
-- counting a campaign's interactions of the last hour, whose cost grew with its traffic. Nothing else reads this
-- index, and every insert and move of an interaction paid for keeping it.
drop index if exists interaction_arrivals;
