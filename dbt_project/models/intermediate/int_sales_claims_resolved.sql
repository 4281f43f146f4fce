with

claims as (

    select * from {{ ref('stg_autonews__sales_claims') }}

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
current_claims as (

    select claims.*

    from claims
    inner join extractions
        on
            claims.document_id = extractions.document_id
            and claims.extractor_version = extractions.extractor_version

),

resolved as (

    select
        current_claims.document_id,
        current_claims.claim_index,
        names.company_id,
        names.company_name,
        current_claims.metric,
        current_claims.value,
        current_claims.unit,
        current_claims.value_text,
        current_claims.period_start,
        current_claims.period_end,
        current_claims.period_grain,
        current_claims.market,
        current_claims.segment,
        current_claims.reporting_body,
        current_claims.sentence_text,
        current_claims.char_start,
        current_claims.char_end,
        documents.published_date,
        documents.reported_date,
        documents.loaded_at,
        current_claims.extractor_version

    from current_claims
    inner join names
        on
            current_claims.company_id = names.extracted_company_id
            and current_claims.company_name = names.extracted_company_name
            and current_claims.company_name = names.surface_text
    inner join documents
        on current_claims.document_id = documents.document_id
    -- Claims of ids that are neither reference companies nor discovered ones are dropped.
    where names.company_id is not null

),

-- Dates enter the key in ISO form whatever the session's DateStyle.
keyed as (

    select
        {{ generate_key(['document_id', 'claim_index']) }} as sales_mention_id,
        {{ generate_key([
            'company_id',
            'metric',
            "to_char(period_start, 'YYYY-MM-DD')",
            "to_char(period_end, 'YYYY-MM-DD')",
            'period_grain',
            'market',
            'segment',
        ]) }} as sales_id,
        *

    from resolved

)

select * from keyed
