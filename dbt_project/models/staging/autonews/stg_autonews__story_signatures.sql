with

source as (

    select * from {{ source('staging', 'story_signatures') }}

),

renamed as (

    select
        document_id,
        story_key,
        matched_document_id,
        similarity,
        shingle_count,
        signature is not null as is_signed,
        signed_at

    from source

)

select * from renamed
