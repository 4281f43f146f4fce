with

claims as (

    select * from {{ ref('int_sales_claims_corrected') }}

),

sales as (

    select * from {{ ref('int_sales_aggregated') }}

),

final as (

    select
        cast(claims.sales_mention_id as text) as sales_mention_id,
        cast(claims.sales_id as text) as sales_id,
        cast(claims.document_id as text) as document_id,
        cast(claims.company_id as text) as company_id,
        cast(claims.claim_index as integer) as claim_index,
        cast(claims.metric as text) as metric,
        cast(claims.value as numeric) as value,
        cast(claims.unit as text) as unit,
        cast(claims.value_text as text) as value_text,
        cast(claims.sales_mention_id = sales.latest_sales_mention_id as boolean) as is_latest_claim,
        cast(claims.sentence_text as text) as sentence_text,
        cast(claims.char_start as integer) as char_start,
        cast(claims.char_end as integer) as char_end,
        cast(claims.published_date as date) as published_date,
        cast(claims.reported_date as date) as reported_date,
        cast(claims.extractor_version as text) as extractor_version

    from claims
    inner join sales
        on claims.sales_id = sales.sales_id

)

select * from final
