-- Companies: most mentioned.
-- Companies by how often the news names them (reference and discovered companies alike).
-- Visualisation: bar chart of mention_count by company_name, or a table.
select
    c.company_name,
    c.company_id,
    c.is_reference,
    c.sector,
    c.country_code,
    c.mention_count,
    c.document_count,
    c.first_seen_date,
    c.last_seen_date
from marts.dim_companies as c
where c.mention_count > 0
order by c.mention_count desc, c.document_count desc, c.company_name
limit 25
