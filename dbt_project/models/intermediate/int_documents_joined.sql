with

documents as (

    select * from {{ ref('stg_autonews__documents') }}

),

files as (

    select * from {{ ref('stg_autonews__files') }}

),

extractions as (

    select * from {{ ref('stg_autonews__extractions') }}

),

extracted_documents as (

    select * from {{ ref('stg_autonews__extracted_documents') }}

),

-- The first file version stored for the document gives its path.
first_loaded_files as (

    select
        document_id,
        source_path,
        row_number() over (
            partition by document_id
            order by seen_at asc, file_id asc
        ) as load_rank

    from files
    where file_outcome = 'loaded'
        and document_id is not null

),

file_paths as (

    select
        document_id,
        count(distinct source_path) as source_path_count

    from files
    where file_outcome in ('loaded', 'duplicate')
        and document_id is not null
    group by document_id

),

-- Only the metadata written by the document's current extractor version counts.
current_metadata as (

    select
        extracted_documents.document_id,
        extracted_documents.language,
        extracted_documents.title,
        extracted_documents.published_date,
        extracted_documents.published_precision,
        extracted_documents.date_source,
        extracted_documents.text_body,
        extracted_documents.char_count

    from extracted_documents
    inner join extractions
        on
            extracted_documents.document_id = extractions.document_id
            and extracted_documents.extractor_version = extractions.extractor_version

),

joined as (

    select
        documents.document_id,
        coalesce(first_loaded_files.source_path, documents.source_path) as source_path,
        greatest(coalesce(file_paths.source_path_count, 0), 1) as source_path_count,
        documents.source_format,
        documents.byte_size,
        documents.source_encoding,
        documents.first_batch_id,
        documents.loaded_at,
        extractions.extractor_version,
        extractions.extracted_at,
        current_metadata.language,
        current_metadata.title,
        current_metadata.published_date,
        current_metadata.published_precision,
        current_metadata.date_source,
        current_metadata.char_count,
        -- Reported date: the publication date, or the (UTC) load date where it is unknown.
        coalesce(
            current_metadata.published_date,
            cast(timezone('UTC', documents.loaded_at) as date)
        ) as reported_date,
        case
            when current_metadata.published_date is not null then 'published'
            else 'loaded'
        end as reported_date_source,
        -- The text every character offset of the document points into.
        coalesce(current_metadata.text_body, documents.body_text) as document_text,
        current_metadata.document_id is not null as is_extracted

    from documents
    left join first_loaded_files
        on
            documents.document_id = first_loaded_files.document_id
            and first_loaded_files.load_rank = 1
    left join file_paths
        on documents.document_id = file_paths.document_id
    left join extractions
        on documents.document_id = extractions.document_id
    left join current_metadata
        on documents.document_id = current_metadata.document_id

)

select * from joined
