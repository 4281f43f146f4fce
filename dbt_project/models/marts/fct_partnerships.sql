with

partnerships as (

    select * from {{ ref('int_partnerships_aggregated') }}

),

final as (

    select
        cast(partnership_id as text) as partnership_id,
        cast(company_a_id as text) as company_a_id,
        cast(company_b_id as text) as company_b_id,
        cast(partnership_type as text) as partnership_type,
        cast(partnership_type in {{ directed_partnership_types() }} as boolean) as is_directed,
        cast(status as text) as status,
        cast(first_reported_date as date) as first_reported_date,
        cast(last_reported_date as date) as last_reported_date,
        cast(document_count as bigint) as document_count,
        cast(story_count as bigint) as story_count,
        cast(claim_count as bigint) as claim_count,
        cast(stake_percent as numeric) as stake_percent,
        cast(amount_value as numeric) as amount_value,
        cast(amount_currency as text) as amount_currency,
        cast(evidence_text as text) as evidence_text,
        cast(source_document_id as text) as source_document_id

    from partnerships

)

select * from final
