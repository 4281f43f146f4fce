with

companies as (

    select * from {{ ref('int_companies_unioned') }}

),

document_companies as (

    select * from {{ ref('int_document_companies') }}

),

subject_stories as (

    select
        company_id,
        count(distinct story_id) as subject_story_count

    from document_companies
    where is_subject
    group by company_id

),

final as (

    select
        cast(companies.company_id as text) as company_id,
        cast(companies.company_name as text) as company_name,
        cast(companies.country_code as text) as country_code,
        cast(companies.sector as text) as sector,
        cast(companies.parent_company_id as text) as parent_company_id,
        cast(companies.co_parent_company_id as text) as co_parent_company_id,
        cast(companies.company_kind as text) as company_kind,
        cast(companies.wikidata_id as text) as wikidata_id,
        cast(companies.is_reference as boolean) as is_reference,
        cast(companies.document_count as bigint) as document_count,
        cast(companies.story_count as bigint) as story_count,
        cast(coalesce(subject_stories.subject_story_count, 0) as bigint) as subject_story_count,
        cast(companies.mention_count as bigint) as mention_count,
        cast(companies.first_seen_date as date) as first_seen_date,
        cast(companies.last_seen_date as date) as last_seen_date

    from companies
    left join subject_stories
        on companies.company_id = subject_stories.company_id

)

select * from final
