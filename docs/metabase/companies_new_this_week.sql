-- Companies: new this week.
-- Companies named for the first time in a document loaded in the last 7 days, that is:
-- every document naming them arrived this week. first_seen_date is when the news itself
-- first reported them (publication date, else load date).
-- Visualisation: table.
with first_loaded as (
    select
        m.company_id,
        min(d.loaded_at) as first_loaded_at
    from marts.fct_company_mentions as m
    inner join marts.dim_documents as d on m.document_id = d.document_id
    group by m.company_id
)

select
    c.company_name,
    c.company_id,
    c.is_reference,
    c.sector,
    f.first_loaded_at,
    c.first_seen_date,
    c.story_count,
    c.mention_count,
    c.document_count
from first_loaded as f
inner join marts.dim_companies as c on f.company_id = c.company_id
where f.first_loaded_at >= now() - interval '7 days'
order by f.first_loaded_at desc, c.story_count desc, c.company_name
