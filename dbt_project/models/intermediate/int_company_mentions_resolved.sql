with

mentions as (

    select * from {{ ref('stg_autonews__company_mentions') }}

),

extractions as (

    select * from {{ ref('stg_autonews__extractions') }}

),

documents as (

    select * from {{ ref('int_documents_joined') }}

),

names as (

    select * from {{ ref('int_company_names_resolved') }}

),

-- Only rows written by the document's current extractor version count.
current_mentions as (

    select mentions.*

    from mentions
    inner join extractions
        on
            mentions.document_id = extractions.document_id
            and mentions.extractor_version = extractions.extractor_version

),

resolved as (

    select
        {{ generate_key(['current_mentions.document_id', 'current_mentions.mention_index']) }} as mention_id,
        current_mentions.document_id,
        current_mentions.mention_index,
        names.company_id,
        names.company_name,
        current_mentions.company_id as extracted_company_id,
        names.resolution_method,
        current_mentions.match_method,
        current_mentions.surface_text,
        current_mentions.char_start,
        current_mentions.char_end,
        current_mentions.sentence_text,
        documents.published_date,
        documents.reported_date,
        documents.loaded_at,
        current_mentions.extractor_version

    from current_mentions
    inner join names
        on
            current_mentions.company_id = names.extracted_company_id
            and current_mentions.company_name = names.extracted_company_name
            and current_mentions.surface_text = names.surface_text
    inner join documents
        on current_mentions.document_id = documents.document_id
    -- Mentions of ids that are neither reference companies nor discovered ones are dropped.
    where names.company_id is not null

)

select * from resolved
