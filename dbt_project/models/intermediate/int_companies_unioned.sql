with

reference_companies as (

    select * from {{ ref('reference_companies') }}

),

mentions as (

    select * from {{ ref('int_company_mentions_resolved') }}

),

partnership_claims as (

    select * from {{ ref('int_partnership_claims_resolved') }}

),

sales_claims as (

    select * from {{ ref('int_sales_claims_resolved') }}

),

stories as (

    select * from {{ ref('int_document_stories') }}

),

-- Every appearance of a company in a document: its mentions and both sides of its claims.
appearances as (

    select
        company_id,
        company_name,
        document_id,
        reported_date,
        1 as is_mention

    from mentions

    union all

    select
        company_a_id as company_id,
        company_a_name as company_name,
        document_id,
        reported_date,
        0 as is_mention

    from partnership_claims

    union all

    select
        company_b_id as company_id,
        company_b_name as company_name,
        document_id,
        reported_date,
        0 as is_mention

    from partnership_claims

    union all

    select
        company_id,
        company_name,
        document_id,
        reported_date,
        0 as is_mention

    from sales_claims

),

appearance_stats as (

    select
        appearances.company_id,
        count(distinct appearances.document_id) as document_count,
        count(distinct stories.story_id) as story_count,
        sum(appearances.is_mention) as mention_count,
        min(appearances.reported_date) as first_seen_date,
        max(appearances.reported_date) as last_seen_date

    from appearances
    left join stories
        on appearances.document_id = stories.document_id
    group by appearances.company_id

),

-- A discovered company goes by the name the text uses most often (ties: the first by sort order).
discovered_names as (

    select
        appearances.company_id,
        appearances.company_name,
        row_number() over (
            partition by appearances.company_id
            order by count(*) desc, appearances.company_name asc
        ) as name_rank

    from appearances
    left join reference_companies
        on appearances.company_id = reference_companies.company_id
    where reference_companies.company_id is null
    group by appearances.company_id, appearances.company_name

),

companies as (

    select
        company_id,
        company_name,
        country_code,
        sector,
        parent_company_id,
        co_parent_company_id,
        coalesce(company_kind, 'company') as company_kind,
        wikidata_id,
        true as is_reference

    from reference_companies

    union all

    select
        company_id,
        company_name,
        null as country_code,
        null as sector,
        null as parent_company_id,
        null as co_parent_company_id,
        'company' as company_kind,
        null as wikidata_id,
        false as is_reference

    from discovered_names
    where name_rank = 1

),

final as (

    select
        companies.company_id,
        companies.company_name,
        companies.country_code,
        companies.sector,
        companies.parent_company_id,
        companies.co_parent_company_id,
        companies.company_kind,
        companies.wikidata_id,
        companies.is_reference,
        coalesce(appearance_stats.document_count, 0) as document_count,
        coalesce(appearance_stats.story_count, 0) as story_count,
        coalesce(appearance_stats.mention_count, 0) as mention_count,
        appearance_stats.first_seen_date,
        appearance_stats.last_seen_date

    from companies
    left join appearance_stats
        on companies.company_id = appearance_stats.company_id

)

select * from final
