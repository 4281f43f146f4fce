-- Partnerships: newest first, with evidence.
-- Every partnership, the most recently reported first, with the sentence of its latest
-- claim and the document it comes from.
-- Visualisation: table (evidence_text wraps).
select
    p.last_reported_date,
    a.company_name as company_a,
    b.company_name as company_b,
    p.partnership_type,
    p.status,
    p.is_directed,
    p.stake_percent,
    p.amount_value,
    p.amount_currency,
    p.first_reported_date,
    p.story_count,
    p.document_count,
    p.evidence_text,
    d.title as evidence_title,
    d.source_path as evidence_source_path
from marts.fct_partnerships as p
inner join marts.dim_companies as a on p.company_a_id = a.company_id
inner join marts.dim_companies as b on p.company_b_id = b.company_id
inner join marts.dim_documents as d on p.source_document_id = d.document_id
order by p.last_reported_date desc, p.story_count desc, p.first_reported_date desc, p.partnership_id
limit 100
