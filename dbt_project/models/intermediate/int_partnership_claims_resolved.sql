with

claims as (

    select * from {{ ref('stg_autonews__partnership_claims') }}

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
        names_a.company_id as stated_company_a_id,
        names_a.company_name as stated_company_a_name,
        names_b.company_id as stated_company_b_id,
        names_b.company_name as stated_company_b_name,
        current_claims.partnership_type,
        current_claims.status,
        current_claims.stake_percent,
        current_claims.amount_value,
        current_claims.amount_currency,
        current_claims.trigger_text,
        current_claims.sentence_text,
        current_claims.char_start,
        current_claims.char_end,
        documents.published_date,
        documents.reported_date,
        documents.loaded_at,
        current_claims.extractor_version

    from current_claims
    inner join names as names_a
        on
            current_claims.company_a_id = names_a.extracted_company_id
            and current_claims.company_a_name = names_a.extracted_company_name
            and current_claims.company_a_name = names_a.surface_text
    inner join names as names_b
        on
            current_claims.company_b_id = names_b.extracted_company_id
            and current_claims.company_b_name = names_b.extracted_company_name
            and current_claims.company_b_name = names_b.surface_text
    inner join documents
        on current_claims.document_id = documents.document_id

),

-- Pair order is re-asserted after resolution: directed types keep the stated order
-- (company a is the investor or the buyer), the other types order the pair by id
-- (byte order, as in the "C" collation, whatever the database's default collation).
orientation as (

    select
        *,
        (
            partnership_type in {{ directed_partnership_types() }}
            or (stated_company_a_id collate "C") < (stated_company_b_id collate "C")
        ) as is_stated_order_kept

    from resolved
    -- Claims naming an unknown company, or the same company twice after resolution, are dropped.
    where stated_company_a_id is not null
        and stated_company_b_id is not null
        and stated_company_a_id <> stated_company_b_id

),

ordered as (

    select
        {{ generate_key(['document_id', 'claim_index']) }} as partnership_mention_id,
        document_id,
        claim_index,
        case when is_stated_order_kept then stated_company_a_id else stated_company_b_id end as company_a_id,
        case when is_stated_order_kept then stated_company_b_id else stated_company_a_id end as company_b_id,
        case when is_stated_order_kept then stated_company_a_name else stated_company_b_name end as company_a_name,
        case when is_stated_order_kept then stated_company_b_name else stated_company_a_name end as company_b_name,
        partnership_type,
        status,
        stake_percent,
        amount_value,
        amount_currency,
        trigger_text,
        sentence_text,
        char_start,
        char_end,
        published_date,
        reported_date,
        loaded_at,
        extractor_version

    from orientation

)

select * from ordered
