-- Partnerships: by type and status.
-- How many partnerships there are of each type, by the status of their latest claim, and
-- in how many stories they were told (copies of one story count once).
-- Visualisation: stacked bar chart of partnerships by partnership_type, stacked by status.
select
    p.partnership_type,
    p.status,
    count(*) as partnerships,
    sum(p.story_count)::bigint as stories,
    sum(p.document_count)::bigint as documents,
    max(p.last_reported_date) as last_reported_date
from marts.fct_partnerships as p
group by p.partnership_type, p.status
order by partnerships desc, p.partnership_type, p.status
