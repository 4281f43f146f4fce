with

source as (

    select * from {{ source('staging', 'company_mentions') }}

),

renamed as (

    select
        document_id,
        mention_index,
        extractor_version,
        company_id,
        company_name,
        is_reference,
        match_method,
        surface_text,
        char_start,
        char_end,
        sentence_text

    from source

)

select * from renamed
