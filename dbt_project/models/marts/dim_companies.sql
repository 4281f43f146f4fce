with

companies as (

    select * from {{ ref('int_companies_unioned') }}

),

final as (

    select
        cast(company_id as text) as company_id,
        cast(company_name as text) as company_name,
        cast(country_code as text) as country_code,
        cast(sector as text) as sector,
        cast(parent_company_id as text) as parent_company_id,
        cast(co_parent_company_id as text) as co_parent_company_id,
        cast(company_kind as text) as company_kind,
        cast(wikidata_id as text) as wikidata_id,
        cast(is_reference as boolean) as is_reference,
        cast(document_count as bigint) as document_count,
        cast(mention_count as bigint) as mention_count,
        cast(first_seen_date as date) as first_seen_date,
        cast(last_seen_date as date) as last_seen_date

    from companies

)

select * from final
