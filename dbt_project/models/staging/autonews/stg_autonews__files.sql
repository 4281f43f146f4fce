with

source as (

    select * from {{ source('raw', 'files') }}

),

renamed as (

    select
        file_id,
        batch_id,
        document_id,
        source_path,
        outcome as file_outcome,
        reason as rejection_reason,
        byte_size,
        encoding as source_encoding,
        file_sha256,
        modified_at,
        seen_at

    from source

)

select * from renamed
