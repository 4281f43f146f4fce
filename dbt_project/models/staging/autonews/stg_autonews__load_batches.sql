with

source as (

    select * from {{ source('raw', 'load_batches') }}

),

renamed as (

    select
        batch_id,
        source_dir,
        status as batch_status,
        started_at,
        finished_at,
        files_seen,
        files_loaded,
        files_duplicate,
        files_rejected,
        error_message

    from source

)

select * from renamed
