-- Sales: market share.
-- Market shares as the news states them, per market, segment and period, with the sentence
-- of the latest claim. min_share and max_share differ when sources disagree; has_conflict
-- only when different stories disagree (copies of one story count once in story_count).
-- Visualisation: bar chart of share_percent by company_name, filtered to one market and period.
select
    s.period_start,
    s.period_end,
    s.period_grain,
    s.market,
    s.segment,
    c.company_name,
    s.value as share_percent,
    s.min_value as min_share,
    s.max_value as max_share,
    s.has_conflict,
    s.reporting_body,
    s.story_count,
    s.document_count,
    s.evidence_text,
    d.title as evidence_title
from marts.fct_sales as s
inner join marts.dim_companies as c on s.company_id = c.company_id
inner join marts.dim_documents as d on s.source_document_id = d.document_id
where s.metric = 'market_share'
order by s.period_start desc nulls last, s.market, s.segment, share_percent desc
