with

source as (

    select * from {{ source('staging', 'partnership_claims') }}

),

renamed as (

    select
        document_id,
        claim_index,
        extractor_version,
        company_a_id,
        company_a_name,
        company_b_id,
        company_b_name,
        is_directed,
        partnership_type,
        status,
        cast(stake_percent as numeric) as stake_percent,
        cast(amount_value as numeric) as amount_value,
        upper(amount_currency) as amount_currency,
        trigger_text,
        sentence_text,
        char_start,
        char_end

    from source

)

select * from renamed
