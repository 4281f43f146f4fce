-- People: who leads whom.
-- Every person the news ties to a company as chief executive, chair, founder, owner or
-- another role, the most recently reported first, with the sentence that states it.
-- Visualisation: table (evidence_text wraps); filter on role or company_name.
select
    r.person_name,
    c.company_name,
    r.role,
    r.role_text,
    r.last_reported_date,
    r.first_reported_date,
    r.document_count,
    p.document_count as person_document_count,
    r.evidence_text,
    d.title as evidence_title,
    d.source_path as evidence_source_path
from marts.fct_person_roles as r
inner join marts.dim_people as p on r.person_id = p.person_id
inner join marts.dim_companies as c on r.company_id = c.company_id
inner join marts.dim_documents as d on r.source_document_id = d.document_id
order by
    r.last_reported_date desc,
    case r.role
        when 'ceo' then 1 when 'chair' then 2 when 'founder' then 3 when 'owner' then 4
        when 'cfo' then 5 when 'cto' then 6 when 'board_member' then 7 else 8
    end,
    c.company_name,
    r.person_name
limit 200
