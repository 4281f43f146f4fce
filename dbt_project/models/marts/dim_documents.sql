with

documents as (

    select * from {{ ref('int_documents_joined') }}

),

mentions as (

    select * from {{ ref('int_company_mentions_resolved') }}

),

partnership_claims as (

    select * from {{ ref('int_partnership_claims_corrected') }}

),

sales_claims as (

    select * from {{ ref('int_sales_claims_corrected') }}

),

stories as (

    select * from {{ ref('int_document_stories') }}

),

mention_counts as (

    select
        document_id,
        count(*) as mention_count,
        count(distinct company_id) as company_count

    from mentions
    group by document_id

),

partnership_counts as (

    select
        document_id,
        count(*) as partnership_claim_count

    from partnership_claims
    group by document_id

),

sales_counts as (

    select
        document_id,
        count(*) as sales_claim_count

    from sales_claims
    group by document_id

),

final as (

    select
        cast(documents.document_id as text) as document_id,
        cast(documents.source_path as text) as source_path,
        cast(documents.source_path_count as integer) as source_path_count,
        cast(documents.source_format as text) as source_format,
        cast(documents.title as text) as title,
        cast(documents.language as text) as language,
        cast(documents.published_date as date) as published_date,
        cast(documents.published_precision as text) as published_precision,
        cast(documents.date_source as text) as date_source,
        cast(documents.reported_date as date) as reported_date,
        cast(documents.reported_date_source as text) as reported_date_source,
        cast(documents.loaded_at as timestamptz) as loaded_at,
        cast(documents.first_batch_id as bigint) as first_batch_id,
        cast(documents.byte_size as integer) as byte_size,
        cast(documents.source_encoding as text) as source_encoding,
        cast(documents.is_extracted as boolean) as is_extracted,
        cast(documents.extractor_version as text) as extractor_version,
        cast(documents.extracted_at as timestamptz) as extracted_at,
        cast(documents.char_count as integer) as char_count,
        cast(stories.story_id as text) as story_id,
        cast(stories.matched_document_id as text) as story_matched_document_id,
        cast(stories.similarity as numeric) as story_similarity,
        cast(coalesce(mention_counts.mention_count, 0) as bigint) as mention_count,
        cast(coalesce(mention_counts.company_count, 0) as bigint) as company_count,
        cast(coalesce(partnership_counts.partnership_claim_count, 0) as bigint) as partnership_claim_count,
        cast(coalesce(sales_counts.sales_claim_count, 0) as bigint) as sales_claim_count

    from documents
    inner join stories
        on documents.document_id = stories.document_id
    left join mention_counts
        on documents.document_id = mention_counts.document_id
    left join partnership_counts
        on documents.document_id = partnership_counts.document_id
    left join sales_counts
        on documents.document_id = sales_counts.document_id

)

select * from final
