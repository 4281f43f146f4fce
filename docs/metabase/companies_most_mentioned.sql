-- Companies: most in the news.
-- Companies by the number of stories they are a subject of: copies of one story (a wire
-- report reprinted by many outlets) count once, and a company named only in passing (a
-- supplier in the last paragraph, a news agency cited as the source) does not count.
-- story_count counts every story that names the company; mention_count and document_count
-- are the raw figures.
-- Visualisation: bar chart of subject_story_count by company_name, or a table.
select
    c.company_name,
    c.company_id,
    c.is_reference,
    c.sector,
    c.country_code,
    c.subject_story_count,
    c.story_count,
    c.mention_count,
    c.document_count,
    c.first_seen_date,
    c.last_seen_date
from marts.dim_companies as c
where c.subject_story_count > 0
order by c.subject_story_count desc, c.story_count desc, c.company_name
limit 25
