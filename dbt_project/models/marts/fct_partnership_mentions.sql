with

claims as (

    select * from {{ ref('int_partnership_claims_corrected') }}

),

final as (

    select
        cast(partnership_mention_id as text) as partnership_mention_id,
        cast(document_id as text) as document_id,
        cast(partnership_id as text) as partnership_id,
        cast(claim_index as integer) as claim_index,
        cast(company_a_id as text) as company_a_id,
        cast(company_b_id as text) as company_b_id,
        cast(partnership_type as text) as partnership_type,
        cast(stated_partnership_type as text) as stated_partnership_type,
        cast(status as text) as status,
        cast(stake_percent as numeric) as stake_percent,
        cast(amount_value as numeric) as amount_value,
        cast(amount_currency as text) as amount_currency,
        cast(trigger_text as text) as trigger_text,
        cast(sentence_text as text) as sentence_text,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(published_date as date) as published_date,
        cast(reported_date as date) as reported_date,
        cast(extractor_version as text) as extractor_version

    from claims

)

select * from final
