with

source as (

    select * from {{ source('staging', 'person_mentions') }}

),

renamed as (

    select
        document_id,
        mention_index,
        extractor_version,
        person_name,
        surface_text,
        char_start,
        char_end,
        sentence_text,
        role,
        role_text,
        company_id,
        company_name,
        company_mention_index

    from source

)

select * from renamed
