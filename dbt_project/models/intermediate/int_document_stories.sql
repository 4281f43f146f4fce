with

documents as (

    select * from {{ ref('int_documents_joined') }}

),

signatures as (

    select * from {{ ref('stg_autonews__story_signatures') }}

),

-- The story step groups documents under the key of the document that founded the story.
-- A document it has not signed yet (not extracted) is a story of its own.
keyed as (

    select
        documents.document_id,
        documents.title,
        documents.language,
        documents.published_date,
        documents.reported_date,
        documents.loaded_at,
        coalesce(signatures.story_key, documents.document_id) as story_key,
        signatures.matched_document_id,
        signatures.similarity

    from documents
    left join signatures
        on documents.document_id = signatures.document_id

),

-- A story is named after its first document: the earliest reported, then the smallest id
-- (load time never decides). A copy loaded later but published earlier names the story.
final as (

    select
        document_id,
        title,
        language,
        published_date,
        reported_date,
        loaded_at,
        story_key,
        matched_document_id,
        similarity,
        first_value(document_id) over (
            partition by story_key
            order by reported_date asc, document_id asc
        ) as story_id

    from keyed

)

select * from final
