-- Partnerships: evidence.
-- Every claim behind the partnerships, newest first: who, what, the sentence that says so
-- and the document it stands in. A partnership with several claims has several rows.
-- Visualisation: table; filter on company_a or company_b.
select
    m.reported_date,
    a.company_name as company_a,
    b.company_name as company_b,
    m.partnership_type,
    m.status,
    m.trigger_text,
    m.sentence_text,
    d.title,
    d.language,
    d.source_path
from marts.fct_partnership_mentions as m
inner join marts.dim_companies as a on m.company_a_id = a.company_id
inner join marts.dim_companies as b on m.company_b_id = b.company_id
inner join marts.dim_documents as d on m.document_id = d.document_id
order by m.reported_date desc, d.title, m.claim_index
limit 200
