with

source as (

    select * from {{ source('staging', 'extractions') }}

),

renamed as (

    select
        document_id,
        extractor_version,
        extracted_at

    from source

)

select * from renamed
