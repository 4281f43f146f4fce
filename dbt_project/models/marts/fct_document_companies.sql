with

document_companies as (

    select * from {{ ref('int_document_companies') }}

),

final as (

    select
        cast(document_company_id as text) as document_company_id,
        cast(document_id as text) as document_id,
        cast(company_id as text) as company_id,
        cast(story_id as text) as story_id,
        cast(reported_date as date) as reported_date,
        cast(mention_count as bigint) as mention_count,
        cast(first_char as integer) as first_char,
        cast(in_title as boolean) as in_title,
        cast(in_lead as boolean) as in_lead,
        cast(mention_share as numeric) as mention_share,
        cast(is_claim_party as boolean) as is_claim_party,
        cast(is_dominant as boolean) as is_dominant,
        cast(salience as numeric) as salience,
        cast(is_subject as boolean) as is_subject

    from document_companies

)

select * from final
