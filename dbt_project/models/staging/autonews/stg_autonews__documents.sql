with

source as (

    select * from {{ source('raw', 'documents') }}

),

renamed as (

    select
        document_id,
        content_sha256,
        source_path,
        source_format,
        body as body_text,
        byte_size,
        encoding as source_encoding,
        first_batch_id,
        loaded_at

    from source

)

select * from renamed
