-- Sales: monthly units by company.
-- Vehicles sold, delivered or registered in a calendar month, per company, market and
-- segment (segments overlap: "all" includes NEV, BEV and the rest, so never add them up).
-- Visualisation: line or bar chart of units by month, series company_name.
select
    s.period_start as month,
    c.company_name,
    s.metric,
    s.market,
    s.segment,
    s.value as units,
    s.has_conflict,
    s.story_count,
    s.document_count,
    s.last_reported_date
from marts.fct_sales as s
inner join marts.dim_companies as c on s.company_id = c.company_id
where
    s.period_grain = 'month'
    and s.metric in ('units_sold', 'deliveries', 'registrations')
    and s.unit = 'vehicles'
order by month desc, units desc, c.company_name
