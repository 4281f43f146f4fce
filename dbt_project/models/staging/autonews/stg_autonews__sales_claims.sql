with

source as (

    select * from {{ source('staging', 'sales_claims') }}

),

renamed as (

    select
        document_id,
        claim_index,
        extractor_version,
        company_id,
        company_name,
        metric,
        cast(value as numeric) as value,
        unit,
        value_text,
        period_start,
        period_end,
        period_grain,
        market,
        segment,
        reporting_body,
        sentence_text,
        char_start,
        char_end

    from source

)

select * from renamed
