with

source as (

    select * from {{ source('staging', 'documents') }}

),

renamed as (

    select
        document_id,
        extractor_version,
        lower(language) as language,
        title,
        published_date,
        published_precision,
        date_source,
        text_body,
        char_count

    from source

)

select * from renamed
